// Swapped roles: an answer that says of one contrasted term what the rubric says of the other.
import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/domain/scoring/index.ts";
import { explainQuestion } from "./fixtures.ts";

const question = (prompt: string) =>
  explainQuestion({
    prompt,
    rubric: {
      referenceAnswer:
        "Concurrency: tasks take turns, interleaving. Parallelism: tasks run at the same instant on multiple cores. Threads give concurrency.",
      keyPoints: [
        { text: "Concurrency: tasks take turns by interleaving.", phrasings: ["tasks take turns"] },
        {
          text: "Parallelism: tasks run at the same instant on multiple cores.",
          phrasings: ["simultaneously on multiple cores"],
        },
        { text: "Threads give concurrency under the GIL.", phrasings: ["threads give concurrency"] },
      ],
    },
  });
const contrast = () => question("Distinguish concurrency from parallelism. Which do threads give?");

describe("explain: swapped roles", () => {
  it("reads definitions given to the wrong terms as a misconception, with the key point as its correction", () => {
    const { grade } = gradeAnswer(
      contrast(),
      "Concurrency is when tasks run on multiple cores at once, and parallelism is when tasks take turns.",
    );
    expect(grade.verdict).not.toBe("correct");
    expect(grade.misconceptions).toEqual(
      expect.arrayContaining([
        {
          text: "Says of concurrency what holds for parallelism",
          explanation: "Parallelism: tasks run at the same instant on multiple cores.",
        },
        {
          text: "Says of parallelism what holds for concurrency",
          explanation: "Concurrency: tasks take turns by interleaving.",
        },
      ]),
    );
    expect(grade.feedback).toContain("Says of concurrency what holds for parallelism");
  });

  it("reads what follows a one-term heading as said of that term", () => {
    const headed = gradeAnswer(
      contrast(),
      "With parallelism: the work is split up, and the tasks take turns.",
    ).grade;
    expect(headed.misconceptions?.map((m) => m.text)).toEqual([
      "Says of parallelism what holds for concurrency",
    ]);
    // Nor when the sentence names the other term too: two headings read as one sentence.
    const twoHeadings = gradeAnswer(
      contrast(),
      "parallelism: on many cores at once — concurrency: the work is split up, and the tasks take turns.",
    ).grade;
    expect(twoHeadings.misconceptions).toBeUndefined();
    // A heading of more than the term is no heading ("Generalised subroutine: ...").
    const described = gradeAnswer(
      contrast(),
      "Parallelism, briefly put: the work is split up, and the tasks take turns.",
    ).grade;
    expect(described.misconceptions).toBeUndefined();
  });

  it('reads "the former" and "the latter" as the terms they stand for', () => {
    const swapped = gradeAnswer(
      contrast(),
      "Concurrency and parallelism differ. The former is when all tasks run simultaneously on multiple cores; the latter is when tasks take turns.",
    ).grade;
    expect(swapped.misconceptions?.map((m) => m.text)).toEqual(
      expect.arrayContaining(["Says of parallelism what holds for concurrency"]),
    );
    const right = gradeAnswer(
      contrast(),
      "Concurrency and parallelism differ. The former is when tasks take turns; the latter is when they run simultaneously on multiple cores. Threads give concurrency.",
    ).grade;
    expect(right.misconceptions).toBeUndefined();
  });

  it("reads no swap in what the answer takes back", () => {
    const { grade } = gradeAnswer(
      contrast(),
      "Myth: parallelism is when tasks take turns. Fact: concurrency is when tasks take turns.",
    );
    expect(grade.misconceptions).toBeUndefined();
  });

  it("reads a named term exchanged in a phrasing as a swap", () => {
    const { grade } = gradeAnswer(contrast(), "Threads give parallelism. Tasks take turns in concurrency.");
    expect(grade.misconceptions?.map((m) => m.text)).toEqual([
      "Says of parallelism what holds for concurrency",
    ]);
  });

  it("grades the right definitions correct, with no swap", () => {
    const { grade } = gradeAnswer(
      contrast(),
      "Concurrency is when tasks take turns, and parallelism is when they run on multiple cores at once. Threads give concurrency.",
    );
    expect(grade.misconceptions).toBeUndefined();
    expect(grade.verdict).toBe("correct");
  });

  it("is no swap when the same clause states the original too, or names the term after the claim", () => {
    const both = gradeAnswer(contrast(), "Threads give concurrency and parallelism.").grade;
    expect(both.misconceptions).toBeUndefined();
    const after = gradeAnswer(
      contrast(),
      "Running simultaneously on multiple cores is parallelism, not concurrency.",
    ).grade;
    expect(after.misconceptions).toBeUndefined();
  });

  it("only reads swaps for the terms the prompt contrasts", () => {
    const { grade } = gradeAnswer(
      question("What do threads give you in CPython?"),
      "Concurrency is when tasks run on multiple cores at once.",
    );
    expect(grade.misconceptions).toBeUndefined();
  });

  it("reads I/O-bound and CPU-bound as contrasted when the key points name both, whatever the prompt says", () => {
    const q = explainQuestion({
      prompt: "How does the GIL affect a program that waits on the network, and one that crunches numbers?",
      rubric: {
        referenceAnswer: "I/O releases the GIL, so I/O-bound threads run well. CPU-bound threads take turns.",
        keyPoints: [
          {
            text: "I/O operations release the GIL, so I/O-bound threads run well.",
            phrasings: ["releases the gil"],
          },
          { text: "CPU-bound threads are limited to one at a time.", phrasings: ["one thread at a time"] },
        ],
      },
    });
    const swapped = gradeAnswer(q, "CPU-bound work is fine because computation releases the GIL.").grade;
    expect(swapped.misconceptions?.map((m) => m.text)).toEqual([
      "Says of CPU-bound work what holds for I/O-bound work",
    ]);
    const right = gradeAnswer(q, "I/O-bound work is fine because waiting releases the GIL.").grade;
    expect(right.misconceptions).toBeUndefined();
  });
});
