// Password hashing with argon2id (the @node-rs/argon2 default), at OWASP's recommended cost:
// 19 MiB of memory, 2 passes, 1 lane. Hashing runs on libuv's thread pool, off the event loop.
import { hash, verify } from "@node-rs/argon2";

const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

// Verified against when the email is unknown, so both failures take the same time.
const decoyHash = hashPassword("decoy password that never matches anything");

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
