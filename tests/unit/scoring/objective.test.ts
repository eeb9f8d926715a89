import { describe, expect, it } from "vitest";
import { GRADER_VERSION, gradeAnswer } from "../../../src/domain/scoring/index.ts";
import {
  choiceIdsByText,
  cloze,
  codeOutput,
  multipleChoice,
  ordering,
  shortAnswer,
  shortAnswerNumber,
  shortAnswerWord,
  singleChoice,
  trueFalse,
} from "./fixtures.ts";

const grade = (question: Parameters<typeof gradeAnswer>[0], answer: unknown) =>
  gradeAnswer(question, answer).grade;

describe("single_choice", () => {
  const q = singleChoice();
  const ids = choiceIdsByText(q);
  it("scores the right choice 1 and returns its id as expected", () => {
    const g = grade(q, ids.get("The GIL"));
    expect(g).toMatchObject({
      score: 1,
      verdict: "correct",
      feedback: "Correct.",
      expected: ids.get("The GIL"),
    });
    expect(g.graderVersion).toBe(GRADER_VERSION);
    expect(g.explanation).toBe("The GIL lets one thread run bytecode at a time.");
  });
  it("scores a wrong choice 0 and names the right one", () => {
    const g = grade(q, ids.get("A semaphore"));
    expect(g).toMatchObject({ score: 0, verdict: "incorrect" });
    expect(g.feedback).toContain("The GIL");
  });
  it("is never uncertain", () => {
    expect(gradeAnswer(q, ids.get("A semaphore")).uncertain).toBe(false);
  });
});

describe("multiple_choice", () => {
  const q = multipleChoice();
  const ids = choiceIdsByText(q);
  const id = (text: string) => ids.get(text) ?? "";
  const right = ["Blocking socket reads", "time.sleep", "NumPy's large array operations"];
  it.each([
    { picks: right, score: 1, verdict: "correct" },
    { picks: [right[0], right[1]], score: 2 / 3, verdict: "partial" },
    { picks: [...right, "A pure-Python for loop"], score: 2 / 3, verdict: "partial" },
    { picks: [right[0], "A pure-Python for loop"], score: 0, verdict: "incorrect" },
    { picks: ["A pure-Python for loop", "Appending to a list"], score: 0, verdict: "incorrect" },
    { picks: [], score: 0, verdict: "incorrect" },
  ])("$picks.length picks → $score", ({ picks, score, verdict }) => {
    const g = grade(
      q,
      picks.map((t) => id(t ?? "")),
    );
    expect(g.score).toBeCloseTo(score, 10);
    expect(g.verdict).toBe(verdict);
  });
  it("returns the right ids as expected, in any order the answer may use", () => {
    const g = grade(q, [...right].reverse().map(id));
    expect(g.score).toBe(1);
    expect(new Set(g.expected as string[])).toEqual(new Set(right.map(id)));
  });
});

describe("true_false", () => {
  const q = trueFalse();
  it("is exact", () => {
    expect(grade(q, true)).toMatchObject({ score: 1, verdict: "correct", expected: true });
    expect(grade(q, false)).toMatchObject({ score: 0, verdict: "incorrect", expected: true });
  });
});

describe("ordering", () => {
  const q = ordering();
  const order = q.answerKey.order ?? [];
  const [a, b, c, d] = order as [string, string, string, string];
  it.each([
    { name: "perfect", answer: [a, b, c, d], score: 1 },
    { name: "reversed", answer: [d, c, b, a], score: 0 },
    { name: "one adjacent swap", answer: [b, a, c, d], score: 5 / 6 },
    { name: "last moved first", answer: [d, a, b, c], score: 3 / 6 },
  ])("$name → $score", ({ answer, score }) => {
    expect(grade(q, answer).score).toBeCloseTo(score, 10);
  });
  it("expects the item ids in the right order", () => {
    expect(grade(q, [d, c, b, a]).expected).toEqual(order);
  });
});

