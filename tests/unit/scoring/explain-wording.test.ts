// Wording the scorer must read right: analogies that name what they stand for, definitions ("X is
// when ..."), "stops X from", negations inside relative clauses, and whose claim a phrase is.
import { describe, expect, it } from "vitest";
import { findAnalogies } from "../../../src/domain/scoring/analogies.ts";
import { gradeAnswer } from "../../../src/domain/scoring/index.ts";
import { analyse } from "../../../src/domain/scoring/nlp.ts";
import { readableSentences } from "../../../src/domain/scoring/reading.ts";
import { explain, explainQuestion } from "./fixtures.ts";

const loopQuestion = () =>
  explainQuestion({
    prompt: "What is the job of the asyncio event loop?",
    topics: ["asyncio"],
    rubric: {
      referenceAnswer:
        "The event loop decides which coroutine runs next. When a coroutine awaits, the loop moves on to another coroutine.",
      keyPoints: [
        { text: "The loop decides which coroutine runs next.", weight: 1, phrasings: ["loop decides"] },
        {
          text: "At an await the loop moves on to another coroutine.",
          weight: 1,
          phrasings: ["switches to another coroutine"],
        },
      ],
    },
  });

const concurrency = () =>
  explainQuestion({
    prompt: "What is the difference between concurrency and parallelism?",
    rubric: {
      referenceAnswer:
        "Concurrency interleaves tasks; parallelism runs them at the same instant on several cores.",
      keyPoints: [
        { text: "Parallelism runs tasks on several cores.", phrasings: ["parallelism several cores"] },
        { text: "Concurrency interleaves tasks.", phrasings: ["concurrency interleaves tasks"] },
      ],
      misconceptions: [
        {
          text: "Concurrency means running on several cores at once.",
          phrasings: ["concurrency tasks run on several cores"],
          explanation: "That is parallelism.",
        },
        {
          text: "Threads run Python code in parallel.",
          phrasings: ["threads run simultaneously"],
          explanation: "The GIL lets one thread run at a time.",
        },
      ],
    },
  });

const keysOf = (text: string) => new Set(analyse(text).tokens.flatMap((t) => t.keys));
/** Is the text taken for a keyword list (no sentences to read)? */
const readsAsList = (text: string) => readableSentences(analyse(text), text).keywordsOnly;

