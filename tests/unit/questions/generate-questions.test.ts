import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/domain/markdown/parse-document.ts";
import {
  type GeneratedQuestion,
  generateQuestions,
} from "../../../src/domain/questions/generate-questions.ts";
import { countBlanks, questionInputSchema } from "../../../src/domain/questions/question-spec.ts";

function readNote(): string {
  const inRepo = new URL("../../../seed/docs/asyncio-threading-multiprocessing.md", import.meta.url);
  const shared = new URL("../../../../shared/seeds/asyncio-threading-multiprocessing.md", import.meta.url);
  return readFileSync(existsSync(inRepo) ? inRepo : shared, "utf8");
}

const DOCUMENT = "asyncio-threading-multiprocessing";
const note = parseDocument(readNote());
const generated = generateQuestions(note, { documentSlug: DOCUMENT });

/** The schema is strict: slug and section are the generator's additions, not part of QuestionInput. */
function schemaProblems(questions: GeneratedQuestion[]): unknown[] {
  return questions.flatMap(({ slug, section, ...input }) => {
    const result = questionInputSchema.safeParse(input);
    return result.success ? [] : [{ slug, issues: result.error.issues }];
  });
}

const promptKey = (prompt: string) =>
  prompt
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function ofType<T extends GeneratedQuestion["type"]>(questions: GeneratedQuestion[], type: T) {
  return questions.filter((q): q is Extract<GeneratedQuestion, { type: T }> => q.type === type);
}

