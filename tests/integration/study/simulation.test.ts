// A learner studying for 90 days on an injected clock: intervals grow when right and shrink
// when wrong, and the card the API keeps matches ts-fsrs run directly on the same log.
import { type Card, createEmptyCard, fsrs, Rating } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/lib/clock.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { bearer, buildTestApp, registerUser, type TestApp } from "../../helpers/test-app.ts";
import { review, trueFalseQuestions } from "./study-helpers.ts";

const START = "2026-01-05T08:00:00Z";
const clock = fixedClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock, seed: async (db) => void (await seedContent(db)) });
});
afterAll(async () => {
  await t.close();
});

describe("a simulated learner over 90 days", () => {
  it("grows intervals when right, shrinks them when wrong, and matches ts-fsrs on the same log", async () => {
    const { accessToken } = await registerUser(t.app);
    const [q] = await trueFalseQuestions(t.app, 1);
    if (!q) throw new Error("bank too small");
    const end = Date.parse(START) + 90 * 86_400_000;
    // Wrong on the 4th and 7th review, right otherwise.
    const wrongAt = new Set([4, 7]);
    const log: { answeredRight: boolean; at: Date; interval: number; state: string }[] = [];
    let n = 0;
    while (clock.now().getTime() < end) {
      n += 1;
      const answeredRight = !wrongAt.has(n);
      const at = clock.now();
      const response = await review(t.app, accessToken, {
        questionId: q.id,
        answer: answeredRight ? q.right : !q.right,
        durationMs: 20_000,
      });
      expect(response.statusCode).toBe(201);
      const card = response.json().card;
      const interval = Date.parse(card.due) - at.getTime();
      expect(interval).toBeGreaterThan(0);
      log.push({ answeredRight, at, interval, state: card.state });
      clock.set(card.due);
    }
    expect(log.length).toBeGreaterThanOrEqual(8);
    expect(log.filter((e) => !e.answeredRight)).toHaveLength(2);

    // Once in review state, a right answer lengthens the interval and a wrong one shortens it.
    let grew = 0;
    let shrank = 0;
    for (let i = 1; i < log.length; i += 1) {
      const previous = log[i - 1];
      const current = log[i];
      if (!previous || !current || previous.state !== "review") continue;
      if (current.answeredRight && current.state === "review") {
        expect(current.interval).toBeGreaterThan(previous.interval);
        grew += 1;
      }
      if (!current.answeredRight) {
        expect(current.interval).toBeLessThan(previous.interval);
        shrank += 1;
      }
    }
    expect(grew).toBeGreaterThanOrEqual(2);
    expect(shrank).toBeGreaterThanOrEqual(1);

    // ts-fsrs directly, on the same ratings at the same times, with the learner's retention.
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: true });
    let expected: Card = createEmptyCard(new Date(START));
    for (const entry of log) {
      expected = scheduler.next(expected, entry.at, entry.answeredRight ? Rating.Good : Rating.Again).card;
    }
    const cards = await t.app.inject({ method: "GET", url: "/v1/study/cards", headers: bearer(accessToken) });
    const actual = cards.json().items[0];
    expect(actual.due).toBe(expected.due.toISOString());
    expect(actual.stability).toBeCloseTo(expected.stability, 10);
    expect(actual.difficulty).toBeCloseTo(expected.difficulty, 10);
    expect(actual.reps).toBe(expected.reps);
    expect(actual.lapses).toBe(expected.lapses);
  });
});
