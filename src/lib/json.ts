import type { Prisma } from "../generated/prisma/client.ts";

/**
 * Our domain objects (payloads, answer keys, grades) are plain JSON by construction; Prisma's
 * Json input type cannot see that through interfaces, so this is the one place we say it.
 */
export function asJson(value: object): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
