import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ParsedDocument, parseDocument } from "../../../src/domain/markdown/parse-document.ts";

function readNote(): string {
  const inRepo = new URL("../../../seed/docs/asyncio-threading-multiprocessing.md", import.meta.url);
  const shared = new URL("../../../../shared/seeds/asyncio-threading-multiprocessing.md", import.meta.url);
  return readFileSync(existsSync(inRepo) ? inRepo : shared, "utf8");
}

const note = readNote();
const NOTE_ANCHORS = [
  "asyncio-threading-and-multiprocessing",
  "question-what-is-thread-and-process",
  "process",
  "thread",
  "subroutine",
  "coroutines",
  "coroutine-vs-thread",
  "python-coroutine",
  "event-loop",
  "tasks",
  "awaitable",
  "future",
  "explain-global-interpreter-lock-gil-in-python",
  "references",
];
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function section(doc: ParsedDocument, anchor: string) {
  const found = doc.sections.find((s) => s.anchor === anchor);
  if (!found) throw new Error(`no section ${anchor} in ${doc.sections.map((s) => s.anchor).join(", ")}`);
  return found;
}

/** The invariants every parse must keep, whatever the input; collected so big documents stay fast. */
function expectWellFormed(doc: ParsedDocument, input: string): void {
  const source = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const problems: string[] = [];
  if (new Set(doc.sections.map((s) => s.anchor)).size !== doc.sections.length)
    problems.push("duplicate anchors");
  if (doc.title.trim() === "") problems.push("empty title");
  let previousEnd = 0;
  doc.sections.forEach((s, index) => {
    const at = `section ${index} (${s.anchor})`;
    if (s.position !== index) problems.push(`${at}: position ${s.position}`);
    if (!/\S/.test(s.anchor)) problems.push(`${at}: blank anchor`);
    if (s.startLine <= previousEnd)
      problems.push(`${at}: starts on line ${s.startLine}, after ${previousEnd}`);
    if (s.endLine < s.startLine) problems.push(`${at}: ends on line ${s.endLine} before ${s.startLine}`);
    if (!source.includes(s.markdown)) problems.push(`${at}: markdown is not a slice of the source`);
    if (s.checksum !== sha256(s.markdown)) problems.push(`${at}: checksum`);
    previousEnd = s.endLine;
  });
  for (const pair of doc.qaPairs) {
    if (pair.question.trim() === "" || pair.answer.trim() === "")
      problems.push(`blank pair ${JSON.stringify(pair)}`);
    if (!doc.sections.some((s) => s.anchor === pair.sectionAnchor))
      problems.push(`pair in no section: ${pair.sectionAnchor}`);
  }
  expect(problems).toEqual([]);
}

