import type { FastifyBaseLogger } from "fastify";
import type { AppConfig } from "../config/env.ts";
import { type Database, openDatabase, pgliteDirectory } from "./database.ts";

/** The database the config names: PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(
  config: AppConfig,
  log?: Pick<FastifyBaseLogger, "error">,
): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({
        kind: "postgres",
        url: config.databaseUrl,
        pool: config.db,
        onPoolError: (error) => log?.error({ err: error }, "idle database connection failed"),
      })
    : openDatabase({ kind: "pglite", dataDir: pgliteDirectory(config.dataDir) });
}
