import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/lib/clock.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";
import { review, trueFalseQuestions } from "./study-helpers.ts";

const clock = fixedClock("2026-06-01T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock, seed: async (db) => void (await seedContent(db)) });
});
afterAll(async () => {
  await t.close();
});

describe("POST /v1/study/reviews", () => {
  it("grades the answer and turns the grade into the rating", async () => {
    const { accessToken } = await registerUser(t.app);
    const [q1, q2, q3] = await trueFalseQuestions(t.app, 3);
    if (!q1 || !q2 || !q3) throw new Error("bank too small");
    const right = await review(t.app, accessToken, {
      questionId: q1.id,
      answer: q1.right,
      durationMs: 20_000,
    });
    expect(right.statusCode).toBe(201);
    expect(right.json()).toMatchObject({
      review: { rating: "good", score: 1 },
      grade: { verdict: "correct" },
      card: { questionId: q1.id, reps: 1 },
    });
    const fast = await review(t.app, accessToken, { questionId: q2.id, answer: q2.right, durationMs: 3_000 });
    expect(fast.json().review.rating).toBe("easy");
    const wrong = await review(t.app, accessToken, { questionId: q3.id, answer: !q3.right });
    expect(wrong.json()).toMatchObject({
      review: { rating: "again", score: 0 },
      grade: { verdict: "incorrect" },
    });
    const log = await t.app.db.reviewLog.findFirstOrThrow({ where: { id: wrong.json().review.id } });
    expect(log).toMatchObject({ rating: "again", score: 0, previousState: "new" });
    expect(log.graderVersion).toMatch(/^\d{4}\./);
  });

  it("lets an explicit rating override the grade (self-grading)", async () => {
    const { accessToken } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    const response = await review(t.app, accessToken, { questionId: q.id, answer: !q.right, rating: "hard" });
    expect(response.json()).toMatchObject({
      review: { rating: "hard", score: 0 },
      grade: { verdict: "incorrect" },
    });
    const selfRated = await review(t.app, accessToken, { questionId: q.id, rating: "easy" });
    expect(selfRated.statusCode).toBe(201);
    expect(selfRated.json().grade).toBeUndefined();
  });

  it("answers a retry with the first response and records nothing", async () => {
    const { accessToken, user } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    const clientReviewId = randomUUID();
    const first = await review(t.app, accessToken, { questionId: q.id, answer: q.right, clientReviewId });
    clock.advance(60_000);
    const retry = await review(t.app, accessToken, { questionId: q.id, answer: !q.right, clientReviewId });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await t.app.db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    const other = await trueFalseQuestions(t.app, 2);
    const reused = await review(t.app, accessToken, {
      questionId: other[1]?.id ?? "",
      rating: "good",
      clientReviewId,
    });
    expect(reused.statusCode).toBe(409);
  });

  it("never loses an update: 20 concurrent reviews of one card give reps 20", async () => {
    const { accessToken, user } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => review(t.app, accessToken, { questionId: q.id, rating: "good" })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const card = await t.app.db.card.findFirstOrThrow({ where: { userId: user.id, questionId: q.id } });
    expect(card.reps).toBe(20);
    expect(await t.app.db.reviewLog.count({ where: { userId: user.id } })).toBe(20);
    expect(await t.app.db.card.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a wrong answer shape (422), a missing answer and rating (400), an unknown question (404), recording nothing", async () => {
    const { accessToken, user } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    expect((await review(t.app, accessToken, { questionId: q.id, answer: "yes" })).statusCode).toBe(422);
    expect((await review(t.app, accessToken, { questionId: q.id })).statusCode).toBe(400);
    expect((await review(t.app, accessToken, { questionId: q.id, rating: "great" })).statusCode).toBe(400);
    expect((await review(t.app, accessToken, { questionId: "nope", rating: "good" })).statusCode).toBe(404);
    expect(
      (await review(t.app, accessToken, { questionId: q.id, rating: "good", clientReviewId: "not-a-uuid" }))
        .statusCode,
    ).toBe(400);
    expect(await t.app.db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await t.app.db.card.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("undo", () => {
  it("restores the card exactly, only for the latest review of the card", async () => {
    const { accessToken } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    const first = (await review(t.app, accessToken, { questionId: q.id, rating: "good" })).json();
    clock.advance(3_600_000);
    const second = (await review(t.app, accessToken, { questionId: q.id, rating: "again" })).json();

    const tooOld = await t.app.inject({
      method: "POST",
      url: `/v1/study/reviews/${first.review.id}/undo`,
      headers: bearer(accessToken),
    });
    expect(tooOld.statusCode).toBe(409);

    const undone = await t.app.inject({
      method: "POST",
      url: `/v1/study/reviews/${second.review.id}/undo`,
      headers: bearer(accessToken),
    });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().card).toEqual(first.card);
    const again = await t.app.inject({
      method: "POST",
      url: `/v1/study/reviews/${second.review.id}/undo`,
      headers: bearer(accessToken),
    });
    expect(again.statusCode).toBe(409);
    // Now the first review is the latest again, and undoing it makes the card new.
    const toNew = await t.app.inject({
      method: "POST",
      url: `/v1/study/reviews/${first.review.id}/undo`,
      headers: bearer(accessToken),
    });
    expect(toNew.json().card).toMatchObject({ state: "new", reps: 0, lapses: 0, lastReview: null });
  });

  it("404s another learner's review", async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    const mine = (await review(t.app, owner.accessToken, { questionId: q.id, rating: "good" })).json();
    const response = await t.app.inject({
      method: "POST",
      url: `/v1/study/reviews/${mine.review.id}/undo`,
      headers: bearer(stranger.accessToken),
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("leeches and suspension", () => {
  it("suspends and flags a card on its 8th lapse; suspended cards are not reviewable or queued", async () => {
    const { accessToken, user } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    let card = (await review(t.app, accessToken, { questionId: q.id, rating: "good" })).json().card;
    for (let lapse = 1; lapse <= 8; lapse += 1) {
      // Graduate to review, then forget: each "again" from review state is one lapse.
      for (let i = 0; i < 6 && card.state !== "review"; i += 1) {
        clock.set(card.due);
        card = (await review(t.app, accessToken, { questionId: q.id, rating: "good" })).json().card;
      }
      expect(card.state).toBe("review");
      clock.set(card.due);
      const response = await review(t.app, accessToken, { questionId: q.id, rating: "again" });
      expect(response.statusCode).toBe(201);
      card = response.json().card;
      expect(card.lapses).toBe(lapse);
      expect(card.suspended).toBe(lapse === 8);
      expect(card.leech).toBe(lapse === 8);
    }
    expect((await review(t.app, accessToken, { questionId: q.id, rating: "good" })).statusCode).toBe(409);
    const listed = await t.app.inject({
      method: "GET",
      url: "/v1/study/cards?suspended=true",
      headers: bearer(accessToken),
    });
    expect(listed.json().items).toEqual([expect.objectContaining({ questionId: q.id, leech: true })]);
    const unsuspend = await t.app.inject({
      method: "PATCH",
      url: `/v1/study/cards/${q.id}`,
      headers: bearer(accessToken),
      payload: { suspended: false },
    });
    expect(unsuspend.json()).toMatchObject({ suspended: false, leech: false, lapses: 8 });
    expect(await t.app.db.card.count({ where: { userId: user.id } })).toBe(1);
  });
});