describe("generateQuestions on the bundled note", () => {
  it("produces only questions the bank schema accepts", () => {
    expect(generated.length).toBeGreaterThan(20);
    expect(schemaProblems(generated)).toEqual([]);
  });

  it("turns each question/answer pair into an explain card with the answer as reference", () => {
    const explains = ofType(generated, "explain");
    const threads = explains.find((q) => q.prompt === "What is thread and process?");
    expect(threads?.section).toBe("question-what-is-thread-and-process");
    expect(
      threads?.rubric.referenceAnswer.startsWith("In simple terms, a thread is like a separate flow"),
    ).toBe(true);
    const gil = explains.find((q) =>
      q.prompt.startsWith("Describe the GIL and its effect on multi-threading"),
    );
    expect(gil?.section).toBe("explain-global-interpreter-lock-gil-in-python");
    expect(gil?.difficulty).toBe("medium");
    expect(gil?.rubric.referenceAnswer).toContain("mutex (mutual exclusion lock)");
    expect(gil?.rubric.referenceAnswer).toContain("- Solution for Parallelism");
    expect(gil?.rubric.referenceAnswer).not.toMatch(/<\/?b>|\*\*|Answer:/);
    expect(gil?.rubric.misconceptions).toBeUndefined();
    const points = gil?.rubric.keyPoints ?? [];
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points[0]?.text).toMatch(/^The Global Interpreter Lock \(GIL\) is a mutex/);
    expect(points[0]?.phrasings).toContain("mutual exclusion lock");
    for (const point of points) {
      expect(point.weight).toBe(1);
      expect(point.phrasings.length).toBeGreaterThanOrEqual(1);
      expect(point.phrasings.length).toBeLessThanOrEqual(4);
      // Words of the question itself would match any answer that repeats the question.
      for (const phrasing of point.phrasings) {
        expect(phrasing).toBe(phrasing.toLowerCase());
        expect(phrasing.split(" ")).not.toContain("gil");
        expect(phrasing.split(" ")).not.toContain("python");
      }
    }
  });

  it("writes concept cards for the sub-headed concepts", () => {
    const prompts = new Map(ofType(generated, "explain").map((q) => [q.section, q.prompt]));
    expect(
      Object.fromEntries(
        ["process", "thread", "coroutines", "coroutine-vs-thread", "event-loop", "tasks", "future"].map(
          (a) => [a, prompts.get(a)],
        ),
      ),
    ).toEqual({
      process: "What is Process?",
      thread: "What is Thread?",
      coroutines: "What are Coroutines?",
      "coroutine-vs-thread": "Compare Coroutine and Thread.",
      "event-loop": "What is Event Loop?",
      tasks: "What are Tasks?",
      future: "What is Future?",
    });
    const process = ofType(generated, "explain").find((q) => q.section === "process");
    expect(process?.rubric.referenceAnswer).toBe(
      "A process is like the entire kitchen itself, with all its equipment and resources. It is an independent execution environment. Each process has its own memory space, resources, and a dedicated execution path.",
    );
    expect(process?.rubric.keyPoints.map((p) => p.phrasings)).toEqual([
      ["entire kitchen", "equipment", "resources"],
      ["independent execution environment"],
      ["memory space", "resources", "dedicated execution path"],
    ]);
    // A heading that is a question already is not asked twice; a references list is no concept.
    expect(generated.some((q) => q.section === "references")).toBe(false);
    expect(generated.some((q) => q.section === "asyncio-threading-and-multiprocessing")).toBe(false);
  });

  it("blanks emphasised terms in cloze cards, at most two per section", () => {
    const clozes = ofType(generated, "cloze");
    expect(clozes.length).toBeGreaterThan(5);
    for (const cloze of clozes) {
      expect(countBlanks(cloze.prompt)).toBe(1);
      expect(cloze.answer).toHaveLength(1);
      expect(cloze.difficulty).toBe("easy");
      const [term = ""] = cloze.answer;
      expect(term.length).toBeLessThanOrEqual(40);
      // Putting the answer back gives the sentence of the note.
      expect(cloze.prompt.replace("___", term)).toBe(cloze.explanation);
      const words = (cloze.explanation ?? "").split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(6);
      expect(words).toBeLessThanOrEqual(40);
    }
    const perSection = new Map<string, number>();
    for (const cloze of clozes) perSection.set(cloze.section, (perSection.get(cloze.section) ?? 0) + 1);
    expect(Math.max(...perSection.values())).toBeLessThanOrEqual(2);
    expect(clozes.filter((q) => q.section === "process").map((q) => [q.prompt, q.answer])).toEqual([
      ["A ___ is like the entire kitchen itself, with all its equipment and resources.", ["process"]],
    ]);
    expect(clozes.map((q) => q.answer[0])).toContain("async def");
    expect(clozes.find((q) => q.answer[0] === "pending")?.prompt).toBe(
      'States → A Future can be "___", "cancelled", or "done".',
    );
  });

  it("asks which sibling concept a sentence describes, with exactly one right choice", () => {
    const choices = ofType(generated, "single_choice");
    const siblings = new Set(note.sections.filter((s) => s.level === 4).map((s) => s.heading));
    expect(choices.length).toBeGreaterThanOrEqual(8);
    for (const question of choices) {
      expect(question.choices).toHaveLength(4);
      expect(question.choices.filter((c) => c.correct)).toHaveLength(1);
      expect(new Set(question.choices.map((c) => c.text)).size).toBe(4);
      for (const choice of question.choices) expect(siblings.has(choice.text)).toBe(true);
      const right = question.choices.find((c) => c.correct);
      expect(right?.text).toBe(note.sections.find((s) => s.anchor === question.section)?.heading);
      expect(question.difficulty).toBe("easy");
    }
    const process = choices.find((q) => q.section === "process");
    expect(process?.prompt).toBe(
      'Which concept is described here: "A ___ is like the entire kitchen itself, with all its equipment and resources"?',
    );
  });

  it("tags questions with the slug of their nearest subject heading", () => {
    for (const question of generated) {
      expect(question.topics).toEqual(["asyncio-threading-and-multiprocessing"]);
      expect(question.topics[0]).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it("gives stable, unique slugs and never repeats a prompt", () => {
    const again = generateQuestions(parseDocument(readNote()), { documentSlug: DOCUMENT });
    expect(again).toEqual(generated);
    const slugs = generated.map((q) => q.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs)
      expect(slug).toMatch(
        /^gen-asyncio-threading-multiprocessing-[a-z0-9-]+-(?:explain|cloze|single-choice)-\d+$/,
      );
    expect(slugs).toContain("gen-asyncio-threading-multiprocessing-process-explain-1");
    expect(new Set(generated.map((q) => promptKey(q.prompt))).size).toBe(generated.length);
  });

  it("skips prompts already in the bank, compared without case or punctuation, keeping the other slugs", () => {
    const existing = [
      "what is PROCESS",
      "In simple terms, a ___ is like a separate flow of execution within a computer program!!",
    ];
    const filtered = generateQuestions(note, { documentSlug: DOCUMENT, existingPrompts: existing });
    expect(filtered.map((q) => q.prompt)).not.toContain("What is Process?");
    expect(filtered.some((q) => q.prompt.startsWith("In simple terms, a ___ is like"))).toBe(false);
    expect(filtered).toHaveLength(generated.length - 2);
    expect(filtered).toEqual(generated.filter((q) => filtered.some((f) => f.slug === q.slug)));
  });

  it("uses the random source only for distractors and their order", () => {
    const seeded = (seed: number) => {
      let state = seed;
      return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
    };
    const first = generateQuestions(note, { documentSlug: DOCUMENT, random: seeded(7) });
    expect(generateQuestions(note, { documentSlug: DOCUMENT, random: seeded(7) })).toEqual(first);
    expect(schemaProblems(first)).toEqual([]);
    expect(first.map((q) => q.slug)).toEqual(generated.map((q) => q.slug));
    expect(first.filter((q) => q.type !== "single_choice")).toEqual(
      generated.filter((q) => q.type !== "single_choice"),
    );
    for (const question of ofType(first, "single_choice"))
      expect(question.choices.filter((c) => c.correct)).toHaveLength(1);
  });
});

describe("generateQuestions on a small document", () => {
  const markdown = [
    "# Databases",
    "",
    "## Indexes",
    "",
    "An **index** is a data structure that speeds up lookups on a table column. It costs extra writes.",
    "",
    "## Transactions",
    "",
    "A transaction groups statements so that they *commit* or roll back as one unit of work.",
    "",
    "## Replication",
    "",
    "Replication copies every write to other servers so reads can scale and failures are survived.",
    "",
    "## Sharding",
    "",
    "Sharding splits the rows of one table across several servers by a `shard key` value.",
    "",
    "## Question: Why does an index slow down writes?",
    "",
    "Every insert must also update the B-tree of each index on the table.",
    "",
    "**Question:** What does ACID stand for?",
    "",
    "**Answer:** Atomicity, consistency, isolation and durability of transactions.",
  ].join("\n");
  const doc = parseDocument(markdown);
  const questions = generateQuestions(doc, { documentSlug: "Databases 101!" });

  it("generates every kind, all valid", () => {
    expect(schemaProblems(questions)).toEqual([]);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(["explain", "cloze", "single_choice"]));
  });

  it("asks the document's own questions with their answers", () => {
    const byPrompt = new Map(ofType(questions, "explain").map((q) => [q.prompt, q]));
    expect(byPrompt.get("Why does an index slow down writes?")?.rubric.referenceAnswer).toBe(
      "Every insert must also update the B-tree of each index on the table.",
    );
    const acid = byPrompt.get("What does ACID stand for?");
    expect(acid?.section).toBe("question-why-does-an-index-slow-down-writes");
    expect(acid?.rubric.keyPoints).toEqual([
      {
        text: "Atomicity, consistency, isolation and durability of transactions.",
        weight: 1,
        phrasings: ["atomicity", "consistency", "isolation", "durability"],
      },
    ]);
    expect(byPrompt.get("What are Indexes?")?.rubric.referenceAnswer).toBe(
      "An index is a data structure that speeds up lookups on a table column. It costs extra writes.",
    );
  });

  it("blanks emphasised terms and offers sibling headings as choices", () => {
    expect(ofType(questions, "cloze").map((q) => [q.section, q.prompt, q.answer])).toEqual([
      ["indexes", "An ___ is a data structure that speeds up lookups on a table column.", ["index"]],
      [
        "transactions",
        "A transaction groups statements so that they ___ or roll back as one unit of work.",
        ["commit"],
      ],
      [
        "sharding",
        "Sharding splits the rows of one table across several servers by a ___ value.",
        ["shard key"],
      ],
    ]);
    const indexes = ofType(questions, "single_choice").find((q) => q.section === "indexes");
    expect(indexes?.choices.map((c) => c.text).sort()).toEqual([
      "Indexes",
      "Replication",
      "Sharding",
      "Transactions",
    ]);
    expect(indexes?.prompt).toBe(
      'Which concept is described here: "An ___ is a data structure that speeds up lookups on a table column"?',
    );
  });

  it("uses level 1-3 headings as topics and a slug-safe document name in slugs", () => {
    expect(new Set(questions.map((q) => q.topics[0]))).toEqual(
      new Set(["indexes", "transactions", "replication", "sharding", "databases"]),
    );
    for (const question of questions) expect(question.slug.startsWith("gen-databases-101-")).toBe(true);
  });

  it("needs three siblings for a choice question", () => {
    const small = parseDocument(
      "# A\n\n## One\n\nOne is the first of the numbers here.\n\n## Two\n\nTwo is the second of the numbers here.",
    );
    expect(ofType(generateQuestions(small, { documentSlug: "n" }), "single_choice")).toEqual([]);
  });

  it("produces nothing from an empty document", () => {
    expect(generateQuestions(parseDocument(""), { documentSlug: "empty" })).toEqual([]);
  });
});

describe("generateQuestions properties", () => {
  const word = fc.constantFrom(
    "alpha",
    "Beta",
    "the",
    "`code`",
    "**strong**",
    "*em*",
    "x_y",
    "Question",
    "Answer:",
    "ü",
    "___",
    "e.g.",
    "",
  );
  const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => `${words.join(" ")}.`);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
  const block = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([level, t]) => `${"#".repeat(level)} ${t}`),
    sentence.map((t) => `<b>${t}</b>`),
    sentence.map((t) => `**${t}**`),
    sentence.map((t) => `<b>Question ${t}?</b>`),
    paragraph.map((t) => `<b>Answer:</b> ${t}`),
    sentence.map((t) => `## Question: ${t}?`),
    paragraph,
    paragraph.map((t) => `- ${t}\n- ${t}`),
    paragraph.map((t) => `> ${t}`),
    fc.constantFrom("```\ncode ___ here\n```", "<div>html</div>", "| a | b |\n|---|---|\n| **x** | y |"),
  );
  // A heading with several bold-headed concepts under it, so choice questions come up often.
  const family = fc
    .tuple(
      sentence,
      fc.uniqueArray(
        fc.constantFrom("Alpha", "Beta", "Gamma Ray", "Delta", "Epsilons", "Zeta vs Eta", "Theta"),
        {
          minLength: 3,
          maxLength: 6,
        },
      ),
      paragraph,
    )
    .map(([title, names, body]) =>
      [`## ${title}`, ...names.map((name) => `<b>${name}</b>\n\n${name} ${body}`)].join("\n\n"),
    );
  const markdownish = fc
    .array(fc.oneof(block, family), { maxLength: 25 })
    .map((blocks) => blocks.join("\n\n"));

  it("generates only valid, uniquely slugged, non-repeating questions from any markdown", () => {
    fc.assert(
      fc.property(
        fc.oneof(markdownish, fc.string()),
        fc.array(fc.string(), { maxLength: 3 }),
        (markdown, existing) => {
          const questions = generateQuestions(parseDocument(markdown), {
            documentSlug: "prop",
            existingPrompts: existing,
          });
          expect(schemaProblems(questions)).toEqual([]);
          expect(new Set(questions.map((q) => q.slug)).size).toBe(questions.length);
          const keys = questions.map((q) => promptKey(q.prompt));
          expect(new Set(keys).size).toBe(keys.length);
          for (const prompt of existing) expect(keys).not.toContain(promptKey(prompt));
          for (const cloze of ofType(questions, "cloze"))
            expect(cloze.explanation).toContain(cloze.answer[0]);
          for (const choice of ofType(questions, "single_choice")) {
            expect(choice.choices.filter((c) => c.correct)).toHaveLength(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
