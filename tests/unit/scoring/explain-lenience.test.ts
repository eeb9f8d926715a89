// Grader 2026.11.3: major key points read from a strong majority of their words (and from the key
// point's own text), one missed weight-2 point forgiven in rubrics of four or more points, and
// negation inside a condition ending at the main clause.
import { describe, expect, it } from "vitest";
import type { Rubric } from "../../../src/domain/questions/question-spec.ts";
import { scoreExplanation } from "../../../src/domain/scoring/explain.ts";

const prompt = "What happens when a coroutine reaches an await on a slow operation?";
const rubric = {
  referenceAnswer:
    "The coroutine pauses and hands control to the event loop, which runs other tasks meanwhile. A timer or callback tells the loop the operation finished, and the loop resumes the coroutine where it left off.",
  keyPoints: [
    {
      text: "The coroutine pauses and hands control to the event loop.",
      weight: 3,
      phrasings: ["coroutine pauses", "control to the event loop"],
    },
    { text: "The loop runs other tasks meanwhile.", weight: 2, phrasings: ["runs other tasks"] },
    { text: "A callback tells the loop that the operation finished.", weight: 2, phrasings: ["callback"] },
    {
      text: "The loop resumes the coroutine where it left off.",
      weight: 2,
      phrasings: ["resumes the coroutine"],
    },
  ],
  misconceptions: [
    { text: "The thread is blocked.", phrasings: ["blocks the thread"], explanation: "It is not." },
  ],
} as unknown as Rubric;

const grade = (answer: string) => scoreExplanation(prompt, rubric, answer);

describe("explain: lenience for major points", () => {
  it("forgives one missed weight-2 point in a rubric of four or more when the score is reached", () => {
    const r = grade(
      "The coroutine pauses and control goes back to the event loop, which runs other tasks. Later the loop resumes the coroutine.",
    );
    expect(r.keyPointsMatched).toEqual([true, true, false, true]);
    expect(r.verdict).toBe("correct");
  });

  it("never forgives a missed weight-3 point", () => {
    const r = grade(
      "The loop runs other tasks, a callback fires when the operation is done and it resumes the coroutine.",
    );
    expect(r.keyPointsMatched[0]).toBe(false);
    expect(r.verdict).toBe("partial");
  });

  it("does not forgive two missed weight-2 points", () => {
    const r = grade("The coroutine pauses and control goes back to the event loop, which runs other tasks.");
    expect(r.verdict).toBe("partial");
  });

  it("reads a major point from the key point's own text, less a quarter of its distinctive words", () => {
    // "The loop runs other tasks meanwhile.": loop, other, tasks, meanwhile ("runs" is generic).
    expect(grade("Meanwhile the loop serves other tasks.").keyPointsMatched[1]).toBe(true);
    expect(grade("Meanwhile the loop waits.").keyPointsMatched[1]).toBe(false);
  });
});

describe("explain: negation inside a condition", () => {
  const keep = {
    referenceAnswer: "Without a reference the task can be garbage collected before it finishes.",
    keyPoints: [
      { text: "The task can be garbage collected.", weight: 3, phrasings: ["garbage collector destroys it"] },
    ],
  } as unknown as Rubric;
  it("ends at the main clause's subject", () => {
    const r = scoreExplanation(
      "Why keep a reference to a task?",
      keep,
      "If nothing else references it the garbage collector can destroy it before it runs.",
    );
    expect(r.keyPointsMatched).toEqual([true]);
  });
  it("still negates the condition's own words", () => {
    const r = scoreExplanation(
      "Why keep a reference to a task?",
      keep,
      "The garbage collector does not destroy it.",
    );
    expect(r.keyPointsMatched).toEqual([false]);
  });
});

describe("explain: a misconception phrasing that spans a clause break of its own", () => {
  const createTask = {
    referenceAnswer: "create_task wraps the coroutine in a Task and returns at once; the loop runs it later.",
    keyPoints: [
      { text: "The coroutine is wrapped in a Task.", weight: 1, phrasings: ["wraps the coroutine"] },
    ],
    misconceptions: [
      {
        text: "create_task runs the coroutine to completion at once.",
        phrasings: ["runs the coroutine until it finishes"],
        explanation: "It only schedules it.",
      },
    ],
  } as unknown as Rubric;
  const grade = (answer: string) =>
    scoreExplanation("What happens when you call create_task?", createTask, answer).misconceptionsMatched;
  it("matches across the break its own words make ('until')", () => {
    expect(grade("create_task runs the coroutine right there until it finishes.")).toEqual([true]);
  });
  it("still does not match across a break the phrasing lacks", () => {
    expect(grade("It runs the coroutine, and later, when the loop is free, it finishes.")).toEqual([false]);
  });
});

describe("explain: a misconception about one of two contrasted terms", () => {
  const subroutine = {
    referenceAnswer: "A subroutine is a function with a single entry point, called by a main function.",
    keyPoints: [
      { text: "A subroutine has a single entry point.", weight: 1, phrasings: ["single entry point"] },
    ],
    misconceptions: [
      {
        text: "A subroutine can be paused halfway and resumed later.",
        phrasings: ["paused halfway and resumed"],
        explanation: "That is what coroutines do.",
      },
    ],
  } as unknown as Rubric;
  const grade = (answer: string) =>
    scoreExplanation("What is a subroutine?", subroutine, answer).misconceptionsMatched;
  it("is not read where the answer speaks of the other term", () => {
    expect(grade("That is the contrast with coroutines, which can be paused halfway and resumed.")).toEqual([
      false,
    ]);
    expect(grade("Unlike a subroutine, a coroutine can be paused halfway and resumed.")).toEqual([false]);
  });
  it("is read where the answer says it of the term itself", () => {
    expect(grade("A subroutine can be paused halfway and resumed.")).toEqual([true]);
    expect(grade("Subroutines are just coroutines that can be paused halfway and resumed.")).toEqual([true]);
  });
});
