// Applies prisma/migrations/* in order and records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does (same table, checksum and lock), so either tool can take over.
// Each migration runs in its own transaction; a PostgreSQL advisory lock keeps two instances
// starting together from racing.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlConnection } from "./database.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Prisma Migrate's own advisory lock key ("prsi" in ASCII), so our runner and Prisma's exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  /** Already applied, but the file changed since: Prisma warns about these too. */
  modified: string[];
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Runs `fn` while holding the migration advisory lock on this connection's session. */
export async function withMigrationLock<T>(connection: SqlConnection, fn: () => Promise<T>): Promise<T> {
  await connection.exec(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`);
  try {
    return await fn();
  } finally {
    await connection.exec(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK})`);
  }
}

/** Applies pending migrations. Call inside withMigrationLock. */
export async function applyMigrations(
  connection: SqlConnection,
  migrations: Migration[],
): Promise<MigrationReport> {
  await connection.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await connection.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and was not rolled back; resolve it (prisma migrate resolve) before starting.`,
    );
  }
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const report: MigrationReport = { applied: [], modified: [] };
  for (const migration of migrations) {
    const recorded = done.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) report.modified.push(migration.name);
      continue;
    }
    await connection.exec("BEGIN");
    try {
      await connection.exec(migration.sql);
      await connection.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await connection.exec("COMMIT");
    } catch (error) {
      await connection.exec("ROLLBACK");
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    report.applied.push(migration.name);
  }
  return report;
}
