import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, buildTestApp, registerUser, TEST_JWT_SECRET, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: "POST", url, payload: payload as object });

describe("POST /v1/auth/register", () => {
  it("creates a learner by default and returns a session", async () => {
    const response = await post("/v1/auth/register", {
      email: "  Ada@Example.COM ",
      password: "0123456789",
      displayName: "Ada",
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: "ada@example.com", displayName: "Ada", role: "learner" });
    expect(body.expiresIn).toBe(900);
    expect(typeof body.accessToken).toBe("string");
    expect(body.refreshToken.length).toBeGreaterThanOrEqual(43);
    const stored = await t.app.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const tokens = await t.app.db.refreshToken.findMany({ where: { userId: stored.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).not.toBe(body.refreshToken);
  });

  it("gives the access token a 15-minute lifetime with issuer and audience", async () => {
    const session = await registerUser(t.app);
    const payload = JSON.parse(Buffer.from(session.accessToken.split(".")[1] ?? "", "base64url").toString());
    expect(payload.exp - payload.iat).toBe(900);
    expect(payload).toMatchObject({
      iss: "prepdeck",
      aud: "prepdeck-api",
      sub: session.user.id,
      role: "learner",
    });
  });

  it("accepts the recruiter role", async () => {
    const session = await registerUser(t.app, { role: "recruiter" });
    expect(session.user.role).toBe("recruiter");
  });

  it("rejects a duplicate email, whatever its case, with 409", async () => {
    await registerUser(t.app, { email: "dup@example.com" });
    const response = await post("/v1/auth/register", { email: "DUP@example.com", password: "0123456789" });
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(await t.app.db.user.count({ where: { email: "dup@example.com" } })).toBe(1);
  });

  it("never accepts the admin role", async () => {
    const response = await post("/v1/auth/register", {
      email: "root@example.com",
      password: "0123456789",
      role: "admin",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: "body.role" })]);
    expect(await t.app.db.user.count({ where: { email: "root@example.com" } })).toBe(0);
  });

  it("names every bad field", async () => {
    const response = await post("/v1/auth/register", { email: "not-an-email", password: "short", extra: 1 });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ type: "/problems/validation-error", title: "Bad Request", status: 400 });
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password"]));
    expect(paths.some((p: string) => p.startsWith("body"))).toBe(true);
  });
});

