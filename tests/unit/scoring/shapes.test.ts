import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AnswerShapeError,
  AnswerTooLongError,
  gradeAnswer,
  MAX_ANSWER_CHARS,
} from "../../../src/domain/scoring/index.ts";
import {
  allObjective,
  choiceIdsByText,
  cloze,
  explain,
  multipleChoice,
  ordering,
  singleChoice,
} from "./fixtures.ts";

const questions = { ...allObjective, explain };
type Kind = keyof typeof questions;

/** Which JS shapes each type accepts, as a predicate over arbitrary values. */
const accepts: Record<Kind, (value: unknown) => boolean> = {
  explain: (v) => typeof v === "string",
  short_answer: (v) => typeof v === "string",
  code_output: (v) => typeof v === "string",
  single_choice: () => false, // only a known id, never produced by fc.anything()
  true_false: (v) => typeof v === "boolean",
  multiple_choice: (v) => Array.isArray(v) && v.length === 0,
  ordering: () => false,
  // Two strings fill the fixture's two blanks (fast-check does produce ["", ""]).
  cloze: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string"),
};

describe("answer shapes", () => {
  it.each([
    ["explain", 42, "an explain question takes a string answer"],
    ["short_answer", ["a"], "a short_answer question takes a string answer"],
    ["code_output", null, "a code_output question takes a string answer"],
    ["true_false", "true", "a true_false question takes a boolean answer"],
    ["single_choice", ["x"], "a single_choice question takes one choice id (a string)"],
    ["multiple_choice", "x", "a multiple_choice question takes an array of choice ids"],
    ["ordering", { a: 1 }, "an ordering question takes every item id exactly once, in an array"],
    ["cloze", "event loop", "a cloze question takes an array of 2 string(s), one per blank"],
  ] as const)("%s rejects %j naming what it takes", (kind, answer, message) => {
    expect(() => gradeAnswer(questions[kind](), answer)).toThrow(new AnswerShapeError(message));
  });

  it("rejects an unknown choice id", () => {
    expect(() => gradeAnswer(singleChoice(), "no-such-id")).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(multipleChoice(), ["no-such-id"])).toThrow(/unknown choice id/);
  });

  it("rejects a choice picked twice", () => {
    const q = multipleChoice();
    const id = choiceIdsByText(q).get("time.sleep") ?? "";
    expect(() => gradeAnswer(q, [id, id])).toThrow(/only once/);
  });

  it("rejects an ordering that is not a permutation of the items", () => {
    const q = ordering();
    const order = q.answerKey.order ?? [];
    expect(() => gradeAnswer(q, order.slice(1))).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(q, [...order.slice(1), order[1]])).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(q, [...order.slice(1), "stranger"])).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(q, [...order, "extra"])).toThrow(AnswerShapeError);
  });

  it("rejects too many or too few blanks", () => {
    expect(() => gradeAnswer(cloze(), ["event loop"])).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(cloze(), ["event loop", "await", "more"])).toThrow(AnswerShapeError);
    expect(() => gradeAnswer(cloze(), ["event loop", 3])).toThrow(AnswerShapeError);
  });

  it("refuses text longer than MAX_ANSWER_CHARS with its own error", () => {
    const long = "a".repeat(MAX_ANSWER_CHARS + 1);
    expect(() => gradeAnswer(explain(), long)).toThrow(AnswerTooLongError);
    expect(() => gradeAnswer(allObjective.short_answer(), long)).toThrow(AnswerTooLongError);
    expect(() => gradeAnswer(cloze(), [long.slice(0, 3000), long.slice(0, 3000)])).toThrow(
      AnswerTooLongError,
    );
    expect(gradeAnswer(explain(), "a".repeat(MAX_ANSWER_CHARS)).grade.verdict).toBe("incorrect");
  });

  it("property: any value of another shape throws AnswerShapeError, never anything else", () => {
    const kinds = Object.keys(questions) as Kind[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.anything(), (kind, value) => {
        if (accepts[kind](value)) return;
        if (typeof value === "string" && value.length > MAX_ANSWER_CHARS) return;
        expect(() => gradeAnswer(questions[kind](), value)).toThrow(AnswerShapeError);
      }),
      { numRuns: 400 },
    );
  });
});
