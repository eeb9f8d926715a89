// The API-wide conventions of API.md: problem details, size and type limits, headers, limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { CORS_ORIGINS: "https://app.example.com" } });
});
afterAll(async () => {
  await t.close();
});

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) => {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
};

describe("problem responses", () => {
  it("404 for an unknown route", async () => {
    expectProblem(await t.app.inject({ method: "GET", url: "/v1/nothing-here" }), 404);
  });

  it("400 for a body that is not JSON", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expectProblem(response, 400);
  });

  it("400 for a missing body", async () => {
    const response = await t.app.inject({ method: "POST", url: "/v1/auth/login" });
    expectProblem(response, 400);
  });

  it("415 for a content type the API does not speak", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<login/>",
    });
    expectProblem(response, 415);
  });

  it("413 for a body over 1 MiB, before any work is done", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/auth/register",
      payload: { email: "big@example.com", password: "0123456789", displayName: "x".repeat(1024 * 1024) },
    });
    expectProblem(response, 413);
    expect(await t.app.db.user.count({ where: { email: "big@example.com" } })).toBe(0);
  });

  it("400 names each invalid field with its path", async () => {
    const session = await registerUser(t.app);
    const response = await t.app.inject({
      method: "PATCH",
      url: "/v1/me",
      headers: bearer(session.accessToken),
      payload: { settings: { desiredRetention: 2, newCardsPerDay: -1 } },
    });
    expectProblem(response, 400);
    const paths = (response.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(["body.settings.desiredRetention", "body.settings.newCardsPerDay"]);
  });
});

describe("headers", () => {
  it("sets security headers and echoes a request id", async () => {
    const response = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBeDefined();
    expect(response.headers["strict-transport-security"]).toBeDefined();
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a sane incoming request id and replaces an unsafe one", async () => {
    const kept = await t.app.inject({
      method: "GET",
      url: "/health/live",
      headers: { "x-request-id": "abc-123" },
    });
    expect(kept.headers["x-request-id"]).toBe("abc-123");
    const replaced = await t.app.inject({
      method: "GET",
      url: "/health/live",
      headers: { "x-request-id": "a b\nc" },
    });
    expect(replaced.headers["x-request-id"]).not.toBe("a b\nc");
  });

  it("allows CORS only from configured origins", async () => {
    const allowed = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/me",
      headers: { origin: "https://app.example.com", "access-control-request-method": "GET" },
    });
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://app.example.com");
    const denied = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/me",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "GET" },
    });
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("rate limits", () => {
  it("throttles login harder than the rest, with 429 and Retry-After", async () => {
    const limited = await buildTestApp({ env: { AUTH_RATE_LIMIT_MAX: "3", RATE_LIMIT_MAX: "1000" } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: "POST",
          url: "/v1/auth/login",
          payload: { email: "a@example.com", password: "whatever-wrong" },
        });
      for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expectProblem(blocked, 429);
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
      // Other routes keep their own, larger budget; probes are never limited.
      expect((await limited.app.inject({ method: "GET", url: "/openapi.json" })).statusCode).toBe(200);
      expect((await limited.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("limits the whole API per client", async () => {
    const limited = await buildTestApp({ env: { RATE_LIMIT_MAX: "2" } });
    try {
      const session = await registerUser(limited.app);
      const me = () =>
        limited.app.inject({ method: "GET", url: "/v1/me", headers: bearer(session.accessToken) });
      await me();
      await me();
      expectProblem(await me(), 429);
      expect((await limited.app.inject({ method: "GET", url: "/health/ready" })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
