// The servers a benchmark run measures, each started in a child process so autocannon and the
// server do not share a core: the real app, and a baseline with a bare Fastify route and the
// same SQL done with plain `pg`.
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config/env.ts";
import { openConfiguredDatabase } from "../src/db/open-from-config.ts";
import { prepareDatabase } from "../src/db/prepare.ts";
import { warmUpScoring } from "../src/domain/scoring/index.ts";
import { seedContent } from "../src/modules/content/seed-content.ts";
import { queueSql } from "../src/modules/study/study.repository.ts";

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
  await prepareDatabase(database, { seed: async (prisma) => void (await seedContent(prisma)) });
  warmUpScoring();
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
  // The study queue: the very statement the app runs, through plain pg.
  app.get<{ Params: { userId: string } }>("/pg/queue/:userId", async (request) => {
    const sql = queueSql({
      userId: request.params.userId,
      now: new Date(),
      limit: 20,
      filter: {},
    });
    // Prepared once per connection, as the app's Database.read does.
    const { rows } = await pool.query({ name: "queue", text: sql.text, values: sql.values });
    return { items: rows };
  });
  // A review: the statements the app's review transaction runs, through plain pg.
  app.post<{ Body: { userId: string; questionId: string; clientReviewId: string } }>(
    "/pg/review",
    async (request, reply) => {
      const { userId, questionId, clientReviewId } = request.body;
      const client = await pool.connect();
      try {
        await client.query(`SELECT * FROM review_logs WHERE "userId" = $1 AND "clientReviewId" = $2`, [
          userId,
          clientReviewId,
        ]);
        await client.query(`SELECT * FROM users WHERE id = $1`, [userId]);
        await client.query(`SELECT * FROM questions WHERE id = $1 AND status = 'published'`, [questionId]);
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO cards (id, "userId", "questionId", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, now())
         ON CONFLICT ("userId", "questionId") DO NOTHING`,
          [userId, questionId],
        );
        const { rows } = await client.query(
          `SELECT * FROM cards WHERE "userId" = $1 AND "questionId" = $2 FOR UPDATE`,
          [userId, questionId],
        );
        const card = rows[0] as { id: string; state: string };
        await client.query(
          `UPDATE cards SET reps = reps + 1, due = now() + interval '3 days', "lastReview" = now(), "updatedAt" = now() WHERE id = $1`,
          [card.id],
        );
        await client.query(
          `INSERT INTO review_logs (id, "userId", "cardId", "clientReviewId", rating, "previousState", "stateBefore", "stateAfter", response, "reviewedAt")
         VALUES (gen_random_uuid()::text, $1, $2, $3, 'good', $4, '{}', '{}', '{}', now())`,
          [userId, card.id, clientReviewId, card.state],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
      return reply.code(201).send({ ok: true });
    },
  );
  await app.listen({ port, host: "127.0.0.1" });
} else {
  throw new Error(`unknown server role ${role}`);
}
// Exit normally on SIGINT so --cpu-prof can write its profile.
process.on("SIGINT", () => process.exit(0));
process.send?.("ready");
