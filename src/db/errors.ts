import { Prisma } from "../generated/prisma/client.ts";

/**
 * A unique-constraint violation, from a model query (P2002) or a raw one (P2010 carrying the
 * driver adapter's UniqueConstraintViolation, or PostgreSQL's SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const meta = JSON.stringify(error.meta ?? {});
  return error.code === "P2010" && (meta.includes("UniqueConstraintViolation") || meta.includes("23505"));
}
