import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/lib/clock.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";
import { review, trueFalseQuestions } from "./study-helpers.ts";

const clock = fixedClock("2026-04-01T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock, seed: async (db) => void (await seedContent(db)) });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, token: string) => t.app.inject({ method: "GET", url, headers: bearer(token) });

describe("GET /v1/study/stats", () => {
  it("counts due cards, reviews, streak, forecast, retention and recall per topic", async () => {
    const { accessToken } = await registerUser(t.app);
    await t.app.inject({
      method: "PATCH",
      url: "/v1/me",
      headers: bearer(accessToken),
      payload: { settings: { interviewDate: "2026-06-01" } },
    });
    const empty = (await get("/v1/study/stats", accessToken)).json();
    expect(empty).toMatchObject({
      dueToday: 0,
      dueTomorrow: 0,
      reviewsToday: 0,
      streakDays: 0,
      retention: { last30Days: null },
      topics: [],
    });
    expect(empty.forecast).toHaveLength(30);

    const questions = await trueFalseQuestions(t.app, 3);
    // Three days in a row of study builds a streak of 3.
    for (let day = 0; day < 3; day += 1) {
      for (const q of questions)
        await review(t.app, accessToken, {
          questionId: q.id,
          rating: day === 1 && q === questions[0] ? "again" : "good",
        });
      clock.advance(86_400_000);
    }
    clock.advance(-86_400_000 + 3_600_000);
    const stats = (await get("/v1/study/stats", accessToken)).json();
    expect(stats.reviewsToday).toBe(3);
    expect(stats.streakDays).toBe(3);
    expect(stats.forecast[0].date).toBe("2026-04-03");
    const forecastTotal = stats.forecast.reduce((sum: number, d: { due: number }) => sum + d.due, 0);
    expect(forecastTotal).toBeLessThanOrEqual(3);
    expect(stats.topics.length).toBeGreaterThan(0);
    for (const topic of stats.topics) {
      expect(topic.recall).toBeGreaterThan(0);
      expect(topic.recall).toBeLessThanOrEqual(1);
      // Two months later, less is remembered.
      expect(topic.recallAtInterview).toBeLessThan(topic.recall);
    }
  });

  it("true retention counts reviews of cards in review state that were not forgotten", async () => {
    const { accessToken } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    let card = (await review(t.app, accessToken, { questionId: q.id, rating: "easy" })).json().card;
    expect(card.state).toBe("review");
    clock.set(card.due);
    card = (await review(t.app, accessToken, { questionId: q.id, rating: "good" })).json().card;
    expect((await get("/v1/study/stats", accessToken)).json().retention.last30Days).toBe(1);
    clock.advance(86_400_000);
    await review(t.app, accessToken, { questionId: q.id, rating: "again" });
    expect((await get("/v1/study/stats", accessToken)).json().retention.last30Days).toBeCloseTo(0.5);
  });
});

describe("GET /v1/study/export", () => {
  it("streams the learner's own review log as CSV an FSRS optimizer reads", async () => {
    const owner = await registerUser(t.app);
    const other = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    await review(t.app, owner.accessToken, { questionId: q.id, rating: "good", durationMs: 4200 });
    clock.advance(600_000);
    await review(t.app, owner.accessToken, { questionId: q.id, rating: "again" });
    await review(t.app, other.accessToken, { questionId: q.id, rating: "easy" });
    const response = await get("/v1/study/export", owner.accessToken);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = response.body.trim().split("\n");
    expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(lines).toHaveLength(3);
    const [cardId, time, rating, state, duration] = (lines[1] ?? "").split(",");
    const card = await t.app.db.card.findFirstOrThrow({ where: { userId: owner.user.id } });
    expect({ cardId, rating, state, duration }).toEqual({
      cardId: card.id,
      rating: "3",
      state: "0",
      duration: "4200",
    });
    expect(Number(time)).toBeGreaterThan(0);
    expect(lines[2]?.split(",").slice(2, 4)).toEqual(["1", "1"]);
  });
});
