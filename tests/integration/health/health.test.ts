import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.app.close();
  await t?.testDatabase.drop().catch(() => undefined);
  t = undefined;
});

describe("health", () => {
  it("live and ready answer 200 while the database answers", async () => {
    t = await buildTestApp();
    const live = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok" });
  });

  it("ready answers 503 with Retry-After when the database is gone; live still 200", async () => {
    t = await buildTestApp();
    await t.testDatabase.database.close();
    const ready = await t.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(ready.headers["retry-after"]).toBeDefined();
    expect(ready.json()).toMatchObject({ status: 503, type: "/problems/not-ready" });
    expect((await t.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
  });

  it("an unexpected failure is a 500 with a request id and no internals", async () => {
    t = await buildTestApp();
    const session = await t.app.inject({
      method: "POST",
      url: "/v1/auth/register",
      payload: { email: "x@example.com", password: "0123456789" },
    });
    await t.testDatabase.database.close();
    const response = await t.app.inject({
      method: "GET",
      url: "/v1/me",
      headers: { authorization: `Bearer ${session.json().accessToken}`, "x-request-id": "trace-123" },
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers["x-request-id"]).toBe("trace-123");
    const body = response.json();
    expect(body).toMatchObject({ status: 500, type: "/problems/internal", requestId: "trace-123" });
    expect(JSON.stringify(body)).not.toMatch(/at |\.ts|prisma|pglite|stack/i);
  });
});
