// How the explain scorer reads sentences: misconception order and voice, conditionals, contrasts,
// negation scope, language, and the nlp keys underneath.
import { describe, expect, it } from "vitest";
import type { StoredQuestion } from "../../../src/domain/questions/question-spec.ts";
import { rubricProblems } from "../../../src/domain/scoring/explain.ts";
import { gradeAnswer } from "../../../src/domain/scoring/index.ts";
import { analyse } from "../../../src/domain/scoring/nlp.ts";
import { SYNONYM_GROUPS } from "../../../src/domain/scoring/synonyms.ts";
import { explain, explainQuestion } from "./fixtures.ts";

const q = explain();
const check = (answer: string) => gradeAnswer(q, answer);
const matched = (answer: string) => (check(answer).grade.keyPoints ?? []).map((k) => k.matched);

describe("explain: reading answers like a careful grader", () => {
  const futureQ = () =>
    explainQuestion({
      prompt: "How does an asyncio Task relate to a Future?",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: "Task is a subclass of Future that runs a coroutine.",
        keyPoints: [{ text: "Task subclasses Future.", phrasings: ["task is a subclass of future"] }],
        misconceptions: [
          {
            text: "Future is a subclass of Task.",
            phrasings: ["future is a subclass of task"],
            explanation: "It is the other way round.",
          },
          {
            text: "A coroutine can be awaited twice.",
            phrasings: ["await the same coroutine twice"],
            explanation: "A coroutine object can be awaited only once.",
          },
        ],
      },
    });

  it("reads misconceptions in word order, so a reversed statement is not one", () => {
    expect(gradeAnswer(futureQ(), "A Task is a subclass of Future.").grade).toMatchObject({
      verdict: "correct",
    });
    const wrong = gradeAnswer(futureQ(), "A Future is a subclass of Task.").grade;
    expect(wrong.verdict).toBe("incorrect");
    expect(wrong.misconceptions).toHaveLength(1);
  });

  it("does not read a misconception inside a conditional", () => {
    const { grade } = gradeAnswer(
      futureQ(),
      "Task is a subclass of Future. If you await the same coroutine twice, Python raises an error.",
    );
    expect(grade.misconceptions).toBeUndefined();
    const noComma = gradeAnswer(futureQ(), "If you await the same coroutine twice Python raises an error.");
    expect(noComma.grade.misconceptions).toBeUndefined();
  });

  it("reads the main clause after a condition as asserted, with or without a comma", () => {
    for (const answer of [
      "If you are in a hurry, a Future is a subclass of Task.",
      "If you look at the docs a Future is a subclass of Task.",
    ]) {
      expect(gradeAnswer(futureQ(), answer).grade.misconceptions, answer).toHaveLength(1);
    }
  });

  it("reads inter-process communication and a shared memory segment as mechanisms, not sharing", () => {
    const keys = analyse("they use inter-process communication or a shared memory segment").tokens.map(
      (t) => t.key,
    );
    const share = analyse("share").tokens[0]?.key;
    expect(share).toBeDefined();
    expect(keys).not.toContain(share);
    expect(keys.some((k) => k.includes("process"))).toBe(false);
  });

  it('reads "barely" and "scarcely" as negations', () => {
    for (const word of ["barely", "scarcely"]) {
      expect(
        analyse(`I/O-bound programs ${word} suffer`).tokens.find((t) => t.value === "suffer")?.negated,
      ).toBe(true);
    }
  });

  it("reads negations typed without an apostrophe", () => {
    for (const typed of ["wasnt", "didnt", "arent", "couldnt"]) {
      const tokens = analyse(`it ${typed} released`).tokens;
      expect(
        tokens.some((t) => t.negator),
        typed,
      ).toBe(true);
    }
    expect(analyse("its a lock").tokens.map((t) => t.value)).toEqual(["it", "is", "a", "lock"]);
    expect(analyse("its own memory").tokens.map((t) => t.value)).toEqual(["its", "own", "memory"]);
  });

  it("reads a GIL that is not held as released, and nothing else that is not held", () => {
    const released = analyse("released").tokens[0]?.key;
    for (const text of ["during I/O the GIL isn't held", "a waiting thread doesn't hold the GIL"]) {
      const tokens = analyse(text).tokens;
      expect(
        tokens.some((t) => t.key === released && !t.negated),
        text,
      ).toBe(true);
    }
    const result = analyse("a Future doesn't hold the work").tokens;
    expect(result.some((t) => t.key === released)).toBe(false);
  });

  it('reads "lets go of the lock" as releasing it', () => {
    const released = analyse("released").tokens[0]?.key;
    expect(analyse("a waiting thread lets go of the lock").tokens.some((t) => t.key === released)).toBe(true);
  });

  it("reads CPU time as time, not as a core", () => {
    const core = analyse("core").tokens[0]?.key;
    expect(analyse("its own memory and CPU time").tokens.some((t) => t.key === core)).toBe(false);
    expect(analyse("its own CPU").tokens.some((t) => t.key === core)).toBe(true);
  });

  it('reads a note "X = Y" as a sentence, not as a run of bare terms', () => {
    const { grade } = gradeAnswer(explain(), "Solution = multiprocessing separate processes.");
    expect(grade.keyPoints?.[2]?.matched).toBe(true);
  });

  it('denies all of X in "it is not true that X", however long X is', () => {
    const denied =
      "It is not true that, on every machine with any number of cores, one thread executes bytecode at a time.";
    expect(matched(denied)[0]).toBe(false);
    expect(matched("It is true that one thread executes bytecode at a time.")[0]).toBe(true);
    // "So it is wrong to say X" denies X; it does not take back the sentence before.
    const wrongToSay =
      "One thread executes bytecode at a time. So it is wrong to say threads run in parallel on multiple cores.";
    expect(matched(wrongToSay)[0]).toBe(true);
    expect(check(wrongToSay).grade.misconceptions).toBeUndefined();
    const myth =
      "It's not true that threads execute bytecode simultaneously; one thread executes bytecode at a time.";
    expect(check(myth).grade.misconceptions).toBeUndefined();
  });

  it("gives no key point for what the answer only asks", () => {
    const asked = "Is it that only one thread executes bytecode at a time? No idea.";
    expect(matched(asked)[0]).toBe(false);
    const hedged = "I think one thread executes bytecode at a time?";
    expect(matched(hedged)[0]).toBe(true);
    const quoted =
      "The interpreter keeps asking 'who runs next?' and one thread executes bytecode at a time.";
    expect(matched(quoted)[0]).toBe(true);
  });

  it("reads neither key points nor misconceptions in what a later assertion takes back", () => {
    const retracted = "Some say one thread executes bytecode at a time, but that is wrong: it is a mutex.";
    expect(matched(retracted)[0]).toBe(false);
    const theory = "One thread executes bytecode at a time -- that's the theory, but really they all run.";
    expect(matched(theory)[0]).toBe(false);
    const denied = "One thread executes bytecode at a time? No, all of them do.";
    expect(matched(denied)[0]).toBe(false);
    const plain = "No two threads run together: one thread executes bytecode at a time.";
    expect(matched(plain)[0]).toBe(true);
    const joke = "One thread executes bytecode at a time. Just kidding.";
    expect(matched(joke)[0]).toBe(false);
    const all = "One thread executes bytecode at a time. I/O releases the GIL. All of that is false.";
    expect(matched(all).slice(0, 2)).toEqual([false, false]);
    const myth =
      "Threads execute bytecode simultaneously. That is a myth: one thread executes bytecode at a time.";
    const { grade } = check(myth);
    expect(grade.misconceptions).toBeUndefined();
    expect(grade.keyPoints?.[0]?.matched).toBe(true);
  });

  it("reads nothing the answer disowns: someone else's line, a joke, a copy, a false claim", () => {
    const docs =
      "One thread executes bytecode at a time. That's what the docs claim, but really they all run.";
    expect(matched(docs)[0]).toBe(false);
    const labelled = "Correct: I/O releases the GIL. Wrong: one thread executes bytecode at a time.";
    expect(matched(labelled).slice(0, 2)).toEqual([false, true]);
    const people =
      "One thread executes bytecode at a time -- that's what people think, but really they all run.";
    expect(matched(people)[0]).toBe(false);
    const joke = "One thread executes bytecode at a time; I/O releases the GIL. Ha, no, just kidding.";
    expect(matched(joke).slice(0, 2)).toEqual([false, false]);
    const sentence = "Everyone says one thread executes bytecode at a time, and I/O releases the GIL. Wrong.";
    expect(matched(sentence).slice(0, 2)).toEqual([false, false]);
    const copied =
      "One thread executes bytecode at a time. (Copied from the slides, I don't understand any of it.)";
    expect(matched(copied)[0]).toBe(false);
    const called = "One thread executes bytecode at a time is false. I/O releases the GIL.";
    expect(matched(called).slice(0, 2)).toEqual([false, true]);
    const asked = "One thread executes bytecode at a time? I/O releases the GIL? Both useless.";
    expect(matched(asked).slice(0, 2)).toEqual([false, false]);
    const forget =
      "A textbook line is that one thread executes bytecode at a time. Forget it: threads run in parallel.";
    expect(matched(forget)[0]).toBe(false);
    // Guesses it does not stand behind: "I don't know", "dunno", "no idea" as a clause of its own.
    for (const guess of [
      "One thread executes bytecode at a time; I/O releases the GIL. That's my guess but I really don't know.",
      "One thread executes bytecode at a time, I/O releases the GIL. Which one is it? Dunno.",
    ]) {
      expect(matched(guess).slice(0, 2), guess).toEqual([false, false]);
    }
  });

  it("reads what a speaker corrects as taken back ('er, actually no', 'Wait, no,')", () => {
    for (const corrected of [
      "Threads run in parallel on multiple cores... er, actually no, one thread executes bytecode at a time.",
      "Threads run in parallel on multiple cores. Wait, no, one thread executes bytecode at a time.",
    ]) {
      const { grade } = check(corrected);
      expect(grade.misconceptions, corrected).toBeUndefined();
      expect(grade.keyPoints?.[0]?.matched, corrected).toBe(true);
    }
    const noOther = "One thread executes bytecode at a time. No other thread runs meanwhile.";
    expect(matched(noOther)[0]).toBe(true);
    const noThread =
      "Actually no thread runs in parallel on multiple cores: one thread executes bytecode at a time.";
    expect(check(noThread).grade.misconceptions).toBeUndefined();
  });

  it("reads no misconception in what a bare denial answers ('They don't.')", () => {
    const assumed = "You might assume threads run in parallel on multiple cores. They don't.";
    expect(check(assumed).grade.misconceptions).toBeUndefined();
    const quoted = "Some people say threads run in parallel on multiple cores; not true in CPython.";
    expect(check(quoted).grade.misconceptions).toBeUndefined();
    const stated = "Threads run in parallel on multiple cores. Processes don't.";
    expect(check(stated).grade.misconceptions).toHaveLength(1);
  });

  it("reads no misconception in a belief the answer reports to correct it", () => {
    for (const reported of [
      "People often think that because of the GIL, threads run in parallel on multiple cores, but they take turns.",
      "You might think threads run in parallel on multiple cores. In CPython they take turns.",
      "A common misconception is that threads run in parallel on multiple cores.",
      "A misconception I had: I thought threads run in parallel on multiple cores.",
      "A common mistake is to think threads run in parallel on multiple cores.",
      "A classic pitfall is picturing threads running in parallel on multiple cores.",
      // What would happen without something is not what happens.
      "One thread executes bytecode at a time. Without the GIL, threads could run in parallel on multiple cores.",
      // A sentence headed "Myth:" is the belief, past its colon.
      "Myth: threads run in parallel on multiple cores. Fact: one thread executes bytecode at a time.",
    ]) {
      expect(check(reported).grade.misconceptions, reported).toBeUndefined();
    }
    // What follows the colon is the answer's own claim again.
    const own = "It's the opposite of what people think: threads run in parallel on multiple cores.";
    expect(check(own).grade.misconceptions).toHaveLength(1);
  });

  it("keeps what only sounds like a retraction", () => {
    const none = "None of them is ever preempted: one thread executes bytecode at a time.";
    expect(matched(none)[0]).toBe(true);
    const notWrong = "One thread executes bytecode at a time, and that is not wrong.";
    expect(matched(notWrong)[0]).toBe(true);
    const advice =
      "One thread executes bytecode at a time. Forget it and you will wonder why threads are slow.";
    expect(matched(advice)[0]).toBe(true);
    // A contrast with another subject is no verdict on the sentence before.
    const contrast = "One thread executes bytecode at a time. That is not true for processes.";
    expect(matched(contrast)[0]).toBe(true);
    const quotedDocs = "The docs say it plainly: one thread executes bytecode at a time.";
    expect(matched(quotedDocs)[0]).toBe(true);
    // Not knowing one thing is not taking back the rest.
    const unsure = "One thread executes bytecode at a time. I don't know why the GIL exists.";
    expect(matched(unsure)[0]).toBe(true);
  });

  it("never reads a phrasing across two assertions, whatever clause breaks it has itself", () => {
    const q = explainQuestion({
      prompt: "Who decides when threads and coroutines switch?",
      rubric: {
        referenceAnswer: "The OS switches threads; the programmer decides where coroutines switch.",
        keyPoints: [{ text: "The OS switches threads.", phrasings: ["os switches threads"] }],
        misconceptions: [
          {
            text: "Threads switch when the programmer decides.",
            phrasings: ["threads switch when the programmer"],
            explanation: "The OS scheduler switches threads.",
          },
        ],
      },
    });
    const { grade } = gradeAnswer(
      q,
      "The OS switches threads; with coroutines the switch comes at points the programmer decides.",
    );
    expect(grade.misconceptions).toBeUndefined();
    expect(grade.keyPoints?.[0]?.matched).toBe(true);
  });

  it("gives no key point for the words that state a misconception", () => {
    const q = explain();
    const { grade } = gradeAnswer(q, "Threads execute bytecode simultaneously when I/O releases the GIL.");
    expect(grade.misconceptions).toHaveLength(1);
    expect(grade.keyPoints?.[0]?.matched).toBe(false);
  });

  it("does not match across a contrast", () => {
    expect(
      matched("Multiprocessing is slow to start, but separate processes each have their own GIL.")[2],
    ).toBe(true);
    expect(matched("Multiprocessing exists, but that is not about separate processes.")[2]).toBe(false);
  });

  it("does not take 'no matter' or a temporal 'while' for a negation or a contrast", () => {
    expect(matched("No matter how long it waits for I/O, the thread releases the GIL.")[1]).toBe(true);
    expect(matched("The GIL is released while the thread waits for I/O.")[1]).toBe(true);
  });

  it("reads 'X has nothing to do with it' as a denial of X", () => {
    expect(matched("I/O releases the GIL, but that has nothing to do with it.")[1]).toBe(true);
    expect(matched("The GIL released during I/O has nothing to do with it.")[1]).toBe(false);
  });

  it("does not carry a negation into a bracketed aside", () => {
    const aside = "The GIL is not released during computation (I/O releases the GIL).";
    expect(matched(aside)[1]).toBe(true);
  });

  it("limits 'without' to its own phrase", () => {
    expect(matched("Without any locking, I/O releases the GIL.")[1]).toBe(true);
  });

  it("grades an answer that is not English as incorrect and says why", () => {
    const { grade } = check("Los hilos no ejecutan bytecode en paralelo por culpa del GIL de CPython.");
    expect(grade.verdict).toBe("incorrect");
    expect(grade.feedback).toMatch(/English/);
  });

  it.each([
    [
      "Dutch",
      "De GIL is een lock in CPython en het is niet parallel: one thread executes bytecode at a time in de interpreter.",
    ],
    [
      "Polish",
      "GIL jest to lock w CPython i nie jest parallel: one thread executes bytecode at a time, tylko jeden.",
    ],
  ])("grades an answer that switches into %s as not English", (_language, answer) => {
    expect(check(answer).grade.feedback).toMatch(/English/);
  });

  it("lists what keeps a rubric from grading", () => {
    const q = explainQuestion({
      prompt: "Why do threads not run in parallel?",
      rubric: {
        referenceAnswer: "Only one thread holds the GIL at a time.",
        keyPoints: [
          {
            text: "The GIL.",
            phrasings: ["threads do not run in parallel", "the", "one thread holds the GIL"],
          },
        ],
        misconceptions: [{ text: "x", phrasings: ["of the"], explanation: "y" }],
      },
    });
    const rubric = q.answerKey.rubric;
    expect(rubric && rubricProblems(q.prompt, rubric)).toEqual([
      'key point 1: "threads do not run in parallel" only repeats the prompt',
      'key point 1: "the" has no content word',
      'misconception 1: "of the" has no content word',
    ]);
  });
});

