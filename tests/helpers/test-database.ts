// A fresh, migrated database for one test file: in-memory PGlite when DATABASE_URL is unset,
// else a new database created on that PostgreSQL server (and dropped afterwards).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/database.ts";

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL URL of this database, when running on PostgreSQL. */
  url: string | undefined;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

const pool = { poolMax: 10, connectionTimeoutMs: 5_000, idleTimeoutMs: 10_000, statementTimeoutMs: 30_000 };

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: "pglite" });
    return { database, url: undefined, open: async () => database, drop: () => database.close() };
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
    url: url.toString(),
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
