// The servers a benchmark run measures, each started in a child process so autocannon and the
// server do not share a core: the real app, and a baseline with a bare Fastify route and the
// same SQL done with plain `pg`.
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config/env.ts";
import { openConfiguredDatabase } from "../src/db/open-from-config.ts";
import { prepareDatabase } from "../src/db/prepare.ts";

const role = process.argv[2];
const port = Number(process.argv[3]);

if (role === "app") {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: "silent",
    RATE_LIMIT_MAX: "1000000",
    AUTH_RATE_LIMIT_MAX: "1000000",
    JWT_SECRET: process.env.JWT_SECRET ?? "bench-secret-bench-secret-bench-secret-0123",
  });
  const database = await openConfiguredDatabase(config);
  await prepareDatabase(database);
  const app = await buildApp({ config, jwtSecret: config.jwtSecret ?? "", database });
  await app.listen({ port, host: "127.0.0.1" });
} else if (role === "baseline") {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get("/bare", async () => ({ status: "ok" }));
  app.get("/pg/ready", async () => {
    await pool.query("SELECT 1");
    return { status: "ok" };
  });
  app.get<{ Params: { id: string } }>("/pg/users/:id", async (request) => {
    const { rows } = await pool.query(
      `SELECT id, email, "displayName", role, timezone, "desiredRetention", "newCardsPerDay", "interviewDate" FROM users WHERE id = $1`,
      [request.params.id],
    );
    return rows[0];
  });
  await app.listen({ port, host: "127.0.0.1" });
} else {
  throw new Error(`unknown server role ${role}`);
}
// Exit normally on SIGINT so --cpu-prof can write its profile.
process.on("SIGINT", () => process.exit(0));
process.send?.("ready");