describe("explain: sentence structure", () => {
  const osQ = () =>
    explainQuestion({
      prompt: "Who decides when coroutines switch?",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: "The programmer decides: a coroutine switches only at an await.",
        keyPoints: [{ text: "The programmer decides.", phrasings: ["programmer decides"] }],
        misconceptions: [
          {
            text: "The OS schedules coroutines.",
            phrasings: ["os schedules coroutines"],
            explanation: "The loop does.",
          },
        ],
      },
    });

  /** How many misconceptions the question's rubric finds in an answer. */
  const misconceptionCount = (q: StoredQuestion) => (answer: string) =>
    gradeAnswer(q, answer).grade.misconceptions?.length ?? 0;

  /** One key point and one misconception, each stated by its phrasings: enough to test a reading. */
  const withMisconception = (keyPoint: string, misconception: string[]) =>
    explainQuestion({
      prompt: "Explain Python concurrency.",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: keyPoint,
        keyPoints: [{ text: keyPoint, phrasings: [keyPoint] }],
        misconceptions: [{ text: misconception[0] ?? "", phrasings: misconception, explanation: "Wrong." }],
      },
    });

  it("reads a misconception in the passive voice", () => {
    const { grade } = gradeAnswer(osQ(), "Coroutines are scheduled by the operating system.");
    expect(grade.misconceptions).toHaveLength(1);
    expect(
      gradeAnswer(osQ(), "The OS is not what schedules coroutines.").grade.misconceptions,
    ).toBeUndefined();
  });

  it("ends a negation where a new clause starts after 'and'", () => {
    const answer = "Nothing else references it and it may be garbage collected, so it never runs.";
    const q = explainQuestion({
      prompt: "What can happen to a task nobody references?",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: "It can be garbage collected before it finishes.",
        keyPoints: [{ text: "Garbage collection.", phrasings: ["garbage collected"] }],
      },
    });
    expect(gradeAnswer(q, answer).grade.score).toBe(1);
    expect(gradeAnswer(q, "It is not garbage collected.").grade.score).toBe(0);
  });

  it("does not pair a subject and a verb from distant clauses", () => {
    const q = explainQuestion({
      prompt: "Who decides when threads and coroutines switch?",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: "The OS switches threads; for coroutines the programmer decides, at each await.",
        keyPoints: [{ text: "The programmer decides for coroutines.", phrasings: ["programmer decides"] }],
      },
    });
    expect(
      gradeAnswer(q, "Threads switch when the programmer calls yield, coroutines when the OS decides.").grade
        .score,
    ).toBe(0);
    expect(gradeAnswer(q, "For coroutines the programmer, not the OS, decides.").grade.score).toBe(1);
  });

  it("reads each of two claims joined by 'and' on its own, and a shared subject or verb as one", () => {
    const q = withMisconception("asyncio gives concurrency", [
      "asyncio gives parallelism",
      "asyncio is parallel",
    ]);
    const misconceptions = misconceptionCount(q);
    expect(misconceptions("asyncio gives concurrency and multiprocessing gives parallelism.")).toBe(0);
    expect(misconceptions("asyncio and multiprocessing give parallelism.")).toBe(1);
    expect(misconceptions("asyncio runs on one thread and gives parallelism.")).toBe(1);
  });

  it("reads a bracketed aside with its own subject and verb as a claim of its own", () => {
    const q = withMisconception("threading gives concurrency", ["threading gives parallelism"]);
    const misconceptions = misconceptionCount(q);
    expect(
      misconceptions(
        "threading gives concurrency (the GIL stops Python code running in parallel, but I/O overlaps).",
      ),
    ).toBe(0);
    expect(misconceptions("threading (like multiprocessing) gives parallelism.")).toBe(1);
    // A ")" that numbers a list opens no aside.
    expect(misconceptions("1) threading gives parallelism 2) it is fast.")).toBe(1);
  });

  it("does not piece a misconception together from inside and outside an aside", () => {
    const q = withMisconception("asyncio gives concurrency", ["asyncio runs in parallel"]);
    const misconceptions = misconceptionCount(q);
    expect(
      misconceptions(
        "The GIL keeps threads (and asyncio is single-threaded anyway) from running in parallel.",
      ),
    ).toBe(0);
    expect(misconceptions("asyncio (with its event loop) runs in parallel.")).toBe(1);
    expect(misconceptions("The docs are clear (asyncio runs in parallel).")).toBe(1);
  });

  it("reads 'it's not like X, which ...' as a contrast with X, not as the answer's claim", () => {
    const q = withMisconception("the loop runs other tasks", ["blocks the thread for two seconds"]);
    const misconceptions = misconceptionCount(q);
    expect(misconceptions("It's not like time.sleep(2), which blocks the thread for two seconds.")).toBe(0);
    expect(misconceptions("It blocks the thread for two seconds.")).toBe(1);
  });

  it("reads 'less expensive' and 'costs less' as cheaper, not as expensive", () => {
    const q = withMisconception("threads are cheaper", ["thread costs more than a process"]);
    const { grade } = gradeAnswer(q, "Creating a thread is less expensive than creating a process.");
    expect(grade.misconceptions).toBeUndefined();
    expect(grade.score).toBe(1);
    const costs = gradeAnswer(q, "A thread costs less than a process.").grade;
    expect(costs.misconceptions).toBeUndefined();
    expect(costs.score).toBe(1);
  });

  it("reads 'speed up' as a verb, so a one-line claim is a sentence, not a list of terms", () => {
    const q = withMisconception("coroutines run one at a time", ["coroutines speed up cpu-bound work"]);
    expect(gradeAnswer(q, "Coroutines speed up CPU-bound work.").grade.misconceptions).toHaveLength(1);
    expect(gradeAnswer(q, "Coroutines speeds up CPU-bound work.").grade.misconceptions).toHaveLength(1);
  });

  it("does not credit what the event loop does when the answer has the OS do it", () => {
    const q = explainQuestion({
      prompt: "What does the asyncio event loop do?",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: "The event loop decides which coroutine runs next.",
        keyPoints: [
          {
            text: "The event loop decides which coroutine runs next.",
            phrasings: ["decides which coroutine runs"],
          },
        ],
      },
    });
    const score = (answer: string) => gradeAnswer(q, answer).grade.score;
    expect(score("The kernel decides which coroutine runs next.")).toBe(0);
    expect(score("The OS scheduler decides which coroutine runs next.")).toBe(0);
    expect(score("The loop decides which coroutine runs next.")).toBe(1);
    expect(score("It decides which coroutine runs next, not the OS.")).toBe(1);
    expect(score("The OS reports ready sockets to the loop, which decides which coroutine runs.")).toBe(1);
  });

  it("does not read an embedded question as a claim", () => {
    const { grade } = gradeAnswer(
      osQ(),
      "The real question is who schedules coroutines: the programmer decides.",
    );
    expect(grade.misconceptions).toBeUndefined();
    expect(grade.verdict).toBe("correct");
  });
});