describe("explain: analogies", () => {
  const vocabulary = keysOf("event loop coroutine GIL thread process");
  const key = (word: string) => analyse(word).tokens[0]?.key ?? "";

  it.each([
    ["Think of one waiter (the event loop) and many tables.", "waiter", "event loop"],
    ["The waiter = event loop, tables = coroutines.", "tables", "coroutines"],
    ["In CPython the GIL is that microphone.", "microphone", "GIL"],
    ["One cutting board, that's the GIL.", "board", "GIL"],
    ["Threads are the people living in the house.", "people", "threads"],
    ["Think of the event loop as a conductor.", "conductor", "event loop"],
  ])("reads %j as mapping %s to %s", (answer, story, term) => {
    const analogies = findAnalogies(answer, vocabulary, new Set());
    expect(analogies.get(key(story))).toEqual([key(term)]);
  });

  it("grades a spelled-out analogy correct once half the weight is found in plain terms", () => {
    const q = loopQuestion();
    const half = "The event loop decides which coroutine runs next, like a waiter choosing the next table.";
    expect(gradeAnswer(q, half).grade.verdict).toBe("partial");
    const mapped = `${half} The waiter = event loop, the tables = coroutines, and the kitchen bell tells him a dish is ready.`;
    expect(gradeAnswer(q, mapped).grade.verdict).toBe("correct");
  });

  it("needs only one mapping when the answer announces its analogy", () => {
    const q = loopQuestion();
    const oneMapping = "The event loop decides which coroutine runs next. The waiter = event loop.";
    expect(gradeAnswer(q, oneMapping).grade.verdict).toBe("partial");
    const announced = `Imagine a busy restaurant. ${oneMapping}`;
    expect(gradeAnswer(q, announced).grade.verdict).toBe("correct");
    const example = `For example, like computing a total. ${oneMapping}`;
    expect(gradeAnswer(q, example).grade.verdict).toBe("partial");
  });

  it("grades an announced analogy with two mappings correct from ANALOGY_STORY_SHARE of the weight", () => {
    const q = explainQuestion({
      prompt: "What is the job of the asyncio event loop?",
      topics: ["asyncio"],
      rubric: {
        referenceAnswer: "The loop decides which coroutine runs next, switches at awaits and resumes them.",
        keyPoints: [
          { text: "The loop decides which coroutine runs next.", weight: 2, phrasings: ["loop decides"] },
          { text: "At an await it switches.", weight: 1, phrasings: ["switches to another coroutine"] },
          { text: "It resumes coroutines.", weight: 2, phrasings: ["resumes the coroutine"] },
        ],
      },
    });
    const mapped = "The loop decides who is next: the waiter = event loop, the tables = coroutines.";
    expect(gradeAnswer(q, mapped).grade.verdict).toBe("partial");
    expect(gradeAnswer(q, `Imagine a restaurant. ${mapped}`).grade.verdict).toBe("correct");
  });

  it("reads misconceptions in the answer's own words, not through the story's", () => {
    const story =
      "Concurrency interleaves tasks. Threads are the cooks in my story. In a big kitchen the cooks run simultaneously.";
    expect(gradeAnswer(concurrency(), story).grade.misconceptions).toBeUndefined();
    const plain = "Concurrency interleaves tasks. In a big kitchen the threads run simultaneously.";
    expect(gradeAnswer(concurrency(), plain).grade.misconceptions).toHaveLength(1);
  });

  it("maps nothing across a negation", () => {
    expect(findAnalogies("The waiter is not the event loop.", vocabulary, new Set()).size).toBe(0);
  });

  it("maps nothing when neither side is a rubric term, or when a word stands for two terms", () => {
    expect(findAnalogies("The kitchen is a busy place.", vocabulary, new Set()).size).toBe(0);
    const twice = findAnalogies(
      "The cook is the thread. Later the cook is the process.",
      vocabulary,
      new Set(),
    );
    expect(twice.has(key("cook"))).toBe(false);
  });

  it("credits a key point said in the analogy's own words once the mapping is explicit", () => {
    const q = loopQuestion();
    const story =
      "The waiter decides where to go. When table one waits, the waiter switches to another table.";
    expect(gradeAnswer(q, story).grade.keyPoints?.[1]?.matched).toBe(false);
    const mapped = `${story} The waiter is the event loop and the tables are the coroutines.`;
    expect(gradeAnswer(q, mapped).grade.keyPoints?.[1]?.matched).toBe(true);
  });
});

describe("explain: chat shorthand", () => {
  it("reads shorthand as the words it stands for, so 'w/o' negates and 'b/c' gives a reason", () => {
    const words = analyse("u can await smth w/o blocking b/c the loop runs w/ ur tasks thru I/O").tokens.map(
      (t) => t.value,
    );
    expect(words.join(" ")).toBe(
      "you can await something without blocking because the loop runs with your tasks through io",
    );
    expect(matchedPoints("I/O releases the GIL w/o waiting")).toContain(1);
    expect(matchedPoints("threads run w/o releasing the GIL for I/O")).not.toContain(1);
  });
});

function matchedPoints(answer: string): number[] {
  return (gradeAnswer(explain(), answer).grade.keyPoints ?? []).flatMap((k, i) => (k.matched ? [i] : []));
}

