import type autocannon from "autocannon";

// What the bench measures. Each scenario prepares its own data through the API and names the
// request autocannon repeats. Baselines (bare Fastify, plain pg) sit next to what they compare.
import type { Target } from "./run.ts";

export interface Setup {
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH";
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
  connections?: number;
  overallRate?: number;
  /** Measure with an evenly paced open-model load at this rate instead of autocannon (GET only). */
  pacedRate?: number;
}

export interface Scenario {
  name: string;
  setup(target: Target, databaseUrl: string): Promise<Setup>;
}

async function learner(target: Target): Promise<{ token: string; id: string }> {
  const response = await fetch(`${target.app}/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `bench-${Date.now()}-${Math.random()}@example.com`,
      password: "bench password 123",
    }),
  });
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { token: body.accessToken, id: body.user.id };
}

interface Candidate {
  attemptId: string;
  token: string;
  questionId: string;
}

async function call<T>(url: string, method: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * One open quiz (a recruiter's true/false and short-answer questions) and `count` candidates who
 * have each started an attempt through their own invite: the state of a live assessment.
 */
async function candidates(target: Target, count: number): Promise<Candidate[]> {
  const { accessToken } = await call<{ accessToken: string }>(
    `${target.app}/v1/auth/register`,
    "POST",
    null,
    {
      email: `bench-recruiter-${Date.now()}-${Math.random()}@example.com`,
      password: "bench password 123",
      role: "recruiter",
    },
  );
  const question = (payload: object) =>
    call<{ id: string }>(`${target.app}/v1/questions`, "POST", accessToken, {
      difficulty: "easy",
      topics: ["bench"],
      ...payload,
    });
  const tf = await question({ type: "true_false", prompt: "The GIL is per process.", answer: true });
  const short = await question({ type: "short_answer", prompt: "Keyword for a coroutine?", answer: "async" });
  const quiz = await call<{ id: string }>(`${target.app}/v1/quizzes`, "POST", accessToken, {
    title: "Bench quiz",
    items: [{ questionId: tf.id }, { questionId: short.id }],
  });
  await call(`${target.app}/v1/quizzes/${quiz.id}/publish`, "POST", accessToken);
  const started: Candidate[] = [];
  for (let i = 0; i < count; i += 1) {
    const invite = await call<{ token: string }>(
      `${target.app}/v1/quizzes/${quiz.id}/invites`,
      "POST",
      accessToken,
      {
        candidateName: `Candidate ${i}`,
      },
    );
    const attempt = await call<{ attempt: { id: string }; attemptToken: string }>(
      `${target.app}/v1/attempts`,
      "POST",
      null,
      { inviteToken: invite.token },
    );
    started.push({ attemptId: attempt.attempt.id, token: attempt.attemptToken, questionId: tf.id });
  }
  return started;
}

/** Gives each autocannon connection its own candidate (connections = candidates). */
function perCandidate(
  list: Candidate[],
  build: (candidate: Candidate) => autocannon.Request,
): autocannon.Request[] {
  const assigned = new WeakMap<object, Candidate>();
  let next = 0;
  return [
    {
      setupRequest: (request, context) => {
        let candidate = assigned.get(context);
        if (!candidate) {
          candidate = list[next % list.length];
          next += 1;
          if (!candidate) return request;
          assigned.set(context, candidate);
        }
        return { ...request, ...build(candidate) };
      },
    },
  ];
}

const CANDIDATES = 50;

export const scenarios: Scenario[] = [
  { name: "baseline: bare Fastify route", setup: async (t) => ({ url: `${t.baseline}/bare` }) },
  { name: "baseline: plain pg SELECT 1", setup: async (t) => ({ url: `${t.baseline}/pg/ready` }) },
  {
    name: "GET /health/live (app plugins, no database)",
    setup: async (t) => ({ url: `${t.app}/health/live` }),
  },
  { name: "GET /health/ready", setup: async (t) => ({ url: `${t.app}/health/ready` }) },
  {
    name: "baseline: plain pg user by id",
    setup: async (t) => ({ url: `${t.baseline}/pg/users/${(await learner(t)).id}` }),
  },
  {
    name: "GET /v1/me",
    setup: async (t) => ({
      url: `${t.app}/v1/me`,
      headers: { authorization: `Bearer ${(await learner(t)).token}` },
    }),
  },
  {
    name: `PUT /v1/attempts/:id/answers/:questionId (${CANDIDATES} candidates autosaving, one quiz)`,
    setup: async (t) => {
      const list = await candidates(t, CANDIDATES);
      return {
        url: t.app,
        connections: CANDIDATES,
        requests: perCandidate(list, (c) => ({
          method: "PUT",
          path: `/v1/attempts/${c.attemptId}/answers/${c.questionId}`,
          headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json" },
          body: JSON.stringify({ answer: true }),
        })),
      };
    },
  },
  {
    // The first submit of each attempt grades it; later ones replay the stored response, as a
    // candidate's retrying client would see.
    name: `POST /v1/attempts/:id/submit (${CANDIDATES} candidates, one quiz)`,
    setup: async (t) => {
      const list = await candidates(t, CANDIDATES);
      return {
        url: t.app,
        connections: CANDIDATES,
        requests: perCandidate(list, (c) => ({
          method: "POST",
          path: `/v1/attempts/${c.attemptId}/submit`,
          headers: { authorization: `Bearer ${c.token}` },
        })),
      };
    },
  },
];
