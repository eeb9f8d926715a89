// The explain scorer's rules, on a hand-made rubric: key points and weights, negation, keyword
// lists, prompt copying, misconceptions and verdicts.
import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/domain/scoring/index.ts";
import { explain, explainQuestion } from "./fixtures.ts";

const q = explain();
const check = (answer: string) => gradeAnswer(q, answer);
const matched = (answer: string) => (check(answer).grade.keyPoints ?? []).map((k) => k.matched);

describe("explain: key points", () => {
  it("gives full marks to the reference answer", () => {
    const { grade, uncertain } = check(q.answerKey.rubric?.referenceAnswer ?? "");
    expect(grade).toMatchObject({ score: 1, verdict: "correct", feedback: "Correct." });
    expect(grade.expected).toBe(q.answerKey.rubric?.referenceAnswer);
    expect(grade.misconceptions).toBeUndefined();
    expect(uncertain).toBe(false);
  });

  it.each([
    {
      name: "paraphrase with synonyms",
      answer:
        "Because of the global interpreter lock just a single thread can execute byte code at a time. Blocking input/output gives up the GIL. For compute-heavy jobs use multiprocessing, which starts separate processes.",
      points: [true, true, true],
    },
    {
      name: "capitalised plurals and inflections",
      answer: "Threads cannot run bytecode in parallel. Processes with their own interpreters can.",
      points: [true, false, true],
    },
    {
      name: "only the I/O point",
      answer: "When a thread waits for I/O it releases the GIL, so other threads can work meanwhile.",
      points: [false, true, false],
    },
  ])("$name", ({ answer, points }) => {
    expect(matched(answer)).toEqual(points);
  });

  it("weights the score and names a missed point with its `missed` sentence", () => {
    const { grade } = check("Multiprocessing gives you separate processes that run on different cores.");
    expect(grade.score).toBeCloseTo(2 / 5, 10);
    expect(grade.verdict).toBe("partial");
    expect(grade.feedback).toBe(
      "You covered 1 of 3 key points. Missing: The GIL lets only one thread execute Python bytecode at a time (and 1 more point).",
    );
    expect(grade.keyPoints?.[0]).toEqual({
      text: "The GIL lets only one thread execute Python bytecode at a time.",
      matched: false,
    });
  });
});

describe("explain: negation", () => {
  it("does not read a negated statement as the statement", () => {
    expect(matched("I/O does not release the GIL.")).toEqual([false, false, false]);
    expect(matched("The GIL is never released by I/O.")).toEqual([false, false, false]);
    expect(matched("It is a myth that I/O releases the GIL.")).toEqual([false, false, false]);
  });

  it("matches a negated phrasing only with a negated answer", () => {
    expect(matched("Threads can't run Python bytecode in parallel.")[0]).toBe(true);
    expect(matched("Threads run Python bytecode in parallel.")[0]).toBe(false);
  });

  it("keeps a negation inside its clause", () => {
    const answer =
      "I/O-bound code is not slowed down much, because I/O releases the GIL while the thread waits.";
    expect(matched(answer)[1]).toBe(true);
  });

  it("reads an elliptical negation as negating its clause", () => {
    const rubricQ = explainQuestion({
      prompt: "How do threads and processes differ in memory?",
      topics: ["processes"],
      rubric: {
        referenceAnswer: "Threads share the memory of their process; processes each have their own memory.",
        keyPoints: [{ text: "Threads share memory.", phrasings: ["threads share memory"] }],
        misconceptions: [
          {
            text: "Processes share memory.",
            phrasings: ["processes share memory"],
            explanation: "They do not.",
          },
        ],
      },
    });
    const { grade } = gradeAnswer(rubricQ, "Threads share memory, but processes do not.");
    expect(grade.keyPoints?.[0]?.matched).toBe(true);
    expect(grade.misconceptions).toBeUndefined();
  });

  it("treats 'not only' as an assertion", () => {
    expect(matched("Not only does I/O release the GIL, it also lets other threads run.")[1]).toBe(true);
  });
});

