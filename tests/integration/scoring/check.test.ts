import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerKey } from "../../../src/domain/questions/question-spec.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { buildTestApp, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seed: async (db) => void (await seedContent(db)) });
});
afterAll(async () => {
  await t.close();
});

const check = (id: string, payload: unknown) =>
  t.app.inject({ method: "POST", url: `/v1/questions/${id}/check`, payload: payload as object });

/** The right answer to a question, in the shape its type takes, built from the stored key. */
function rightAnswer(type: string, key: AnswerKey): unknown {
  switch (type) {
    case "single_choice":
      return key.correctChoiceIds?.[0];
    case "multiple_choice":
      return key.correctChoiceIds;
    case "ordering":
      return key.order;
    case "explain":
      return key.rubric?.referenceAnswer;
    default:
      return key.answer;
  }
}

describe("POST /v1/questions/:id/check", () => {
  it("grades every question of the bank; the expected answer of each scores 1 (explain: correct)", async () => {
    const questions = await t.app.db.question.findMany({
      where: { status: "published", visibility: "public" },
    });
    expect(questions.length).toBeGreaterThanOrEqual(80);
    for (const q of questions) {
      const response = await check(q.id, { answer: rightAnswer(q.type, q.answerKey as AnswerKey) });
      expect(response.statusCode, `${q.slug}: ${response.body}`).toBe(200);
      const grade = response.json();
      expect(grade.verdict, q.slug ?? q.id).toBe("correct");
      if (q.type !== "explain") expect(grade.score, q.slug ?? q.id).toBe(1);
      expect(grade.graderVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
      expect(grade.source).toMatchObject({ document: "asyncio-threading-multiprocessing" });
    }
  });

  it("explains a free-text grade: key points matched and missed, misconceptions, the reference", async () => {
    const question = await t.app.db.question.findUniqueOrThrow({ where: { slug: "gil-what-it-is" } });
    const response = await check(question.id, {
      answer: "The GIL makes all Python code thread-safe, so you never need locks.",
    });
    expect(response.statusCode).toBe(200);
    const grade = response.json();
    expect(grade.verdict).not.toBe("correct");
    expect(grade.keyPoints.length).toBeGreaterThan(0);
    expect(grade.keyPoints.some((k: { matched: boolean }) => !k.matched)).toBe(true);
    expect(typeof grade.expected).toBe("string");
    expect(grade.feedback.length).toBeGreaterThan(0);
  });

  it("checks a bank question's phrasing matches against its learned evidence", async () => {
    // Off topic: "database" and "queries" graze the I/O key point, which the phrasings alone count
    // (partial); the model trained for this question finds nothing like that point here.
    const question = await t.app.db.question.findUniqueOrThrow({ where: { slug: "gil-django-io-bound" } });
    const response = await check(question.id, {
      answer:
        "I'd say the bigger performance issue in Django is usually the ORM: N+1 queries. Use select_related and prefetch_related, add database indexes, and cache expensive querysets. Django Debug Toolbar is great for finding these problems.",
    });
    expect(response.statusCode).toBe(200);
    const grade = response.json();
    expect(grade.verdict).toBe("incorrect");
    expect(grade.keyPoints.every((k: { matched: boolean }) => !k.matched)).toBe(true);
  });

  it("gives partial credit on multiple choice and ordering", async () => {
    const multi = await t.app.db.question.findFirstOrThrow({
      where: { type: "multiple_choice", origin: "curated" },
    });
    const key = multi.answerKey as AnswerKey;
    const right = key.correctChoiceIds ?? [];
    if (right.length >= 2) {
      const grade = (await check(multi.id, { answer: right.slice(0, 1) })).json();
      expect(grade.verdict).toBe("partial");
      expect(grade.score).toBeCloseTo(1 / right.length);
    }
    const ordering = await t.app.db.question.findFirstOrThrow({
      where: { type: "ordering", origin: "curated" },
    });
    const order = (ordering.answerKey as AnswerKey).order ?? [];
    const swapped = [order[1], order[0], ...order.slice(2)];
    const grade = (await check(ordering.id, { answer: swapped })).json();
    expect(grade.score).toBeGreaterThan(0);
    expect(grade.score).toBeLessThan(1);
  });

  it.each([
    ["explain", true, /string/],
    ["multiple_choice", "a string", /array|list/],
    ["single_choice", "no-such-choice-id", /choice/],
    ["true_false", "yes", /boolean|true|false/],
    ["cloze", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"], /blank/],
    ["ordering", ["not", "an", "item"], /item|order/],
  ])("a wrong shape for %s is 422 naming what was expected", async (type, answer, message) => {
    const question = await t.app.db.question.findFirstOrThrow({ where: { type: type as "explain" } });
    const response = await check(question.id, { answer });
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toMatch(/problem\+json/);
    expect(response.json().detail).toMatch(message);
  });

  it("refuses answers over 5,000 characters with 413", async () => {
    const question = await t.app.db.question.findFirstOrThrow({ where: { type: "explain" } });
    const response = await check(question.id, { answer: "word ".repeat(1200) });
    expect(response.statusCode).toBe(413);
  });

  it("400 without an answer, 404 for an unknown question", async () => {
    const question = await t.app.db.question.findFirstOrThrow({ where: { type: "true_false" } });
    expect((await check(question.id, {})).statusCode).toBe(400);
    expect((await check("no-such-id", { answer: true })).statusCode).toBe(404);
  });
});
