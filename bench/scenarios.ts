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
];
