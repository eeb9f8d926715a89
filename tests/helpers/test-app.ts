// buildTestApp(): the real app on a fresh database of its own, with test-friendly limits and a
// clock the test controls. One per test file (or per describe) so files run in parallel.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { prepareDatabase, type Seeder } from "../../src/db/prepare.ts";
import { type Clock, systemClock } from "../../src/lib/clock.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export const TEST_JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

export interface TestApp {
  app: FastifyInstance;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: { env?: Record<string, string>; clock?: Clock; seed?: Seeder } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  await prepareDatabase(testDatabase.database, { seed: options.seed });
  const config = loadConfig({
    NODE_ENV: "test",
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_MAX: "100000",
    AUTH_RATE_LIMIT_MAX: "100000",
    // PGlite runs queries synchronously in WebAssembly, so a busy test file can stall the event
    // loop for a while; load shedding is tested on its own with a low threshold.
    MAX_EVENT_LOOP_DELAY_MS: "0",
    ...options.env,
  });
  const app = await buildApp({
    config,
    jwtSecret: TEST_JWT_SECRET,
    database: testDatabase.database,
    clock: options.clock ?? systemClock,
    logger: false,
  });
  return {
    app,
    testDatabase,
    async close() {
      await app.close();
      await testDatabase.drop();
    },
  };
}

export interface Session {
  user: { id: string; email: string; displayName: string | null; role: string };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

let counter = 0;

/** Registers a fresh user through the API. */
export async function registerUser(
  app: FastifyInstance,
  fields: { email?: string; password?: string; role?: "learner" | "recruiter"; displayName?: string } = {},
): Promise<Session & { password: string }> {
  counter += 1;
  const password = fields.password ?? "correct horse battery staple";
  const response = await app.inject({
    method: "POST",
    url: "/v1/auth/register",
    payload: { email: fields.email ?? `user${counter}-${Date.now()}@example.com`, password, ...fields },
  });
  if (response.statusCode !== 201)
    throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return { ...(response.json() as Session), password };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
