// A fresh database for one test file: in-memory PGlite when DATABASE_URL is unset, else a new
// database created on that PostgreSQL server (and dropped afterwards).
// PGlite's initdb takes seconds, so a migrated data directory is dumped once to the temp dir
// (keyed by the migrations) and every test database starts from a copy of it.
import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase, type SqlConnection } from "../../src/db/database.ts";
import { applyMigrations, readMigrations } from "../../src/db/migrate.ts";

export interface TestDatabase {
  database: Database;
  /** Opens another handle on the same database (a second pool; on PGlite, the same instance). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

const pool = { poolMax: 10, connectionTimeoutMs: 5_000, idleTimeoutMs: 10_000, statementTimeoutMs: 30_000 };

async function migratedPgliteTemplate(): Promise<Blob> {
  const migrations = await readMigrations();
  const key = createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const file = join(tmpdir(), `prepdeck-pglite-template-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const pglite = await PGlite.create();
    const connection: SqlConnection = {
      query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
      exec: async (sql) => {
        await pglite.exec(sql);
      },
    };
    await applyMigrations(connection, migrations);
    const dump = await pglite.dumpDataDir("none");
    await pglite.close();
    // Write then rename, so a parallel test file never reads half a template.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  }
}

/** `empty: true` gives a database with no tables at all (for testing the migration runner). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = options.empty ? undefined : await migratedPgliteTemplate();
    const database = await openDatabase({ kind: "pglite", ...(template ? { template } : {}) });
    return { database, open: async () => database, drop: () => database.close() };
  }
  const name = `prepdeck_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const open = async () => {
    const database = await openDatabase({ kind: "postgres", url: url.toString(), pool });
    opened.push(database);
    return database;
  };
  const database = await open();
  return {
    database,
    open,
    async drop() {
      await Promise.allSettled(opened.map((d) => d.close()));
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
