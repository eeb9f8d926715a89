import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../../src/domain/quizzes/csv.ts";
import { drawQuestions } from "../../../src/domain/quizzes/draw.ts";
import { seededRandom, shuffled } from "../../../src/domain/quizzes/random.ts";
import { attemptTotals } from "../../../src/domain/quizzes/totals.ts";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ['=HYPERLINK("x"),y', `"'=HYPERLINK(""x""),y"`],
    [null, ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("keeps numbers as numbers, even negative ones", () => {
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(
      toCsv([
        ["a", 1],
        [true, null],
      ]),
    ).toBe("a,1\r\ntrue,\r\n");
  });
});

describe("drawQuestions", () => {
  it("finds an assignment greedy picking can miss", () => {
    const slots = [
      { pool: ["q1", "q2"], count: 1 },
      { pool: ["q2", "q3"], count: 1 },
      { pool: ["q1", "q3"], count: 1 },
    ];
    for (let seed = 0; seed < 50; seed += 1) {
      const picks = drawQuestions(slots, new Set(), seededRandom(seed));
      expect(picks).not.toBeNull();
      expect(new Set(picks?.flat()).size).toBe(3);
    }
  });

  it("never repeats a question or picks an excluded one; null when impossible", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            pool: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }),
            count: fc.integer({ min: 1, max: 3 }),
          }),
          { maxLength: 4 },
        ),
        fc.integer(),
        (raw, seed) => {
          const slots = raw.map((s) => ({ pool: s.pool.map((n) => `q${n}`), count: s.count }));
          const exclude = new Set(["q0"]);
          const picks = drawQuestions(slots, exclude, seededRandom(seed));
          if (picks === null) return;
          const all = picks.flat();
          expect(new Set(all).size).toBe(all.length);
          expect(all).not.toContain("q0");
          picks.forEach((ids, i) => {
            expect(ids).toHaveLength(slots[i]?.count ?? 0);
            for (const id of ids) expect(slots[i]?.pool).toContain(id);
          });
        },
      ),
    );
    expect(drawQuestions([{ pool: ["a"], count: 2 }], new Set(), seededRandom(1))).toBeNull();
  });
});

describe("shuffled and totals", () => {
  it("shuffles deterministically with a seed and keeps every element", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(shuffled(values, seededRandom(7))).toEqual(shuffled(values, seededRandom(7)));
    expect([...shuffled(values, seededRandom(7))].sort()).toEqual(values);
  });

  it("counts overrides over automatic points, per topic", () => {
    const totals = attemptTotals(
      [
        { questionId: "a", maxPoints: 2, topics: ["x"], autoPoints: 1, overridePoints: 2 },
        { questionId: "b", maxPoints: 2, topics: ["x", "y"], autoPoints: null, overridePoints: null },
      ],
      50,
    );
    expect(totals).toEqual({
      score: 2,
      maxScore: 4,
      percent: 50,
      passed: true,
      topics: [
        { topic: "x", score: 2, maxScore: 4 },
        { topic: "y", score: 0, maxScore: 2 },
      ],
    });
  });
});