describe("POST /v1/auth/login", () => {
  it("logs in with the right password", async () => {
    const { user, password } = await registerUser(t.app);
    const response = await post("/v1/auth/login", { email: user.email.toUpperCase(), password });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(user.id);
  });

  it("gives the same 401 for an unknown email and a wrong password", async () => {
    const { user } = await registerUser(t.app);
    const wrong = await post("/v1/auth/login", { email: user.email, password: "wrong password!" });
    const unknown = await post("/v1/auth/login", {
      email: "nobody@example.com",
      password: "wrong password!",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });
});

describe("refresh token rotation", () => {
  it("issues a new pair and retires the old refresh token", async () => {
    const first = await registerUser(t.app);
    const rotated = await post("/v1/auth/refresh", { refreshToken: first.refreshToken });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const me = await t.app.inject({ method: "GET", url: "/v1/me", headers: bearer(second.accessToken) });
    expect(me.statusCode).toBe(200);
  });

  it("revokes the whole login when a rotated token is presented again", async () => {
    const first = await registerUser(t.app);
    const second = (await post("/v1/auth/refresh", { refreshToken: first.refreshToken })).json();
    const reuse = await post("/v1/auth/refresh", { refreshToken: first.refreshToken });
    expect(reuse.statusCode).toBe(401);
    // The attacker's or the victim's newer token: either way, that login is over.
    const afterReuse = await post("/v1/auth/refresh", { refreshToken: second.refreshToken });
    expect(afterReuse.statusCode).toBe(401);
    const live = await t.app.db.refreshToken.count({ where: { userId: first.user.id, revokedAt: null } });
    expect(live).toBe(0);
  });

  it("does not touch the user's other logins", async () => {
    const first = await registerUser(t.app);
    const other = (
      await post("/v1/auth/login", { email: first.user.email, password: first.password })
    ).json();
    await post("/v1/auth/refresh", { refreshToken: first.refreshToken });
    await post("/v1/auth/refresh", { refreshToken: first.refreshToken });
    const otherRefresh = await post("/v1/auth/refresh", { refreshToken: other.refreshToken });
    expect(otherRefresh.statusCode).toBe(200);
  });

  it("lets only one of two concurrent refreshes of one token through", async () => {
    const first = await registerUser(t.app);
    const results = await Promise.all([
      post("/v1/auth/refresh", { refreshToken: first.refreshToken }),
      post("/v1/auth/refresh", { refreshToken: first.refreshToken }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it("rejects an unknown refresh token", async () => {
    const response = await post("/v1/auth/refresh", { refreshToken: "made-up" });
    expect(response.statusCode).toBe(401);
  });

  it("logout revokes the login and is idempotent", async () => {
    const session = await registerUser(t.app);
    const out = await post("/v1/auth/logout", { refreshToken: session.refreshToken });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe("");
    expect((await post("/v1/auth/refresh", { refreshToken: session.refreshToken })).statusCode).toBe(401);
    expect((await post("/v1/auth/logout", { refreshToken: session.refreshToken })).statusCode).toBe(204);
  });
});

describe("access token attacks", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const me = (token: string) => t.app.inject({ method: "GET", url: "/v1/me", headers: bearer(token) });

  it("rejects a missing or malformed token", async () => {
    expect((await t.app.inject({ method: "GET", url: "/v1/me" })).statusCode).toBe(401);
    expect((await me("not.a.jwt")).statusCode).toBe(401);
    const response = await t.app.inject({
      method: "GET",
      url: "/v1/me",
      headers: { authorization: "Basic abc" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it('rejects alg "none"', async () => {
    const session = await registerUser(t.app);
    const claims = {
      sub: session.user.id,
      role: "admin",
      iss: "prepdeck",
      aud: "prepdeck-api",
      iat: now(),
      exp: now() + 600,
    };
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    expect((await me(token)).statusCode).toBe(401);
  });

  it("rejects a token signed with another secret", async () => {
    const session = await registerUser(t.app);
    const sign = createSigner({
      key: "another-secret-another-secret-another-secret",
      iss: "prepdeck",
      aud: "prepdeck-api",
      expiresIn: 600_000,
    });
    expect((await me(sign({ sub: session.user.id, role: "learner" }))).statusCode).toBe(401);
  });

  it("rejects a tampered payload", async () => {
    const session = await registerUser(t.app);
    const [header, payload, signature] = session.accessToken.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const forged = `${header}.${b64({ ...claims, role: "admin" })}.${signature}`;
    expect((await me(forged)).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(200);
  });

  it("rejects an expired token", async () => {
    const session = await registerUser(t.app);
    const past = Date.now() - 3_600_000;
    const sign = createSigner({
      key: TEST_JWT_SECRET,
      iss: "prepdeck",
      aud: "prepdeck-api",
      expiresIn: 60_000,
      clockTimestamp: past,
    });
    expect((await me(sign({ sub: session.user.id, role: "learner" }))).statusCode).toBe(401);
  });

  it("rejects the right secret with the wrong audience or issuer", async () => {
    const session = await registerUser(t.app);
    const wrongAud = createSigner({
      key: TEST_JWT_SECRET,
      iss: "prepdeck",
      aud: "prepdeck-attempt",
      expiresIn: 600_000,
    });
    const wrongIss = createSigner({
      key: TEST_JWT_SECRET,
      iss: "someone-else",
      aud: "prepdeck-api",
      expiresIn: 600_000,
    });
    expect((await me(wrongAud({ sub: session.user.id, role: "learner" }))).statusCode).toBe(401);
    expect((await me(wrongIss({ sub: session.user.id, role: "learner" }))).statusCode).toBe(401);
  });

  it("rejects HS384 even with the right secret (algorithm pinned)", async () => {
    const session = await registerUser(t.app);
    const sign = createSigner({
      key: TEST_JWT_SECRET,
      algorithm: "HS384",
      iss: "prepdeck",
      aud: "prepdeck-api",
      expiresIn: 600_000,
    });
    expect((await me(sign({ sub: session.user.id, role: "learner" }))).statusCode).toBe(401);
  });
});
