// Opens the database prepdeck runs on: PostgreSQL through `pg` when DATABASE_URL is set, else an
// embedded PGlite (real PostgreSQL in WebAssembly) kept in DATA_DIR. Both give the same Prisma
// client plus a raw connection for what Prisma cannot do (migration scripts, session locks).
import { createHash } from "node:crypto";
import { join } from "node:path";
import { Mutex, PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";

export type { PrismaClient } from "../generated/prisma/client.ts";

/** One connection, for multi-statement scripts and session-level advisory locks. */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (simple query protocol). */
  exec(sql: string): Promise<void>;
}

export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /** One round trip to the server, for readiness probes (no Prisma query planning on the hot path). */
  ping(): Promise<void>;
  /**
   * A read-only statement straight on the driver, outside any transaction: for the few hot reads
   * where Prisma's per-query overhead dominates (the study queue). Build it with Prisma.sql.
   */
  read<Row>(statement: { text: string; values: unknown[] }): Promise<Row[]>;
  close(): Promise<void>;
}

export interface PoolSettings {
  poolMax: number;
  connectionTimeoutMs: number;
  idleTimeoutMs: number;
  statementTimeoutMs: number;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; pool: PoolSettings; onPoolError?: (error: Error) => void }
  /** `dataDir` undefined: in memory (tests). `template`: start from a dumped data directory. */
  | { kind: "pglite"; dataDir?: string; template?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target.dataDir, target.template);
}

/** Where `npm start` keeps its embedded database. */
export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, "pglite");
}

// Our timestamps are UTC in `timestamp` columns: send Dates as UTC whatever the process's zone.
pg.defaults.parseInputDatesAsUTC = true;

function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Database {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.pool.poolMax,
    connectionTimeoutMillis: target.pool.connectionTimeoutMs,
    idleTimeoutMillis: target.pool.idleTimeoutMs,
    // A runaway query is cut off server-side rather than holding a connection forever.
    statement_timeout: target.pool.statementTimeoutMs,
    application_name: "prepdeck",
  });
  // An idle client losing its connection (server restart) emits here; unhandled it would crash.
  pool.on("error", (error) => target.onPoolError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    async ping() {
      await pool.query("SELECT 1");
    },
    async read<Row>(statement: { text: string; values: unknown[] }) {
      // Named by its text, so each pooled connection prepares it once and skips re-planning
      // (about a third of the queue statement's server time).
      const name = `read_${createHash("sha1").update(statement.text).digest("hex").slice(0, 20)}`;
      return (await pool.query({ name, text: statement.text, values: statement.values })).rows as Row[];
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, template: Blob | undefined): Promise<Database> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is one session, so a session-level advisory lock would not exclude a second caller
  // in this process; the mutex makes withConnection exclusive as a pooled connection would be.
  const exclusive = new Mutex();
  return {
    kind: "pglite",
    prisma,
    async ping() {
      await pglite.query("SELECT 1");
    },
    async read<Row>(statement: { text: string; values: unknown[] }) {
      return (await pglite.query<Row>(statement.text, statement.values)).rows;
    },
    withConnection: (fn) =>
      exclusive.runExclusive(() =>
        fn({
          query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
          exec: async (sql) => {
            await pglite.exec(sql);
          },
        }),
      ),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