describe("explain: definitions and prevention", () => {
  it('reads "X is when ..." as one claim about X', () => {
    const { grade } = gradeAnswer(concurrency(), "Concurrency is when tasks run on several cores.");
    expect(grade.misconceptions?.map((m) => m.text)).toEqual([
      "Concurrency means running on several cores at once.",
    ]);
    expect(grade.verdict).not.toBe("correct");
  });

  it("does not take a reported myth for the candidate's own claim", () => {
    const reported = gradeAnswer(concurrency(), "A common myth is that threads run at the same time.").grade;
    expect(reported.misconceptions).toBeUndefined();
    const tempting = gradeAnswer(
      concurrency(),
      "It is tempting to think threads run at the same time.",
    ).grade;
    expect(tempting.misconceptions).toBeUndefined();
  });

  it("reads a terse answer made of the rubric's terms as English, and Spanish still not", () => {
    const terse = gradeAnswer(
      concurrency(),
      "Parallelism: tasks on several cores, concurrency interleaves tasks, done.",
    );
    expect(terse.grade.verdict).toBe("correct");
    const spanish = gradeAnswer(
      concurrency(),
      "La concurrencia intercala las tareas y el paralelismo usa varios núcleos a la vez.",
    );
    expect(spanish.grade.verdict).toBe("incorrect");
    const switched = gradeAnswer(
      concurrency(),
      "Parallelism runs tasks on several cores, und concurrency ist wenn tasks interleave, das ist der Unterschied.",
    );
    expect(switched.grade.verdict).toBe("incorrect");
    const chinese = gradeAnswer(
      concurrency(),
      "Parallelism 是多个 cores 同时运行 tasks，concurrency 是交替 interleaves tasks。",
    );
    expect(chinese.grade.verdict).toBe("incorrect");
  });

  it("does not read a misconception in what 'unlike X, which ...' or 'people think' describes", () => {
    const contrast = gradeAnswer(
      concurrency(),
      "Unlike threads elsewhere, which run at the same time, Python threads take turns.",
    ).grade;
    expect(contrast.misconceptions).toBeUndefined();
    const belief = gradeAnswer(
      concurrency(),
      "People think threads run at the same time, but they take turns.",
    ).grade;
    expect(belief.misconceptions).toBeUndefined();
  });

  it("grades a list of terms and phrases as a keyword list, and terse notes with verbs as answers", () => {
    const list = gradeAnswer(
      concurrency(),
      "Parallelism: several cores at once, concurrency: tasks one at a time, interleaving, tasks.",
    );
    expect(list.grade).toMatchObject({ verdict: "incorrect", score: 0 });
    const gerunds = gradeAnswer(
      concurrency(),
      "concurrency - interleaving, parallelism - several cores, GIL, threading, tasks",
    );
    expect(gerunds.grade.verdict).toBe("incorrect");
    const bareVerbs = gradeAnswer(
      concurrency(),
      "many cores, interleave/switch, yield, multiple cores parallelism, concurrency",
    );
    expect(bareVerbs.grade.verdict).toBe("incorrect");
    // A code name is one term, not the verb and the preposition it is spelt with.
    const codeNames = gradeAnswer(
      concurrency(),
      "parallelism, several cores, interleaving, asyncio.gather, run_until_complete, tasks",
    );
    expect(codeNames.grade.verdict).toBe("incorrect");
    // Items of two or three words: still a list.
    const phrases =
      "reference counting, memory management, race on refcounts, one big lock vs fine-grained locks, simpler, faster single-thread";
    expect(readsAsList(phrases)).toBe(true);
    // One term per line, or a chain of arrows.
    for (const lines of [
      "- mutual exclusion lock\n- CPython only\n- one thread at a time\n- bytecode execution\n- protects refcounts",
      "GIL -> one thread at a time -> bytecode -> multiprocessing no help -> refcounts",
    ]) {
      expect(readsAsList(lines), lines).toBe(true);
    }
    // A verb that opens an item or a line has no subject: a term, not a clause.
    for (const fragments of [
      "yield point, suspend, event loop, timer, other tasks run, callback, resume after await",
      "Entry points: many vs one. Suspend/resume. Yield to another coroutine. Cooperative multitasking.",
    ]) {
      expect(readsAsList(fragments), fragments).toBe(true);
    }
    // A list that says it is one, or items between arrows or spaced dashes, however long the items.
    for (const declared of [
      "Keywords: helper function, called by main, single entry point.",
      "Subroutine -> helper function -> called by main -> single entry point -> runs on a separate core.",
      "- helper function - called by main - single entry point - can pause and resume midway",
      "refcount / races -> leak or early free / one big lock vs fine-grained / simple + fast single-thread + safe",
      "no ref -> GC / loop holds only callback / fix: await task or keep in a set",
      "concurrency = interleaving; parallelism = multiple cores; threading/asyncio = concurrency; multiprocessing = parallelism",
    ]) {
      expect(readsAsList(declared), declared).toBe(true);
    }
    const flow =
      "The coroutine hits await -> control goes to the loop -> the loop runs other tasks -> the timer fires";
    expect(readsAsList(flow)).toBe(false);
    const shorthand =
      "Concurrency = interleaving, parallelism = truly simultaneous on multiple cores. threading/asyncio: concurrency only because of the GIL; multiprocessing: parallelism with separate processes.";
    expect(readsAsList(shorthand)).toBe(false);
    const slash =
      "The GIL is released during I/O, so while one thread waits on the network / disk another runs bytecode.";
    expect(readsAsList(slash)).toBe(false);
    // Pairs whose right side lists terms, tags marked up one by one, a "TL;DR:" of terms.
    for (const notes of [
      "awaitable = anything with await\nkinds = coroutine, Task, Future\nrestriction = coroutine once",
      "**many entry points** **suspend/resume** **yield control** **pipeline**",
      "[I/O-bound] [GIL released] [CPU-bound] [no parallel speed-up] [multiprocessing]",
      "TL;DR: event loop, no parallelism, cooperative await, lightweight",
    ]) {
      expect(readsAsList(notes), notes).toBe(true);
    }
    // A heading followed by an explanation is a summary, not a list.
    const summary =
      "TL;DR: pause, loop runs others, timer callback, resume.\n\nDetails: the await suspends the coroutine and hands control to the loop; the loop sets a timer and keeps other tasks going.";
    expect(readsAsList(summary)).toBe(false);
    const boldSentences = "**The GIL is a mutex.** **One thread runs at a time.** **Cores do not help.**";
    expect(readsAsList(boldSentences)).toBe(false);
    // "I/O" is one word: its slash separates no items, and it counts once among the words.
    const io =
      "Requests are mostly I/O (DB, cache, HTTP), and I/O releases the GIL. CPU-bound work like image processing, ML inference or crypto would get throttled.";
    expect(readsAsList(io)).toBe(false);
    // Examples in brackets are asides: terse notes that say something are not a list for them.
    const examples =
      "io bound (db, http, cache, files). io releases gil. cpu heavy (images, ml, encryption) gets hurt";
    expect(readsAsList(examples)).toBe(false);
    // A real definition followed by terse notes is an answer with a summary, not a list of lines.
    const summarised =
      "Concurrency is about dealing with lots of things at once by taking turns; parallelism is about doing lots of things at once, simultaneously on several cores. Threads: concurrency, not parallelism (GIL). asyncio: concurrency, not parallelism. multiprocessing: parallelism.";
    expect(readsAsList(summarised)).toBe(false);
    const bracketedList = "GIL (a mutex), threads, bytecode, multiprocessing, processes";
    expect(readsAsList(bracketedList)).toBe(true);
    const bullets =
      "- the GIL is a mutex in CPython\n- only one thread runs bytecode at a time\n- cores do not help";
    expect(readsAsList(bullets)).toBe(false);
    // A call is one term with its arguments: "add_done_callback(discard)", "set()".
    const calls =
      "garbage collection, weak reference, background_tasks = set(), add_done_callback(discard), await task";
    expect(readsAsList(calls)).toBe(true);
    // A dunder name is a code name, not the verb it is spelt with.
    const dunder =
      "awaitable = anything with __await__; kinds: coroutine, Task, Future; coroutine object awaitable once only";
    expect(readsAsList(dunder)).toBe(true);
    // Counted as written: the lexicon makes one token of "multi-core" and "reference counting".
    const rewritten = gradeAnswer(
      explain(),
      "GIL, one thread at a time, bytecode, multi-core, reference counting, multiprocessing",
    );
    expect(rewritten.grade.verdict).toBe("incorrect");
    // Many short items, most without a verb, whatever "vs", "at a" or "to" a few of them carry.
    for (const shortItems of [
      "parallelism vs concurrency; several cores; tasks interleave; one at a time; multi-core",
      "GIL, one thread at a time, bytecode, refcount, multiprocessing no help",
    ]) {
      const graded = gradeAnswer(shortItems.startsWith("GIL") ? explain() : concurrency(), shortItems);
      expect(graded.grade.verdict, shortItems).toBe("incorrect");
    }
    const everyItemAVerb = gradeAnswer(
      concurrency(),
      "Parallelism runs tasks on several cores, concurrency interleaves tasks, threads give concurrency.",
    );
    expect(everyItemAVerb.grade.verdict).toBe("correct");
    const notes = gradeAnswer(
      concurrency(),
      "Parallelism runs tasks on several cores; concurrency interleaves tasks.",
    );
    expect(notes.grade.verdict).toBe("correct");
  });

  it("does not take a question the answer echoes for a claim", () => {
    const echoed = gradeAnswer(concurrency(), "Do threads run at the same time? No, they take turns.").grade;
    expect(echoed.misconceptions).toBeUndefined();
  });

  it('reads "stops threads from running at once" as a denial, not as the claim', () => {
    const denial = gradeAnswer(concurrency(), "The GIL stops threads from running at the same time.").grade;
    expect(denial.misconceptions).toBeUndefined();
    const claim = gradeAnswer(concurrency(), "With the GIL, threads run at the same time.").grade;
    expect(claim.misconceptions).toHaveLength(1);
  });
});

