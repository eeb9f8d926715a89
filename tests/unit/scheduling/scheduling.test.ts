import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FAST_ANSWER_MS, ratingFromGrade } from "../../../src/domain/scheduling/rating.ts";
import {
  newCardState,
  ratings,
  recallProbability,
  replayReviews,
  scheduleReview,
} from "../../../src/domain/scheduling/scheduler.ts";
import { addDays, localDate, startOfLocalDate, studyDay } from "../../../src/domain/scheduling/study-day.ts";
import { streakFrom } from "../../../src/modules/study/stats.service.ts";

describe("ratingFromGrade", () => {
  it.each([
    ["incorrect", undefined, false, "again"],
    ["partial", 1_000, false, "hard"],
    ["correct", undefined, false, "good"],
    ["correct", FAST_ANSWER_MS.objective + 1, false, "good"],
    ["correct", FAST_ANSWER_MS.objective, false, "easy"],
    ["correct", 30_000, true, "easy"],
    ["correct", 60_000, true, "good"],
  ] as const)("%s in %s ms (free text %s) → %s", (verdict, durationMs, freeText, rating) => {
    expect(ratingFromGrade({ verdict }, { durationMs, freeText })).toBe(rating);
  });
});

describe("study days", () => {
  it("starts a Tokyo day at 15:00 UTC the day before", () => {
    expect(localDate(new Date("2026-03-10T14:59:59Z"), "Asia/Tokyo")).toBe("2026-03-10");
    expect(localDate(new Date("2026-03-10T15:00:00Z"), "Asia/Tokyo")).toBe("2026-03-11");
    expect(startOfLocalDate("2026-03-11", "Asia/Tokyo").toISOString()).toBe("2026-03-10T15:00:00.000Z");
  });

  it("handles daylight saving: a New York day is 23 hours long in spring and 25 in autumn", () => {
    const spring = studyDay(new Date("2026-03-08T12:00:00Z"), "America/New_York");
    expect(spring.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = studyDay(new Date("2026-11-01T12:00:00Z"), "America/New_York");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("contains the instant it was computed for, in any zone", () => {
    const zones = [
      "UTC",
      "Asia/Tokyo",
      "America/New_York",
      "Europe/Paris",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "Pacific/Chatham",
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const day = studyDay(instant, zone);
          expect(day.start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(day.end.getTime()).toBeGreaterThan(instant.getTime());
          expect(addDays(day.date, 1)).toBe(localDate(day.end, zone));
        },
      ),
    );
  });

  it("counts a streak back from today, or from yesterday before today's first review", () => {
    expect(streakFrom(new Set(["2026-04-01", "2026-04-02", "2026-04-03"]), "2026-04-03")).toBe(3);
    expect(streakFrom(new Set(["2026-04-01", "2026-04-02"]), "2026-04-03")).toBe(2);
    expect(streakFrom(new Set(["2026-04-01"]), "2026-04-03")).toBe(0);
  });
});

describe("scheduler", () => {
  const rating = fc.constantFrom(...ratings);
  const history = fc.array(fc.tuple(rating, fc.integer({ min: 0, max: 60 * 86_400_000 })), {
    minLength: 1,
    maxLength: 25,
  });

  it("never moves due into the past, and keeps recall a probability", () => {
    fc.assert(
      fc.property(history, fc.double({ min: 0.7, max: 0.97, noNaN: true }), (steps, retention) => {
        let now = new Date("2026-01-01T00:00:00Z");
        let card = newCardState(now);
        for (const [r, wait] of steps) {
          now = new Date(now.getTime() + wait);
          card = scheduleReview(card, r, now, retention);
          expect(card.due.getTime()).toBeGreaterThan(now.getTime());
          const recall = recallProbability(card, new Date(now.getTime() + wait));
          expect(recall).toBeGreaterThanOrEqual(0);
          expect(recall).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rebuilds a card from its log exactly", () => {
    fc.assert(
      fc.property(history, (steps) => {
        const start = new Date("2026-01-01T00:00:00Z");
        let now = start;
        let card = newCardState(start);
        const log: { rating: (typeof ratings)[number]; reviewedAt: Date; desiredRetention: number }[] = [];
        for (const [r, wait] of steps) {
          now = new Date(now.getTime() + wait);
          card = scheduleReview(card, r, now, 0.9);
          log.push({ rating: r, reviewedAt: now, desiredRetention: 0.9 });
        }
        expect(replayReviews(log, start)).toEqual(card);
      }),
      { numRuns: 100 },
    );
  });

  it("asks for a higher desired retention with shorter intervals", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    let relaxed = newCardState(now);
    let strict = newCardState(now);
    for (let i = 0; i < 4; i += 1) {
      relaxed = scheduleReview(relaxed, "good", relaxed.state === "new" ? now : relaxed.due, 0.8);
      strict = scheduleReview(strict, "good", strict.state === "new" ? now : strict.due, 0.95);
    }
    expect(strict.scheduledDays).toBeLessThan(relaxed.scheduledDays);
  });
});
