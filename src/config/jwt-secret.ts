// In development a JWT secret is generated once and kept in DATA_DIR, so tokens survive restarts
// without anyone having to invent a secret. Production must set JWT_SECRET (loadConfig enforces it).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomToken } from "../lib/hash.ts";
import type { AppConfig } from "./env.ts";

export async function resolveJwtSecret(config: AppConfig): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, "jwt-secret");
  try {
    const stored = (await readFile(file, "utf8")).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomToken(48);
  await mkdir(config.dataDir, { recursive: true });
  // flag "wx": if another process created it meanwhile, fail rather than overwrite its secret.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return (await readFile(file, "utf8")).trim();
    throw error;
  }
}
