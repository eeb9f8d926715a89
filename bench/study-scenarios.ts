// Studying at scale: one learner holding 10,000 cards and 100,000 review-log rows, the queue at
// a steady 200 requests/s and reviews flat out, each beside the same SQL through plain pg.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Target } from "./run.ts";
import type { Scenario } from "./scenarios.ts";

const CARDS = 10_000;
const LOG_ROWS = 100_000;

interface Learner {
  id: string;
  token: string;
  questionIds: string[];
}

let learner: Promise<Learner> | undefined;

async function createLearner(target: Target, databaseUrl: string): Promise<Learner> {
  const response = await fetch(`${target.app}/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `study-bench-${Date.now()}@example.com`, password: "bench password 123" }),
  });
  const session = (await response.json()) as { accessToken: string; user: { id: string } };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // 10,000 questions so the learner can hold 10,000 cards (one per question), mostly due.
    await client.query(
      `INSERT INTO questions (id, slug, type, prompt, difficulty, payload, "answerKey", origin, visibility, status, "updatedAt")
       SELECT 'bench-q-' || g, 'bench-q-' || g, 'true_false', 'Bench statement ' || g, 'easy', '{}', '{"answer": true}',
              'custom', 'public', 'published', now()
       FROM generate_series(1, $1::int) g`,
      [CARDS],
    );
    await client.query(
      `INSERT INTO cards (id, "userId", "questionId", state, due, stability, difficulty, "scheduledDays", reps, lapses,
                          "lastReview", "updatedAt")
       SELECT 'bench-c-' || g, $1, 'bench-q-' || g,
              (CASE WHEN g % 10 = 0 THEN 'learning' ELSE 'review' END)::"CardState",
              now() + interval '1 hour' * ((g % 200) - 100), 12, 5, 10, 10, 1, now() - interval '10 days', now()
       FROM generate_series(1, $2::int) g`,
      [session.user.id, CARDS],
    );
    await client.query(
      `INSERT INTO review_logs (id, "userId", "cardId", "clientReviewId", rating, "previousState", "stateBefore",
                                "stateAfter", response, "reviewedAt")
       SELECT 'bench-r-' || g, $1, 'bench-c-' || (1 + g % $2::int), 'bench-' || g, 'good', 'review', '{}', '{}', '{}',
              now() - interval '1 minute' * g
       FROM generate_series(1, $3::int) g`,
      [session.user.id, CARDS, LOG_ROWS],
    );
    // Steady state: autovacuum would have set the visibility map by now, enabling index-only counts.
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  const questionIds = Array.from({ length: CARDS }, (_, i) => `bench-q-${i + 1}`);
  return { id: session.user.id, token: session.accessToken, questionIds };
}

function studyLearner(target: Target, databaseUrl: string): Promise<Learner> {
  learner ??= createLearner(target, databaseUrl);
  return learner;
}

const pick = (ids: string[]) => ids[Math.floor(Math.random() * ids.length)] ?? "";

export const studyScenarios: Scenario[] = [
  {
    name: "baseline: plain pg queue SQL, autocannon @200 req/s (bursty)",
    setup: async (t, url) => {
      const l = await studyLearner(t, url);
      return { url: `${t.baseline}/pg/queue/${l.id}`, connections: 10, overallRate: 200 };
    },
  },
  {
    name: "GET /v1/study/queue, autocannon @200 req/s (bursty)",
    setup: async (t, url) => {
      const l = await studyLearner(t, url);
      return {
        url: `${t.app}/v1/study/queue`,
        headers: { authorization: `Bearer ${l.token}` },
        connections: 10,
        overallRate: 200,
      };
    },
  },
  {
    name: "baseline: plain pg queue SQL, paced 200 req/s",
    setup: async (t, url) => ({
      url: `${t.baseline}/pg/queue/${(await studyLearner(t, url)).id}`,
      pacedRate: 200,
    }),
  },
  {
    name: "GET /v1/study/queue, paced 200 req/s (10k cards, 100k log rows)",
    setup: async (t, url) => {
      const l = await studyLearner(t, url);
      return {
        url: `${t.app}/v1/study/queue`,
        headers: { authorization: `Bearer ${l.token}` },
        pacedRate: 200,
      };
    },
  },
  {
    name: "baseline: plain pg review transaction",
    setup: async (t, url) => {
      const l = await studyLearner(t, url);
      return {
        url: t.baseline,
        requests: [
          {
            method: "POST",
            path: "/pg/review",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                userId: l.id,
                questionId: pick(l.questionIds),
                clientReviewId: randomUUID(),
              }),
            }),
          },
        ],
      };
    },
  },
  {
    name: "POST /v1/study/reviews",
    setup: async (t, url) => {
      const l = await studyLearner(t, url);
      return {
        url: t.app,
        requests: [
          {
            method: "POST",
            path: "/v1/study/reviews",
            headers: { "content-type": "application/json", authorization: `Bearer ${l.token}` },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                questionId: pick(l.questionIds),
                rating: "good",
                clientReviewId: randomUUID(),
              }),
            }),
          },
        ],
      };
    },
  },
];
