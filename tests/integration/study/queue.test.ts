import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/lib/clock.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";
import { queue, review, trueFalseQuestions } from "./study-helpers.ts";

// 14:00 UTC is 23:00 in Tokyo: the learner's day ends an hour from now.
const clock = fixedClock("2026-03-10T14:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock, seed: async (db) => void (await seedContent(db)) });
});
afterAll(async () => {
  await t.close();
});

async function learner(settings: object) {
  const session = await registerUser(t.app);
  const response = await t.app.inject({
    method: "PATCH",
    url: "/v1/me",
    headers: bearer(session.accessToken),
    payload: { settings },
  });
  expect(response.statusCode).toBe(200);
  return session;
}

describe("GET /v1/study/queue", () => {
  it("serves due learning cards, then due reviews most overdue first, then new cards", async () => {
    clock.set("2026-03-10T14:00:00Z");
    const { accessToken } = await learner({ newCardsPerDay: 50 });
    const [a, b, c] = await trueFalseQuestions(t.app, 3);
    if (!a || !b || !c) throw new Error("bank too small");
    await review(t.app, accessToken, { questionId: a.id, rating: "easy" }); // review, due in days
    clock.advance(3_600_000);
    await review(t.app, accessToken, { questionId: b.id, rating: "easy" }); // review, due later than a
    await review(t.app, accessToken, { questionId: c.id, rating: "again" }); // learning, due in a minute
    clock.advance(60 * 86_400_000);
    const { items, counts } = await queue(t.app, accessToken, "?limit=5");
    expect(items[0]?.question.id).toBe(c.id);
    expect(new Set(items.slice(1, 3).map((i) => i.question.id))).toEqual(new Set([a.id, b.id]));
    expect(items.slice(0, 3).map((i) => i.card.state)).toEqual(["learning", "review", "review"]);
    // Most overdue first: the earlier due date comes first (fuzz decides which of a and b that is).
    expect(Date.parse(items[1]?.card.due ?? "")).toBeLessThanOrEqual(Date.parse(items[2]?.card.due ?? ""));
    expect(items.slice(3).every((i) => i.card.state === "new")).toBe(true);
    expect(counts).toMatchObject({ learning: 1, review: 2 });
    // No answers in the queue either.
    expect(JSON.stringify(items)).not.toMatch(/"(answer|accepted|rubric|correct|answerKey)"/);
  });

  it("limits new cards per day, counted in the learner's time zone across midnight", async () => {
    clock.set("2026-03-10T14:00:00Z");
    const { accessToken } = await learner({ timezone: "Asia/Tokyo", newCardsPerDay: 3 });
    const before = await queue(t.app, accessToken, "?limit=50");
    expect(before.counts.new).toBe(3);
    expect(before.items.filter((i) => i.card.state === "new")).toHaveLength(3);
    for (const item of before.items)
      await review(t.app, accessToken, { questionId: item.question.id, rating: "good" });
    clock.advance(30 * 60_000); // 23:30 in Tokyo: still the same day
    const sameDay = await queue(t.app, accessToken, "?limit=50");
    expect(sameDay.counts.new).toBe(0);
    expect(sameDay.items.filter((i) => i.card.state === "new")).toHaveLength(0);
    clock.advance(60 * 60_000); // 00:30 in Tokyo (still 15:30 on the 10th in UTC): a new day
    const nextDay = await queue(t.app, accessToken, "?limit=50");
    expect(nextDay.counts.new).toBe(3);
    expect(nextDay.items.filter((i) => i.card.state === "new")).toHaveLength(3);
  });

  it("never serves suspended cards, and filters by topic and document", async () => {
    clock.set("2026-03-10T14:00:00Z");
    const { accessToken } = await learner({ newCardsPerDay: 500 });
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    await t.app.inject({
      method: "PATCH",
      url: `/v1/study/cards/${q.id}`,
      headers: bearer(accessToken),
      payload: { suspended: true },
    });
    const all = await queue(t.app, accessToken, "?limit=100");
    expect(all.items.some((i) => i.question.id === q.id)).toBe(false);

    const gil = await queue(t.app, accessToken, "?limit=100&topic=gil");
    expect(gil.items.length).toBeGreaterThan(0);
    const gilIds = new Set(
      (await t.app.db.questionTopic.findMany({ where: { topic: { slug: "gil" } } })).map(
        (qt) => qt.questionId,
      ),
    );
    for (const item of gil.items) expect(gilIds.has(item.question.id)).toBe(true);
    const none = await queue(t.app, accessToken, "?document=no-such-document");
    expect(none.items).toEqual([]);
  });

  it("needs a token and validates its query", async () => {
    expect((await t.app.inject({ method: "GET", url: "/v1/study/queue" })).statusCode).toBe(401);
    const { accessToken } = await registerUser(t.app);
    expect(
      (await t.app.inject({ method: "GET", url: "/v1/study/queue?limit=0", headers: bearer(accessToken) }))
        .statusCode,
    ).toBe(400);
  });
});
