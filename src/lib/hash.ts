import { createHash, randomBytes } from "node:crypto";

/** A random opaque token of `bytes` bytes (32 = 256 bits), URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 hex. Tokens are stored only as this; a token has enough entropy that no salt is needed. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
