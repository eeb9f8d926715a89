// The curated bank grades its own answers: every explain question's reference answer scores
// correct (with a rubric that has no dead phrasings), and every objective question's expected
// answer scores 1.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  questionInputSchema,
  type StoredQuestion,
  toStoredQuestion,
} from "../../../src/domain/questions/question-spec.ts";
import { rubricProblems } from "../../../src/domain/scoring/explain.ts";
import { gradeAnswer } from "../../../src/domain/scoring/index.ts";

const dir = fileURLToPath(new URL("../../../seed/questions/", import.meta.url));

function loadBank(): { slug: string; question: StoredQuestion }[] {
  let n = 0;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((file) => {
      const doc: unknown = parse(readFileSync(`${dir}${file}`, "utf8"));
      const entries = typeof doc === "object" && doc !== null && "questions" in doc ? doc.questions : [];
      if (!Array.isArray(entries)) throw new Error(`${file}: no questions list`);
      return entries.map((entry: unknown) => {
        if (typeof entry !== "object" || entry === null)
          throw new Error(`${file}: a question is not an object`);
        const { slug, section: _section, ...input } = entry as Record<string, unknown>;
        const question = toStoredQuestion(questionInputSchema.parse(input), () => `id-${++n}`);
        return { slug: String(slug), question };
      });
    });
}

/** The right answer in the answer's own shape, read from the stored key. */
function expectedAnswer(q: StoredQuestion): unknown {
  switch (q.type) {
    case "single_choice":
      return q.answerKey.correctChoiceIds?.[0];
    case "multiple_choice":
      return q.answerKey.correctChoiceIds;
    case "ordering":
      return q.answerKey.order;
    default:
      return q.answerKey.answer;
  }
}

const bank = loadBank();
const explain = bank.filter((b) => b.question.type === "explain");
const objective = bank.filter((b) => b.question.type !== "explain");

describe("the curated bank", () => {
  it("has questions of every kind", () => {
    expect(explain.length).toBeGreaterThanOrEqual(16);
    expect(objective.length).toBeGreaterThan(0);
  });

  it.each(explain.map((b) => [b.slug, b.question] as const))(
    "%s: the reference answer scores correct",
    (_, q) => {
      const { grade } = gradeAnswer(q, q.answerKey.rubric?.referenceAnswer);
      expect(grade.verdict).toBe("correct");
      expect(grade.misconceptions).toBeUndefined();
    },
  );

  it.each(explain.map((b) => [b.slug, b.question] as const))("%s: every phrasing can match", (_, q) => {
    const rubric = q.answerKey.rubric;
    expect(rubric).toBeDefined();
    if (rubric) expect(rubricProblems(q.prompt, rubric)).toEqual([]);
  });

  it.each(objective.map((b) => [b.slug, b.question] as const))("%s: the expected answer scores 1", (_, q) => {
    const { grade } = gradeAnswer(q, expectedAnswer(q));
    expect(grade.score).toBe(1);
    expect(grade.verdict).toBe("correct");
  });
});