describe("nlp", () => {
  it("reads a text the same whatever was read before it", () => {
    // wink keeps "scheduler's." whole as a new word, and would then keep every "scheduler's" whole.
    const read = (text: string) => analyse(text).tokens.map((t) => `${t.value}/${t.pos}/${t.key}`);
    const before = read("The scheduler's queue holds the ready tasks.");
    read("It is all in the scheduler's.");
    read("(the scheduler's) queue");
    expect(read("The scheduler's queue holds the ready tasks.")).toEqual(before);
  });

  it("merges synonyms, inflections and multi-word terms onto one key", () => {
    const key = (text: string) => analyse(text).tokens.find((t) => t.content)?.key;
    expect(key("Threads")).toBe(key("thread"));
    expect(key("simultaneously")).toBe(key("parallel"));
    expect(key("at the same time")).toBe(key("in parallel"));
    expect(key("mutex")).toBe(key("lock"));
    expect(key("CPU-bound")).toBe(key("compute-heavy"));
    expect(key("I/O")).toBe(key("input/output"));
    expect(key("Coroutines")).toBe(key("coroutine"));
    expect(key("released")).toBe(key("gives up"));
    expect(key("concurrently")).not.toBe(key("parallel"));
    expect(key("16 cores")).toBe(key("multiple"));
  });

  it("maps every word of a synonym group to that group", () => {
    for (const group of SYNONYM_GROUPS) {
      for (const word of group)
        expect([word, analyse(word).tokens.map((t) => t.key)]).toEqual([word, [`g:${group[0]}`]]);
    }
  });
});