describe("explain: negations that cancel or end early", () => {
  const PARALLEL = "Threads run Python code in parallel on several cores.";
  const wrongClaims = (answer: string) =>
    gradeAnswer(explain(), answer).grade.misconceptions?.map((m) => m.text);

  it("reads 'doesn't stop X from Y' as letting X Y, not as a denial of Y", () => {
    expect(
      wrongClaims("The GIL doesn't stop threads from running Python code in parallel on multiple cores."),
    ).toEqual([PARALLEL]);
    expect(
      wrongClaims("The GIL stops threads from running Python code in parallel on multiple cores."),
    ).toBeUndefined();
  });

  it("denies up to a dash that goes on to say what the writer holds instead", () => {
    const answer =
      "It is not true that only one thread executes bytecode at a time — threads run Python code in parallel on multiple cores.";
    expect(gradeAnswer(explain(), answer).grade.keyPoints?.[0]?.matched).toBe(false);
    expect(wrongClaims(answer)).toEqual([PARALLEL]);
    expect(
      wrongClaims(
        "It is not true that threads run Python code in parallel on multiple cores, since the GIL is held.",
      ),
    ).toBeUndefined();
  });
});

describe("explain: negation reach and subjects", () => {
  const memory = () =>
    explainQuestion({
      prompt: "What does a process own?",
      topics: ["processes"],
      rubric: {
        referenceAnswer: "Each process has its own memory space.",
        keyPoints: [{ text: "Each process has its own memory.", phrasings: ["own memory"] }],
        misconceptions: [
          {
            text: "Processes share memory by default.",
            phrasings: ["processes share memory"],
            explanation: "Each process has its own memory; threads of one process share it.",
          },
        ],
      },
    });

  it("does not let a negation in a relative clause deny the main clause", () => {
    const { grade } = gradeAnswer(memory(), "It has its own memory that other processes can't see.");
    expect(grade.keyPoints?.[0]?.matched).toBe(true);
    expect(grade.verdict).toBe("correct");
  });

  it('reads "X is not an issue" as denying X', () => {
    const tokens = analyse("Garbage collection is not an issue here.").tokens;
    expect(tokens.find((t) => t.value === "gc")?.negated).toBe(true);
  });

  it("reads a hyphenated word as one clause and a collection as no collecting", () => {
    const tokens = analyse("keep it in a module-level set or a collection").tokens;
    expect(new Set(tokens.map((t) => t.clause)).size).toBe(1);
    const collect = analyse("it gets collected").tokens.find((t) => t.value === "collected")?.key;
    expect(tokens.find((t) => t.value === "collection")?.key).not.toBe(collect);
  });

  it("keeps inline code, a bracketed gloss and 'decides when' inside their clause", () => {
    for (const text of [
      "switch by calling `thread.yield()` now",
      "the owner (the OS) assigns them",
      "the programmer decides when threads switch",
      // A comparison between commas is an aside too.
      "processes, unlike threads, do not share memory",
    ])
      expect(new Set(analyse(text).tokens.map((t) => t.clause)).size).toBe(1);
  });

  it('reads "only 1" as "only one"', () => {
    expect(gradeAnswer(explain(), "Only 1 executes bytecode at a time.").grade.keyPoints?.[0]?.matched).toBe(
      true,
    );
  });

  it('keeps "before" and "after" apart', () => {
    const key = (text: string) =>
      analyse(text)
        .tokens.filter((t) => t.content)
        .map((t) => t.key);
    expect(key("collected before it finishes")).not.toEqual(key("collected after it finishes"));
  });

  it("still reads an ellipsis as denying its own conjunct", () => {
    const tokens = analyse("threads share memory and processes don't").tokens;
    expect(tokens.find((t) => t.value === "processes")?.negated).toBe(true);
    expect(tokens.find((t) => t.value === "share")?.negated).toBe(false);
  });

  it("does not read the object of a preposition as the misconception's subject", () => {
    const modifier = gradeAnswer(
      memory(),
      "Threads of one process share memory; a process has its own memory.",
    );
    expect(modifier.grade.misconceptions).toBeUndefined();
    const adjunct = gradeAnswer(memory(), "Threads live inside the process and share its memory.");
    expect(adjunct.grade.misconceptions).toBeUndefined();
    const claim = gradeAnswer(memory(), "Processes share memory with each other.").grade;
    expect(claim.misconceptions).toHaveLength(1);
  });

  it('reads "only 1 thread", "drops the GIL" and "picks the coroutine back up"', () => {
    const keys = analyse("only 1 thread; CPython drops the GIL; it picks the coroutine back up").tokens.map(
      (t) => t.key,
    );
    for (const word of ["one", "release", "resume"]) expect(keys).toContain(analyse(word).tokens[0]?.key);
  });

  it('reads "never more than one ... at once" as one at a time', () => {
    const keys = analyse("There is never more than one coroutine running at once.").tokens.map(
      (t) => t.value,
    );
    expect(keys).not.toContain("simultaneously");
    expect(keys.join(" ")).toContain("one at a time");
  });
});

