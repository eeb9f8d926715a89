// Quizzes, invites and attempts end to end: fixed and drawn items, publishing, invite expiry,
// revocation and use, concurrent starts, autosave and submit without leaking keys, deadlines with
// an injected clock, and the tokens that open attempts and nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/lib/clock.ts";
import { bearer, buildTestApp, registerUser, type Session, type TestApp } from "../../helpers/test-app.ts";
import {
  createQuestion,
  createQuiz,
  invite,
  publish,
  questionInputs,
  type Started,
  save,
  start,
  submit,
} from "./fixtures.ts";

const clock = fixedClock("2030-03-01T09:00:00.000Z");
let t: TestApp;
let owner: Session;
let other: Session;
let learner: Session;
const ids: Record<string, string> = {};
const rightChoice: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp({ clock });
  owner = await registerUser(t.app, { role: "recruiter" });
  other = await registerUser(t.app, { role: "recruiter" });
  learner = await registerUser(t.app);
  for (const [type, input] of Object.entries(questionInputs)) {
    const q = await createQuestion(t.app, owner.accessToken, input);
    ids[type] = q.id;
    const right = q.choices?.find((c) => c.correct);
    if (right) rightChoice[type] = right.id;
  }
});
afterAll(async () => {
  await t.close();
});

const id = (type: string) => ids[type] ?? "";
const as = (session: Session) => bearer(session.accessToken);

async function openQuiz(extra: object = {}) {
  const quiz = await createQuiz(t.app, owner.accessToken, {
    title: "Python concurrency screen",
    items: [
      { questionId: id("single_choice"), points: 2 },
      { questionId: id("true_false") },
      { questionId: id("explain"), points: 3 },
    ],
    ...extra,
  });
  await publish(t.app, owner.accessToken, quiz.id);
  return quiz;
}