describe("parseDocument on the bundled note", () => {
  const doc = parseDocument(note);

  it("splits at headings and bold sub-headings, with GitHub anchors in order", () => {
    expect(doc.sections.map((s) => s.anchor)).toEqual(NOTE_ANCHORS);
    expect(doc.title).toBe("AsyncIO, Threading and Multiprocessing");
    expectWellFormed(doc, note);
  });

  it("gives sub-headings the level below the heading they follow", () => {
    expect(doc.sections.map((s) => [s.anchor, s.level])).toEqual([
      ["asyncio-threading-and-multiprocessing", 2],
      ["question-what-is-thread-and-process", 3],
      ...NOTE_ANCHORS.slice(2, 12).map((anchor) => [anchor, 4]),
      ["explain-global-interpreter-lock-gil-in-python", 3],
      ["references", 3],
    ]);
    expect(section(doc, "coroutine-vs-thread").heading).toBe("Coroutine Vs Thread");
  });

  it("records exact source slices and their 1-based line ranges", () => {
    const lines = note.split("\n");
    expect([
      section(doc, "asyncio-threading-and-multiprocessing").startLine,
      section(doc, "process").startLine,
    ]).toEqual([1, 8]);
    expect(section(doc, "process")).toMatchObject({ startLine: 8, endLine: 12 });
    expect(section(doc, "future")).toMatchObject({ startLine: 178, endLine: 217 });
    for (const s of doc.sections) {
      expect(s.markdown.split("\n")).toHaveLength(s.endLine - s.startLine + 1);
      expect(
        lines
          .slice(s.startLine - 1, s.endLine)
          .join("\n")
          .startsWith(s.markdown),
      ).toBe(true);
    }
    expect(section(doc, "process").markdown).toBe(
      "<b>Process</b>\n\nA `process` is like the entire kitchen itself, with all its equipment and resources. It is an independent execution environment. Each process has its own memory space, resources, and a dedicated execution path.\n\n![Process](/Python/images/process.webp)",
    );
  });

  it("keeps code blocks inside their section, and their # comments are not headings", () => {
    const eventLoop = section(doc, "event-loop").markdown;
    expect(eventLoop.match(/```python/g)).toHaveLength(2);
    expect(eventLoop).toContain("# Create and run an event loop forever");
    expect(eventLoop).toContain("# Yield point: coroutine pauses here, event loop takes over");
    expect(section(doc, "tasks").markdown).toContain("# BAD: no reference kept to the Task");
    expect(section(doc, "explain-global-interpreter-lock-gil-in-python").markdown).toContain(
      "pool = multiprocessing.Pool(processes=4)",
    );
    expect(doc.sections.some((s) => /^(?:create|yield|bad|to-achieve)/.test(s.anchor))).toBe(false);
  });

  it("puts the text after <b>Future</b> on the next line into the Future section", () => {
    expect(section(doc, "future").markdown.startsWith("<b>Future</b>\nA Future is an object")).toBe(true);
    expect(section(doc, "awaitable").markdown).not.toContain("A Future is an object");
  });

  it("finds the question heading's pair and the GIL Question/Answer pair", () => {
    expect(doc.qaPairs).toHaveLength(2);
    const [threads, gil] = doc.qaPairs;
    expect(threads).toMatchObject({
      question: "What is thread and process?",
      sectionAnchor: "question-what-is-thread-and-process",
    });
    expect(threads?.answer.startsWith("In simple terms, a `thread` is like a separate flow")).toBe(true);
    expect(threads?.answer).not.toContain("Process</b>");
    expect(gil).toMatchObject({
      question:
        "Describe the GIL and its effect on multi-threading in Python. How would you solve a CPU-bound task in Python that requires genuine parallelism?",
      sectionAnchor: "explain-global-interpreter-lock-gil-in-python",
    });
    expect(gil?.answer.startsWith("The Global Interpreter Lock (GIL) is a mutex")).toBe(true);
    expect(gil?.answer).toContain("- Solution for Parallelism: For CPU-bound tasks");
    expect(gil?.answer).toContain("pool.join()\n```");
    expect(gil?.answer).not.toMatch(/<\/?b>|Answer:/);
  });

  it("reads the same note with CRLF line endings the same way", () => {
    const crlf = note.replace(/\n/g, "\r\n");
    const parsed = parseDocument(crlf);
    expectWellFormed(parsed, crlf);
    expect(parsed.sections.map((s) => [s.anchor, s.level, s.startLine, s.endLine])).toEqual(
      doc.sections.map((s) => [s.anchor, s.level, s.startLine, s.endLine]),
    );
    expect(section(parsed, "future").markdown).toBe(section(doc, "future").markdown.replace(/\n/g, "\r\n"));
    expect(parsed.qaPairs.map((p) => p.question)).toEqual(doc.qaPairs.map((p) => p.question));
  });
});

describe("parseDocument rules", () => {
  it("names content before the first heading 'introduction', and never reuses that anchor", () => {
    const doc = parseDocument("Some opening words.\n\n# Introduction\n\nBody.");
    expect(doc.sections.map((s) => [s.anchor, s.heading, s.level])).toEqual([
      ["introduction", "Introduction", 1],
      ["introduction-1", "Introduction", 1],
    ]);
    expect(doc.title).toBe("Introduction");
  });

  it("numbers duplicate headings like GitHub, and falls back to 'section' for empty slugs", () => {
    const doc = parseDocument("# A\n\n## Notes\n\n## Notes\n\n## Notes\n\n## ???\n\n## !!!");
    expect(doc.sections.map((s) => s.anchor)).toEqual([
      "a",
      "notes",
      "notes-1",
      "notes-2",
      "section",
      "section-1",
    ]);
  });

  it("takes the title from the first heading of the lowest level", () => {
    expect(parseDocument("### Deep\n\n## Shallow\n\n## Other\n\n# Top\n\n# Later").title).toBe("Top");
    expect(parseDocument("\n\n   Just a line of text.  \nSecond line.").title).toBe("Just a line of text.");
    expect(parseDocument(`${"word ".repeat(100)}`).title).toHaveLength(119);
    expect(parseDocument("<div></div>").title).toBe("Untitled");
  });

  it("treats **Name** alone on its line as a sub-heading, but not bold inside a sentence", () => {
    const doc = parseDocument(
      "## Top\n\n**Name**\n\nBody text.\n\n**Inline** bold in a sentence.\n\n<b>Bold</b> followed by text.\n\n<strong>Strong</strong>\nits body",
    );
    expect(doc.sections.map((s) => [s.anchor, s.level])).toEqual([
      ["top", 2],
      ["name", 3],
      ["strong", 3],
    ]);
    expect(section(doc, "name").markdown).toBe(
      "**Name**\n\nBody text.\n\n**Inline** bold in a sentence.\n\n<b>Bold</b> followed by text.",
    );
  });

  it("gives sub-headings level 1 when no heading comes before them", () => {
    const doc = parseDocument("<b>First</b>\n\ntext\n\n<b>Second</b>\n\nmore");
    expect(doc.sections.map((s) => [s.anchor, s.level])).toEqual([
      ["first", 1],
      ["second", 1],
    ]);
  });

  it("reads **Question:** / **Answer:** pairs and ends an answer at the next sub-heading", () => {
    const doc = parseDocument(
      "# Quiz\n\n**Question:** What is X?\n\n**Answer:** X is a thing.\n\n- with a list\n\n**Next**\n\nUnrelated.\n\n<b>Question dangling with no answer</b>",
    );
    expect(doc.sections.map((s) => s.anchor)).toEqual(["quiz", "next"]);
    expect(doc.qaPairs).toEqual([
      { question: "What is X?", answer: "X is a thing.\n\n- with a list", sectionAnchor: "quiz" },
    ]);
  });

  it("does not read 'Question-driven …', 'Questions' or an outline's 'A.' as question/answer labels", () => {
    const doc = parseDocument(
      "# T\n\n**A. Basics**\n\ntext\n\n**Question-driven design**\n\nmore\n\n## Questions\n\n## Q-learning\n\nQ-values.",
    );
    expect(doc.sections.map((s) => s.anchor)).toEqual([
      "t",
      "a-basics",
      "question-driven-design",
      "questions",
      "q-learning",
    ]);
    expect(doc.qaPairs).toEqual([]);
  });

  it("makes 'Question:' headings pairs whose answer is the body up to the next sub-heading", () => {
    const doc = parseDocument("## Question: Why?\n\nBecause **reasons**.\n\n<b>Aside</b>\n\nNot the answer.");
    expect(doc.qaPairs).toEqual([
      { question: "Why?", answer: "Because **reasons**.", sectionAnchor: "question-why" },
    ]);
  });

  it("keeps the source exact: CRLF, NUL characters, and drops only a leading byte-order mark", () => {
    const doc = parseDocument("\uFEFF# Ti\0tle\r\n\r\nbody\0text\r\nmore");
    expect(doc.title).toBe("Ti\uFFFDtle");
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({
      startLine: 1,
      endLine: 4,
      markdown: "# Ti\0tle\r\n\r\nbody\0text\r\nmore",
    });
  });
});

describe("parseDocument on hostile input", () => {
  const MiB = 1024 * 1024;
  const cases: [string, () => string][] = [
    ["empty", () => ""],
    ["whitespace only", () => "  \n\t\n \r\n  "],
    ["1 MiB of prose", () => "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".repeat(MiB / 57)],
    ["1 MiB of one paragraph", () => "word ".repeat(MiB / 5)],
    ["1 MiB of headings", () => "# Heading\n\n".repeat(MiB / 11)],
    ["5,000-deep blockquote", () => `${">".repeat(5000)} deep`],
    ["10,000-deep blockquote", () => `${"> ".repeat(10000)}deeper`],
    ["5,000-deep list", () => `${"- ".repeat(5000)}x`],
    ["10,000-deep mixed nesting", () => `${"> 1. * ".repeat(3400)}x`],
    [
      "1,000-deep indented list",
      () => Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n"),
    ],
    ["40,000 nested emphasis markers", () => `${"*".repeat(20000)}x${"*".repeat(20000)}`],
    [
      "HTML soup",
      () => "<div><script>alert(1)</script><p>unclosed <b>bold <i>x</div>\n\n<style>\n# not a heading\n",
    ],
    ["unclosed fence", () => "# Code\n\n```js\n# not a heading\n<b>Not a sub-heading</b>\n"],
    ["missing images", () => "# Pics\n\n![Alt text](/missing.png)\n\nSee ![inline](nope.webp) here."],
    ["no headings", () => "Just text.\n\nMore text with `code` and **bold**."],
    ["NUL characters", () => "\0# \0\n\0\n<b>\0</b>\n\0".repeat(100)],
    ["lone surrogates", () => "# \ud800 heading \udfff\n\ntext \ud83d"],
  ];
  // A megabyte of markup takes remark seconds; on a loaded CI machine, much longer than usual.
  it.each(cases)(
    "survives %s",
    (_name, make) => {
      const input = make();
      const doc = parseDocument(input);
      expectWellFormed(doc, input);
    },
    180_000,
  );

  it("reads what it can of the hostile cases", () => {
    expect(parseDocument("")).toEqual({ title: "Untitled", sections: [], qaPairs: [] });
    expect(parseDocument(" \n\t\n").sections).toEqual([]);
    const headings = parseDocument("# Heading\n\n".repeat(3000));
    expect(headings.sections).toHaveLength(3000);
    expect(headings.sections[2999]?.anchor).toBe("heading-2999");
    const deep = `${">".repeat(5000)} deep`;
    expect(parseDocument(deep).sections.map((s) => s.markdown)).toEqual([deep]);
    const soup = parseDocument(
      "<div><script>alert(1)</script>\n\n# Real heading\n\n<b>Sub</b>\ntext <i>unclosed",
    );
    expect(soup.sections.map((s) => s.anchor)).toEqual(["introduction", "real-heading", "sub"]);
    expect(soup.title).toBe("Real heading");
    const pictures = parseDocument("# Pics\n\n![Alt text](/missing.png)");
    expect(pictures.sections[0]?.markdown).toBe("# Pics\n\n![Alt text](/missing.png)");
    expect(parseDocument("Just text.\n\nMore.").sections.map((s) => s.anchor)).toEqual(["introduction"]);
  });
});

describe("parseDocument properties", () => {
  const word = fc.constantFrom(
    "alpha",
    "Beta",
    "gamma delta",
    "Question",
    "Answer:",
    "`code`",
    "x_y",
    "a*b",
    "ü",
    "",
  );
  const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(" "));
  const line = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([level, t]) => `${"#".repeat(level)} ${t}`),
    text.map((t) => `<b>${t}</b>`),
    text.map((t) => `**${t}**`),
    text.map((t) => `<b>Question ${t}?</b>`),
    text.map((t) => `<b>Answer:</b> ${t}`),
    text.map((t) => `### Question: ${t}?`),
    text,
    text.map((t) => `- ${t}`),
    text.map((t) => `> ${t}`),
    text.map((t) => `${t}\n${"=".repeat(3)}`),
    fc.constantFrom(
      "",
      "",
      "```",
      "```python",
      "    indented code",
      "<div>",
      "</div>",
      "---",
      "| a | b |",
      "|---|---|",
    ),
  );
  const markdownish = fc
    .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n", "\r"))
    .map(([lines, eol]) => lines.join(eol));
  const syntaxSoup = fc.string({
    unit: fc.constantFrom(
      "#",
      " ",
      "\n",
      "\r\n",
      ">",
      "-",
      "*",
      "_",
      "`",
      "<b>",
      "</b>",
      "[",
      "](",
      ")",
      "!",
      "a",
      "1.",
      "|",
      "\0",
      "\t",
      "Question ",
      "**Answer:**",
    ),
    maxLength: 200,
  });

  it("never throws and keeps its invariants on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (input) => {
        expectWellFormed(parseDocument(input), input);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps anchors unique, positions ordered and line ranges increasing on markdown-like input", () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, syntaxSoup), (input) => {
        expectWellFormed(parseDocument(input), input);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(markdownish, (input) => {
        expect(parseDocument(input)).toEqual(parseDocument(input));
      }),
      { numRuns: 50 },
    );
  });
});