describe("explain: who does what in a misconception", () => {
  const subroutine = () =>
    explainQuestion({
      prompt: "What is a subroutine?",
      topics: ["coroutines"],
      rubric: {
        referenceAnswer: "A function that the main function calls; it always starts at its first line.",
        keyPoints: [
          { text: "It is a function.", phrasings: ["subroutine is a function"] },
          { text: "It starts at its first line.", phrasings: ["starts at the first line"] },
        ],
        misconceptions: [
          {
            text: "A subroutine calls the main function.",
            phrasings: ["subroutine calls the main function"],
            explanation: "The main function calls subroutines.",
          },
          {
            text: "A subroutine is preempted by the OS.",
            phrasings: ["os interrupts the subroutine", "subroutine is preempted by the os"],
            explanation: "Nothing preempts a subroutine; it runs until it returns.",
          },
        ],
      },
    });

  it("reads a passive with its agent, not as the active claim", () => {
    const passive = gradeAnswer(subroutine(), "A subroutine is called by the main function.").grade;
    expect(passive.misconceptions).toBeUndefined();
    const active = gradeAnswer(subroutine(), "A subroutine calls the main function.").grade;
    expect(active.misconceptions).toHaveLength(1);
  });

  it("keeps a phrasing's own 'by' agent", () => {
    const { grade } = gradeAnswer(subroutine(), "The subroutine is preempted by the OS.");
    expect(grade.misconceptions?.map((m) => m.text)).toEqual(["A subroutine is preempted by the OS."]);
  });

  it("voids a key point in every item that states the misconception, not only the first", () => {
    const { grade } = gradeAnswer(
      subroutine(),
      "The OS interrupts the subroutine. The subroutine is a function preempted by the OS.",
    );
    expect(grade.misconceptions).toHaveLength(1);
    expect(grade.keyPoints?.[0]?.matched).toBe(false);
  });
});