describe("short_answer", () => {
  it.each([
    ["asyncio.run()", true],
    ["asyncio.run", true],
    ["  `asyncio.run()` ", true],
    ["ASYNCIO.RUN()", true],
    ["asyncio.run().", true],
    ["asyncio.rum()", false], // identifiers get no typo tolerance
    ["asyncio.runn", false],
    ["asyncio", false],
    ["run", false],
  ])("%j → %s", (answer, ok) => {
    expect(grade(shortAnswer(), answer).score).toBe(ok ? 1 : 0);
  });

  it.each([
    ["suspends", true],
    ["Suspends.", true],
    ["suspemds", true], // 8 letters: one typo allowed
    ["suspnds", true],
    ["sspneds", false], // two edits
    ["pauses", true],
    ["paused", true], // one substitution on a 6-letter word
    ["yields control", true],
    ["yeilds control", true], // transposition
    ["Yields  CONTROL", true],
    ["stops", false],
  ])("word answer %j → %s", (answer, ok) => {
    expect(grade(shortAnswerWord(), answer).score).toBe(ok ? 1 : 0);
  });

  it.each([
    ["1", true],
    ["1.0", true],
    [" 1.0000000001 ", true],
    ["+1", true],
    ["1e0", true],
    ["2", false],
    ["1.01", false],
    ["one", false],
    ["11", false],
  ])("number answer %j → %s", (answer, ok) => {
    expect(grade(shortAnswerNumber(), answer).score).toBe(ok ? 1 : 0);
  });

  it("never treats a different word with another first letter as a typo", () => {
    const q = shortAnswerWord();
    q.answerKey.answer = "async";
    q.answerKey.accepted = [];
    expect(grade(q, "sync").score).toBe(0);
    expect(grade(q, "asyng").score).toBe(1);
  });

  it("folds accents and compatibility forms", () => {
    const q = shortAnswerWord();
    q.answerKey.answer = "café latte";
    expect(grade(q, "CAFE\u00a0LATTE").score).toBe(1);
    expect(grade(q, "ｃａｆｅ latte").score).toBe(1);
  });

  it("expects the canonical answer", () => {
    expect(grade(shortAnswer(), "nope").expected).toBe("asyncio.run()");
  });
});

describe("cloze", () => {
  const q = cloze();
  it.each([
    { answer: ["event loop", "await"], score: 1, verdict: "correct" },
    { answer: ["The Event Loop", "await expression"], score: 1, verdict: "correct" },
    { answer: ["loop", "yield"], score: 0.5, verdict: "partial" },
    { answer: ["evnet loop", "await"], score: 1, verdict: "correct" }, // 5-letter word, one transposition
    { answer: ["scheduler", "yield"], score: 0, verdict: "incorrect" },
    { answer: ["", ""], score: 0, verdict: "incorrect" },
  ])("$answer → $score", ({ answer, score, verdict }) => {
    const g = grade(q, answer);
    expect(g.score).toBeCloseTo(score, 10);
    expect(g.verdict).toBe(verdict);
    expect(g.expected).toEqual(["event loop", "await"]);
  });
});

describe("code_output", () => {
  const q = codeOutput();
  it.each([
    { name: "exact", answer: "a\nb\n", score: 1 },
    { name: "no final newline", answer: "a\nb", score: 1 },
    { name: "CRLF and trailing spaces", answer: "a  \r\nb\t\r\n\r\n\r\n", score: 1 },
    { name: "one line wrong", answer: "a\nc", score: 0.5 },
    { name: "lines swapped", answer: "b\na", score: 0 },
    { name: "an extra line", answer: "a\nb\nc", score: 2 / 3 },
    { name: "a missing line", answer: "a", score: 0.5 },
    { name: "leading space matters", answer: " a\nb", score: 0.5 },
    { name: "empty", answer: "", score: 0 },
  ])("$name → $score", ({ answer, score }) => {
    expect(grade(q, answer).score).toBeCloseTo(score, 10);
  });
  it("is correct only with every line and nothing more", () => {
    expect(grade(q, "a\nb\nc").verdict).toBe("partial");
    expect(grade(q, "a\nb").verdict).toBe("correct");
  });
});
