// Reading the bank (a topic filter, a full-text search) and checking answers against it: the
// explain check grades a 100-word answer in-process, next to an objective check that only compares.
import pg from "pg";
import type { Target } from "./run.ts";
import type { Scenario } from "./scenarios.ts";

/** The id of the first bank question the query selects, straight from the database the app serves. */
async function bankQuestion(databaseUrl: string, where: string, params: string[] = []): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM questions WHERE slug IS NOT NULL AND ${where} ORDER BY slug LIMIT 1`,
      params,
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`no bank question where ${where}`);
    return id;
  } finally {
    await client.end();
  }
}

// 100 words, right in substance, in words of its own: the scorer reads all of it.
const EXPLAIN_ANSWER =
  "When the coroutine reaches that line it does not block anything. It hands control back to the event loop and sits there suspended, while the loop registers a timer that should fire two seconds from now. During those two seconds the loop keeps itself busy with every other task that is ready to run, so a web server, say, keeps answering its other requests. When the timer goes off, the loop marks the sleep as finished and schedules our coroutine again; it resumes exactly where it paused, on the statement after the await, with all its local variables intact, as if nothing happened.";

const checkRequest = (t: Target, questionId: string, answer: unknown) => ({
  url: `${t.app}/v1/questions/${questionId}/check`,
  method: "POST" as const,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ answer }),
});

export const contentScenarios: Scenario[] = [
  { name: "GET /v1/questions?topic=gil", setup: async (t) => ({ url: `${t.app}/v1/questions?topic=gil` }) },
  {
    name: "GET /v1/questions?q=event loop",
    setup: async (t) => ({ url: `${t.app}/v1/questions?q=${encodeURIComponent("event loop")}` }),
  },
  {
    name: "POST /v1/questions/:id/check (true/false)",
    setup: async (t, url) => checkRequest(t, await bankQuestion(url, "type = 'true_false'"), true),
  },
  {
    name: "POST /v1/questions/:id/check (explain, 100-word answer)",
    setup: async (t, url) =>
      checkRequest(t, await bankQuestion(url, "slug = $1", ["await-sleep-what-happens"]), EXPLAIN_ANSWER),
  },
];
