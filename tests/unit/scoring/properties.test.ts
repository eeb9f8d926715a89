// Properties over every question type: grades stay in [0, 1], the expected answer always scores 1,
// and a rubric's reference answer always reaches the correct threshold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredQuestion } from "../../../src/domain/questions/question-spec.ts";
import { EXPLAIN_THRESHOLDS, gradeAnswer } from "../../../src/domain/scoring/index.ts";
import { allObjective, explain, sequentialIds, stored } from "./fixtures.ts";

const words = fc.constantFrom(
  "the",
  "GIL",
  "thread",
  "threads",
  "not",
  "never",
  "run",
  "in",
  "parallel",
  "I/O",
  "releases",
  "multiprocessing",
  "processes",
  "own",
  "interpreter",
  "CPU-bound",
  "one",
  "at",
  "a",
  "time",
  ",",
  ".",
  "\n",
  "é",
  "🙂",
  "",
);
const prose = fc.array(words, { maxLength: 60 }).map((ws) => ws.join(" "));
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), prose);

/** An answer of the right shape (and known ids) for the question, random otherwise. */
function answerFor(q: StoredQuestion): fc.Arbitrary<unknown> {
  const choiceIds = (q.payload.choices ?? []).map((c) => c.id);
  switch (q.type) {
    case "single_choice":
      return fc.constantFrom(...choiceIds);
    case "multiple_choice":
      return fc.subarray(choiceIds);
    case "true_false":
      return fc.boolean();
    case "ordering":
      return fc.shuffledSubarray(q.answerKey.order ?? [], { minLength: q.answerKey.order?.length ?? 0 });
    case "cloze":
      return fc.array(text, { minLength: q.payload.blanks ?? 0, maxLength: q.payload.blanks ?? 0 });
    default:
      return text;
  }
}

const everyQuestion = [...Object.values(allObjective).map((make) => make()), explain()];

describe("scoring properties", () => {
  it.each(everyQuestion.map((q) => [q.type, q] as const))(
    "%s: score ∈ [0, 1] for any answer of the right shape",
    (_, q) => {
      fc.assert(
        fc.property(answerFor(q), (answer) => {
          const { grade, uncertain } = gradeAnswer(q, answer);
          expect(grade.score).toBeGreaterThanOrEqual(0);
          expect(grade.score).toBeLessThanOrEqual(1);
          expect(Number.isFinite(grade.score)).toBe(true);
          expect(typeof uncertain).toBe("boolean");
          const correctFrom = q.type === "explain" ? EXPLAIN_THRESHOLDS.correct : 0.999;
          expect(grade.verdict === "correct").toBe(grade.score >= correctFrom);
          if (q.type !== "explain") expect(grade.verdict === "incorrect").toBe(grade.score === 0);
        }),
        { numRuns: 150 },
      );
    },
  );

  it("the expected answer of any generated objective question scores 1", () => {
    const label = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => s.trim().length > 0 && !s.includes("_"));
    const choices = fc
      .uniqueArray(label, { minLength: 2, maxLength: 8, selector: (s) => s.trim() })
      .chain((texts) =>
        fc.tuple(
          fc.constant(texts),
          fc.array(fc.boolean(), { minLength: texts.length, maxLength: texts.length }),
        ),
      );
    const common = { prompt: "Pick.", difficulty: "easy", topics: ["gil"] };
    const question = fc.oneof(
      choices.chain(([texts, flags]) =>
        fc.constantFrom(
          {
            ...common,
            type: "multiple_choice",
            choices: texts.map((t, i) => ({ text: t, correct: flags[i] === true || i === 0 })),
          },
          { ...common, type: "single_choice", choices: texts.map((t, i) => ({ text: t, correct: i === 0 })) },
          { ...common, type: "ordering", items: texts },
        ),
      ),
      fc.boolean().map((answer) => ({ ...common, type: "true_false", answer })),
      label.map((answer) => ({ ...common, type: "short_answer", answer })),
      fc
        .string({ maxLength: 80 })
        .map((answer) => ({ ...common, type: "code_output", code: "print()", answer })),
      fc.array(label, { minLength: 1, maxLength: 4 }).map((answer) => ({
        ...common,
        type: "cloze",
        prompt: answer.map(() => "___").join(" and "),
        answer,
      })),
    );
    fc.assert(
      fc.property(question, fc.integer(), (input, seed) => {
        const q = stored(input, sequentialIds(`q${seed}`));
        const { grade } = gradeAnswer(q, gradeAnswer(q, expectedShapeProbe(q)).grade.expected);
        expect(grade.score).toBe(1);
        expect(grade.verdict).toBe("correct");
      }),
      { numRuns: 300 },
    );
  });

  it("the reference answer of hand-made rubrics reaches the correct threshold", () => {
    const q = explain();
    const { grade } = gradeAnswer(q, q.answerKey.rubric?.referenceAnswer);
    expect(grade.score).toBeGreaterThanOrEqual(EXPLAIN_THRESHOLDS.correct);
    expect(grade.verdict).toBe("correct");
  });
});

/** Some valid answer, only to read `expected` back from the grade. */
function expectedShapeProbe(q: StoredQuestion): unknown {
  switch (q.type) {
    case "single_choice":
      return q.payload.choices?.[0]?.id;
    case "multiple_choice":
      return [];
    case "true_false":
      return true;
    case "ordering":
      return q.answerKey.order;
    case "cloze":
      return new Array(q.payload.blanks ?? 0).fill("");
    default:
      return "";
  }
}