async function begin(quizId: string, payload: object = {}): Promise<Started> {
  const inv = await invite(t.app, owner.accessToken, quizId, payload);
  const response = await start(t.app, inv.token);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe("quizzes", () => {
  it("creates a quiz of fixed and drawn items, pins versions at publish, refuses edits after", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/quizzes",
      headers: as(owner),
      payload: {
        title: "Mixed",
        timeLimitSeconds: 600,
        passingPercent: 60,
        items: [
          { questionId: id("code_output"), points: 2 },
          { draw: { topic: "recruit-asyncio", count: 2 }, points: 1.5 },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const quiz = response.json();
    expect(quiz).toMatchObject({ status: "draft", candidateSees: "score", totalPoints: 5, questionCount: 3 });
    const published = await publish(t.app, owner.accessToken, quiz.id);
    expect(published.status).toBe("open");
    expect(published.items[0]).toMatchObject({ questionId: id("code_output"), questionVersion: 1 });
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/v1/quizzes/${quiz.id}`,
      headers: as(owner),
      payload: { title: "x" },
    });
    expect(patch.statusCode).toBe(409);
    const again = await t.app.inject({
      method: "POST",
      url: `/v1/quizzes/${quiz.id}/publish`,
      headers: as(owner),
    });
    expect(again.statusCode).toBe(409);
    const started = await begin(quiz.id);
    const asyncIds = new Set([id("short_answer"), id("cloze"), id("single_choice"), id("ordering")]);
    const drawn = started.questions.slice(1).map((q) => q.id);
    expect(new Set(drawn).size).toBe(2);
    for (const q of drawn) expect(asyncIds.has(q)).toBe(true);
  });

  it("400 when a draw asks for more questions than match, or draws overlap too much", async () => {
    for (const items of [
      [{ draw: { topic: "recruit-asyncio", count: 5 } }],
      [{ questionId: id("cloze") }, { draw: { topic: "recruit-asyncio", count: 4 } }],
      [{ draw: { topic: "recruit-python", count: 1 } }, { draw: { type: "code_output", count: 1 } }],
    ]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/v1/quizzes",
        headers: as(owner),
        payload: { title: "Too many", items },
      });
      expect(response.statusCode, JSON.stringify(items)).toBe(400);
    }
  });

  it("lets a draft change, lists only the owner's quizzes, and 404s for another recruiter", async () => {
    const quiz = await createQuiz(t.app, owner.accessToken, {
      title: "Draft",
      items: [{ questionId: id("true_false") }],
    });
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/v1/quizzes/${quiz.id}`,
      headers: as(owner),
      payload: { title: "Renamed", items: [{ questionId: id("cloze"), points: 4 }] },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ title: "Renamed", totalPoints: 4 });
    const mine = await t.app.inject({ method: "GET", url: "/v1/quizzes?limit=100", headers: as(owner) });
    expect(mine.json().items.map((q: { id: string }) => q.id)).toContain(quiz.id);
    const theirs = await t.app.inject({ method: "GET", url: "/v1/quizzes?limit=100", headers: as(other) });
    expect(theirs.json().items).toEqual([]);
    for (const [method, url] of [
      ["GET", `/v1/quizzes/${quiz.id}`],
      ["PATCH", `/v1/quizzes/${quiz.id}`],
      ["POST", `/v1/quizzes/${quiz.id}/publish`],
      ["POST", `/v1/quizzes/${quiz.id}/close`],
      ["POST", `/v1/quizzes/${quiz.id}/invites`],
      ["GET", `/v1/quizzes/${quiz.id}/invites`],
      ["GET", `/v1/quizzes/${quiz.id}/attempts`],
      ["GET", `/v1/quizzes/${quiz.id}/report`],
      ["GET", `/v1/quizzes/${quiz.id}/results.csv`],
    ] as const) {
      const payload = method === "PATCH" ? { title: "x" } : method === "POST" ? {} : undefined;
      const response = await t.app.inject({
        method,
        url,
        headers: as(other),
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      const forbidden = await t.app.inject({
        method,
        url,
        headers: as(learner),
        ...(payload ? { payload } : {}),
      });
      expect(forbidden.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});

describe("invites", () => {
  it("shows the token once, stores only its hash, lists attempts used", async () => {
    const quiz = await openQuiz();
    const inv = await invite(t.app, owner.accessToken, quiz.id, {
      candidateEmail: "Ada@Example.com",
      maxAttempts: 2,
    });
    expect(inv.token.length).toBeGreaterThanOrEqual(43);
    const row = await t.app.db.invite.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).not.toContain(inv.token);
    expect((await start(t.app, inv.token)).statusCode).toBe(201);
    const list = await t.app.inject({
      method: "GET",
      url: `/v1/quizzes/${quiz.id}/invites`,
      headers: as(owner),
    });
    expect(list.body).not.toContain(inv.token);
    expect(list.json().items[0]).toMatchObject({
      id: inv.id,
      attemptsUsed: 1,
      maxAttempts: 2,
      candidateEmail: "ada@example.com",
    });
  });

  it("410 for an expired invite and a closed quiz, 404 revoked or unknown, 409 used up", async () => {
    const quiz = await openQuiz();
    const expiring = await invite(t.app, owner.accessToken, quiz.id, {
      expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    const revoked = await invite(t.app, owner.accessToken, quiz.id);
    const once = await invite(t.app, owner.accessToken, quiz.id);
    const later = await invite(t.app, owner.accessToken, quiz.id);
    const del = (inviteId: string, session: Session) =>
      t.app.inject({
        method: "DELETE",
        url: `/v1/quizzes/${quiz.id}/invites/${inviteId}`,
        headers: as(session),
      });
    expect((await del(revoked.id, other)).statusCode).toBe(404);
    expect((await del(revoked.id, owner)).statusCode).toBe(204);
    expect((await start(t.app, revoked.token)).statusCode).toBe(404);
    expect((await start(t.app, "not-a-real-token-at-all-0000000000")).statusCode).toBe(404);
    expect((await start(t.app, once.token)).statusCode).toBe(201);
    expect((await start(t.app, once.token)).statusCode).toBe(409);
    clock.advance(61_000);
    expect((await start(t.app, expiring.token)).statusCode).toBe(410);
    await t.app.inject({ method: "POST", url: `/v1/quizzes/${quiz.id}/close`, headers: as(owner) });
    expect((await start(t.app, later.token)).statusCode).toBe(410);
  });

  it("two concurrent starts with a one-attempt invite: one 201, one 409", async () => {
    const quiz = await openQuiz();
    const inv = await invite(t.app, owner.accessToken, quiz.id);
    const results = await Promise.all([start(t.app, inv.token), start(t.app, inv.token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await t.app.db.attempt.count({ where: { inviteId: inv.id } })).toBe(1);
  });
});

describe("attempts", () => {
  it("autosaves and submits; no answer key reaches the candidate before submit; a second submit replays", async () => {
    const quiz = await openQuiz({
      candidateSees: "answers",
      shuffleQuestions: true,
      shuffleChoices: true,
      passingPercent: 50,
    });
    const started = await begin(quiz.id, { candidateName: "Ada" });
    expect(started.attempt.status).toBe("in_progress");
    expect(started.questions.map((q) => q.id).sort()).toEqual(
      [id("single_choice"), id("true_false"), id("explain")].sort(),
    );
    const secrets = ["correct", "answerKey", "rubric", "referenceAnswer", "accepted", "phrasings", "own GIL"];
    for (const secret of secrets) expect(JSON.stringify(started)).not.toContain(secret);

    expect((await save(t.app, started, id("true_false"), "false")).statusCode).toBe(422);
    expect((await save(t.app, started, id("cloze"), ["a", "b"])).statusCode).toBe(404);
    const saved = await save(t.app, started, id("true_false"), false);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ questionId: id("true_false"), savedAt: clock.now().toISOString() });
    expect((await save(t.app, started, id("single_choice"), rightChoice.single_choice)).statusCode).toBe(200);
    expect(
      (
        await save(
          t.app,
          started,
          id("explain"),
          "Each process gets a separate GIL, so the work runs in parallel on multiple cores.",
        )
      ).statusCode,
    ).toBe(200);

    const read = await t.app.inject({
      method: "GET",
      url: `/v1/attempts/${started.attempt.id}`,
      headers: bearer(started.attemptToken),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().answers).toHaveLength(3);
    for (const secret of secrets) expect(read.body).not.toContain(secret);

    const first = await submit(t.app, started);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.attempt.status).toBe("submitted");
    expect(body.result).toMatchObject({ maxScore: 6, passed: true });
    expect(body.result.score).toBeGreaterThanOrEqual(3);
    expect(body.result.items).toHaveLength(3);
    expect((await submit(t.app, started)).json()).toEqual(body);
    expect((await save(t.app, started, id("true_false"), true)).statusCode).toBe(409);
  });

  it("grades against the version the quiz pinned, not a later edit", async () => {
    const q = await createQuestion(t.app, owner.accessToken, {
      ...questionInputs.true_false,
      prompt: "Pinned: the GIL is per process.",
      answer: true,
    });
    const quiz = await createQuiz(t.app, owner.accessToken, {
      title: "Pinned",
      items: [{ questionId: q.id }],
    });
    await publish(t.app, owner.accessToken, quiz.id);
    const edit = await t.app.inject({
      method: "PATCH",
      url: `/v1/questions/${q.id}`,
      headers: as(owner),
      payload: { prompt: "Edited", answer: false },
    });
    expect(edit.statusCode).toBe(200);
    const started = await begin(quiz.id);
    expect(started.questions[0]).toMatchObject({ prompt: "Pinned: the GIL is per process." });
    await save(t.app, started, q.id, true);
    expect((await submit(t.app, started)).json().result).toMatchObject({
      score: 1,
      maxScore: 1,
      percent: 100,
    });
  });

  it("enforces the deadline: a late save is 409 and the attempt is submitted with the in-time answers", async () => {
    const quiz = await openQuiz({ timeLimitSeconds: 60, candidateSees: "score" });
    const started = await begin(quiz.id);
    expect(started.attempt.deadline).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    expect((await save(t.app, started, id("true_false"), false)).statusCode).toBe(200);
    clock.advance(63_000); // within the 5 s grace
    expect((await save(t.app, started, id("single_choice"), rightChoice.single_choice)).statusCode).toBe(200);
    clock.advance(3_000); // past deadline + grace
    expect((await save(t.app, started, id("explain"), "own GIL, parallel")).statusCode).toBe(409);
    const read = await t.app.inject({
      method: "GET",
      url: `/v1/attempts/${started.attempt.id}`,
      headers: bearer(started.attemptToken),
    });
    expect(read.json().attempt.status).toBe("expired");
    expect(
      read
        .json()
        .answers.map((a: { questionId: string }) => a.questionId)
        .sort(),
    ).toEqual([id("single_choice"), id("true_false")].sort());
    const submitted = await submit(t.app, started);
    expect(submitted.json()).toMatchObject({
      attempt: { status: "expired" },
      result: { score: 3, maxScore: 6 },
    });
  });

  it("submits lazily when the recruiter reads results of an attempt past its deadline", async () => {
    const quiz = await openQuiz({ timeLimitSeconds: 30 });
    const started = await begin(quiz.id);
    await save(t.app, started, id("true_false"), false);
    clock.advance(36_000);
    const list = await t.app.inject({
      method: "GET",
      url: `/v1/quizzes/${quiz.id}/attempts`,
      headers: as(owner),
    });
    expect(list.json().items[0]).toMatchObject({ status: "expired", score: 1, maxScore: 6 });
  });

  it("accepts attempt tokens only on their own attempt and nowhere else; user tokens not at all", async () => {
    const quiz = await openQuiz();
    const a = await begin(quiz.id);
    const b = await begin(quiz.id);
    const url = (s: Started) => `/v1/attempts/${s.attempt.id}`;
    expect(
      (await t.app.inject({ method: "GET", url: url(b), headers: bearer(a.attemptToken) })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: "GET", url: url(a), headers: as(owner) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: url(a) })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: "POST", url: `${url(a)}/submit`, headers: as(learner) })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: "GET", url: "/v1/me", headers: bearer(a.attemptToken) })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: "GET", url: "/v1/quizzes", headers: bearer(a.attemptToken) })).statusCode,
    ).toBe(401);
  });
});