describe("explain: keyword lists and prompt copying", () => {
  it.each([
    "GIL, mutex, threads, multiprocessing",
    "GIL mutex threads multiprocessing processes interpreter parallel",
    "- GIL\n- one thread at a time\n- multiprocessing\n- separate processes",
    "GIL. Threads. Multiprocessing.",
    "threads / bytecode / parallel / I/O / release / processes",
  ])("a keyword list scores 0: %j", (answer) => {
    const { grade } = check(answer);
    expect(grade.score).toBe(0);
    expect(grade.verdict).toBe("incorrect");
    expect(grade.feedback).toMatch(/sentences/);
  });

  it("counts the question repeated before a keyword list as no prose of the answer's own", () => {
    const echoed =
      "Why do Python threads not speed up CPU-bound code, and what do you use instead? GIL, mutex, one thread, multiprocessing, separate processes.";
    expect(check(echoed).grade).toMatchObject({ score: 0, verdict: "incorrect" });
    // Prompt words put to work in an answer of its own are not an echo.
    expect(
      check("Use multiprocessing instead: CPU-bound code runs in separate processes.").grade.score,
    ).toBeGreaterThan(0);
  });

  it("still reads short sentences the tagger misses a verb in", () => {
    expect(matched("I/O releases the GIL.")[1]).toBe(true);
  });

  it("gives no credit for a phrasing made only of prompt words", () => {
    const rubricQ = explainQuestion({
      prompt: "Why do Python threads not run CPU-bound code in parallel?",
      rubric: {
        referenceAnswer: "Only one thread holds the GIL at a time, so threads take turns.",
        keyPoints: [
          {
            text: "Threads do not run in parallel.",
            phrasings: ["threads not run in parallel", "one thread holds the GIL"],
          },
        ],
      },
    });
    expect(gradeAnswer(rubricQ, "Python threads do not run CPU-bound code in parallel.").grade.score).toBe(0);
    expect(gradeAnswer(rubricQ, "Only one thread can hold the GIL.").grade.score).toBe(1);
  });
});

describe("explain: misconceptions and verdicts", () => {
  it("caps at partial and lists the misconception with its explanation", () => {
    const { grade, uncertain } = check(
      "Threads run Python code in parallel on multiple cores. I/O releases the GIL, and multiprocessing uses separate processes.",
    );
    expect(grade.verdict).toBe("partial");
    expect(grade.score).toBe(0.5);
    expect(grade.misconceptions).toEqual([
      {
        text: "Threads run Python code in parallel on several cores.",
        explanation: "Under the GIL only one thread runs Python bytecode at a time.",
      },
    ]);
    expect(grade.feedback).toContain("misconception");
    expect(uncertain).toBe(true);
  });

  it("makes a misconception next to a light fragment incorrect, next to a real point partial", () => {
    const fragment = check(
      "Threads run Python code in parallel on multiple cores, and I/O releases the GIL.",
    ).grade;
    expect(fragment.keyPoints?.[1]?.matched).toBe(true);
    expect(fragment.verdict).toBe("incorrect");
    const real = check(
      "Threads run Python code in parallel on multiple cores. For heavy work multiprocessing uses separate processes.",
    ).grade;
    expect(real.verdict).toBe("partial");
  });

  it("makes a misconception alone incorrect", () => {
    const { grade } = check("Threads execute bytecode simultaneously, that is the whole point of threads.");
    expect(grade.verdict).toBe("incorrect");
    expect(grade.misconceptions).toHaveLength(1);
  });

  it.each(["", "   \n\t "])("an empty answer %j is incorrect with 'no answer' feedback", (answer) => {
    const { grade, uncertain } = check(answer);
    expect(grade).toMatchObject({ score: 0, verdict: "incorrect", feedback: "No answer was given." });
    expect(uncertain).toBe(false);
  });

  it("grades another language incorrect", () => {
    const { grade } = check(
      "El GIL permite que solo un hilo ejecute código Python a la vez; para trabajo intensivo de CPU se usan procesos separados.",
    );
    expect(grade.verdict).toBe("incorrect");
  });

  it("does not read a sentence in another language, and so never grades the answer correct", () => {
    const english =
      "Because of the GIL only one thread can execute Python bytecode at a time. I/O releases the GIL. For CPU-bound work multiprocessing starts separate processes.";
    expect(check(english).grade.verdict).toBe("correct");
    const { grade } = check(`${english} Pero en realidad se ejecutan en paralelo en varios núcleos.`);
    expect(grade).toMatchObject({ score: 1, verdict: "partial" });
    expect(grade.feedback).toBe(
      "Part of the answer is in another language and was not graded. You covered 3 of 3 key points.",
    );
    // A word or two borrowed from another language is still English.
    expect(
      check(`${english} That is the raison d'être of multiprocessing, en route to real parallelism.`).grade
        .verdict,
    ).toBe("correct");
  });

  it("flags a grade near a threshold as uncertain", () => {
    // 3 of 5 weight = 0.6: not within 0.1 of 0.75 or 0.3; 4 of 5 would be.
    expect(
      check("The GIL lets one thread execute bytecode at a time. Multiprocessing uses separate processes.")
        .uncertain,
    ).toBe(true);
  });

  it("is deterministic and ignores case and spacing", () => {
    const a = check("MULTIPROCESSING   uses SEPARATE processes.").grade;
    const b = check("multiprocessing uses separate processes.").grade;
    expect(a).toEqual(b);
  });
});
