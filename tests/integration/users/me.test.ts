import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const patch = (token: string, payload: object) =>
  t.app.inject({ method: "PATCH", url: "/v1/me", headers: bearer(token), payload });

describe("GET /v1/me", () => {
  it("returns the user with default settings", async () => {
    const session = await registerUser(t.app, { displayName: "Grace" });
    const response = await t.app.inject({
      method: "GET",
      url: "/v1/me",
      headers: bearer(session.accessToken),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: session.user.id,
      email: session.user.email,
      displayName: "Grace",
      role: "learner",
      settings: { timezone: "UTC", desiredRetention: 0.9, newCardsPerDay: 20, interviewDate: null },
    });
  });

  it("is 401 for a valid token whose account is gone", async () => {
    const session = await registerUser(t.app);
    await t.app.db.user.delete({ where: { id: session.user.id } });
    const response = await t.app.inject({
      method: "GET",
      url: "/v1/me",
      headers: bearer(session.accessToken),
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("PATCH /v1/me", () => {
  it("changes the display name and any subset of settings", async () => {
    const session = await registerUser(t.app);
    const response = await patch(session.accessToken, {
      displayName: "Linus",
      settings: { timezone: "Europe/Paris", desiredRetention: 0.85, interviewDate: "2027-01-15" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      displayName: "Linus",
      settings: {
        timezone: "Europe/Paris",
        desiredRetention: 0.85,
        newCardsPerDay: 20,
        interviewDate: "2027-01-15",
      },
    });
    const cleared = await patch(session.accessToken, {
      settings: { interviewDate: null, newCardsPerDay: 0 },
    });
    expect(cleared.json().settings).toMatchObject({
      interviewDate: null,
      newCardsPerDay: 0,
      timezone: "Europe/Paris",
    });
  });

  it.each([
    ["an unknown time zone", { settings: { timezone: "Mars/Olympus" } }, "body.settings.timezone"],
    ["retention below 0.70", { settings: { desiredRetention: 0.69 } }, "body.settings.desiredRetention"],
    ["retention above 0.97", { settings: { desiredRetention: 0.98 } }, "body.settings.desiredRetention"],
    ["more than 500 new cards", { settings: { newCardsPerDay: 501 } }, "body.settings.newCardsPerDay"],
    ["a fractional card count", { settings: { newCardsPerDay: 1.5 } }, "body.settings.newCardsPerDay"],
    ["a date that is not one", { settings: { interviewDate: "2027-02-30" } }, "body.settings.interviewDate"],
    ["an unknown field", { role: "admin" }, "body"],
    ["an empty display name", { displayName: "   " }, "body.displayName"],
  ])("rejects %s with 400 and changes nothing", async (_name, payload, path) => {
    const session = await registerUser(t.app);
    const before = await t.app.db.user.findUniqueOrThrow({ where: { id: session.user.id } });
    const response = await patch(session.accessToken, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    const after = await t.app.db.user.findUniqueOrThrow({ where: { id: session.user.id } });
    expect(after).toEqual(before);
  });

  it("requires a token", async () => {
    expect((await t.app.inject({ method: "PATCH", url: "/v1/me", payload: {} })).statusCode).toBe(401);
  });
});
