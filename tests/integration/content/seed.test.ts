import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../../src/db/prepare.ts";
import { BankError, loadBank, SEED_DIR } from "../../../src/modules/content/bank-loader.ts";
import { seedContent } from "../../../src/modules/content/seed-content.ts";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await prepareDatabase(t.database);
});
afterAll(async () => {
  await t.drop();
});

async function snapshot() {
  const db = t.database.prisma;
  return {
    documents: await db.document.findMany({ orderBy: { slug: "asc" } }),
    sections: await db.section.findMany({ orderBy: { id: "asc" } }),
    topics: await db.topic.findMany({ orderBy: { slug: "asc" } }),
    questions: await db.question.findMany({ orderBy: { id: "asc" } }),
    questionTopics: await db.questionTopic.findMany({ orderBy: [{ questionId: "asc" }, { topicId: "asc" }] }),
    versions: await db.questionVersion.count(),
  };
}

describe("seeding the bank", () => {
  it("loads the bundled corpus, then changes nothing when run again", async () => {
    const first = await seedContent(t.database.prisma);
    expect(first.created).toBeGreaterThanOrEqual(80);
    const before = await snapshot();
    const second = await seedContent(t.database.prisma);
    expect(second).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: first.created });
    expect(await snapshot()).toEqual(before);
  });

  it("retires a question removed from the bank, keeps its row, and restores it when it returns", async () => {
    const bank = await loadBank();
    const removed = bank.questions[0];
    if (!removed) throw new Error("empty bank");
    // A learner has a card for it: retiring must take it out of their queue.
    const learner = await t.database.prisma.user.create({
      data: { email: "retire@example.com", passwordHash: "x" },
    });
    const question = await t.database.prisma.question.findUniqueOrThrow({ where: { slug: removed.slug } });
    await t.database.prisma.card.create({ data: { userId: learner.id, questionId: question.id } });
    await seedContent(t.database.prisma, { ...bank, questions: bank.questions.slice(1) });
    const retired = await t.database.prisma.question.findUniqueOrThrow({ where: { slug: removed.slug } });
    expect(retired.status).toBe("retired");
    const card = await t.database.prisma.card.findFirstOrThrow({ where: { userId: learner.id } });
    expect(card.suspended).toBe(true);
    await seedContent(t.database.prisma, bank);
    const back = await t.database.prisma.question.findUniqueOrThrow({ where: { slug: removed.slug } });
    expect(back).toMatchObject({ id: retired.id, status: "published", version: retired.version });
  });

  it("versions a question whose content changed", async () => {
    const bank = await loadBank();
    const [first, ...others] = bank.questions;
    if (!first) throw new Error("empty bank");
    const before = await t.database.prisma.question.findUniqueOrThrow({ where: { slug: first.slug } });
    const report = await seedContent(t.database.prisma, {
      ...bank,
      questions: [{ ...first, explanation: `${first.explanation ?? ""} (revised)` }, ...others],
    });
    expect(report.updated).toBe(1);
    const after = await t.database.prisma.question.findUniqueOrThrow({ where: { slug: first.slug } });
    expect(after.version).toBe(before.version + 1);
    expect(await t.database.prisma.questionVersion.count({ where: { questionId: after.id } })).toBe(
      after.version,
    );
    await seedContent(t.database.prisma, bank);
  });

  it("names the file, the question and the field of an invalid entry", async () => {
    const dir = await mkdtemp(join(tmpdir(), "prepdeck-bank-"));
    await cp(SEED_DIR, dir, { recursive: true });
    const file = join(dir, "questions", "gil.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/difficulty: easy/, "difficulty: trivial"));
    const error = await loadBank(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect((error as Error).message).toMatch(/gil\.yaml: question "[a-z0-9-]+": difficulty: /);
  });

  it("rejects a question citing a section the document does not have", async () => {
    const bank = await loadBank();
    const [first, ...others] = bank.questions;
    if (!first) throw new Error("empty bank");
    await expect(
      seedContent(t.database.prisma, {
        ...bank,
        questions: [{ ...first, section: "no-such-section" }, ...others],
      }),
    ).rejects.toThrow(/no-such-section/);
  });
});
