// Loads the bundled corpus into the database idempotently: documents and sections by slug and
// anchor, topics by slug, questions (curated and generated) by slug. A question whose content
// changed gets a new version; one removed from the bank is retired, never deleted, so review
// history and quizzes that pinned it survive. Running it twice changes nothing.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../db/database.ts";
import { parseDocument } from "../../domain/markdown/parse-document.ts";
import { generateQuestions } from "../../domain/questions/generate-questions.ts";
import {
  type QuestionInput,
  type StoredQuestion,
  toStoredQuestion,
} from "../../domain/questions/question-spec.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { asJson } from "../../lib/json.ts";
import { type Bank, BankError, type BankQuestion, loadBank } from "./bank-loader.ts";
import { storedQuestionColumns } from "./question-view.ts";

type Tx = Prisma.TransactionClient;
type Origin = "curated" | "generated";

export interface SeedReport {
  documents: number;
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
}

/** Choice and item ids of bank questions: stable across seeds, and saying nothing about the answer. */
function stableId(slug: string, text: string): string {
  return createHash("sha256").update(`${slug}\n${text}`).digest("base64url").slice(0, 12);
}

function contentHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

interface PlannedQuestion {
  slug: string;
  origin: Origin;
  documentSlug: string;
  anchor: string;
  difficulty: BankQuestion["difficulty"];
  topics: string[];
  stored: StoredQuestion;
  hash: string;
}

function plan(
  question: QuestionInput & { slug: string; section: string },
  documentSlug: string,
  origin: Origin,
): PlannedQuestion {
  const stored = toStoredQuestion(question, (text) => stableId(question.slug, text));
  const topics = [...new Set(question.topics)].sort();
  return {
    slug: question.slug,
    origin,
    documentSlug,
    anchor: question.section,
    difficulty: question.difficulty,
    topics,
    stored,
    hash: contentHash({
      ...stored,
      difficulty: question.difficulty,
      topics,
      documentSlug,
      anchor: question.section,
    }),
  };
}

/** Curated questions plus generated ones that do not repeat a curated prompt. */
export function planBank(bank: Bank): {
  planned: PlannedQuestion[];
  parsed: Map<string, ReturnType<typeof parseDocument>>;
} {
  const parsed = new Map(bank.documents.map((d) => [d.slug, parseDocument(d.markdown)]));
  const planned: PlannedQuestion[] = [];
  for (const question of bank.questions) {
    const doc = parsed.get(question.document);
    if (!doc?.sections.some((s) => s.anchor === question.section)) {
      throw new BankError(
        `question "${question.slug}": section "${question.section}" is not in document "${question.document}"`,
      );
    }
    planned.push(plan(question, question.document, "curated"));
  }
  const curatedSlugs = new Set(planned.map((p) => p.slug));
  for (const [documentSlug, doc] of parsed) {
    const curated = bank.questions.filter((q) => q.document === documentSlug);
    // Generated questions take the topics curated questions of the same section use, so the
    // topic list stays the curated one; the generator's own topic is the fallback.
    const sectionTopics = new Map<string, string[]>();
    for (const q of curated)
      sectionTopics.set(q.section, [...(sectionTopics.get(q.section) ?? []), ...q.topics]);
    const generated = generateQuestions(doc, { documentSlug, existingPrompts: curated.map((q) => q.prompt) });
    for (const question of generated) {
      if (curatedSlugs.has(question.slug)) continue;
      const topics = sectionTopics.get(question.section) ?? question.topics;
      planned.push(
        plan({ ...question, topics: [...new Set(topics)].slice(0, 3) }, documentSlug, "generated"),
      );
    }
  }
  return { planned, parsed };
}

async function upsertTopics(tx: Tx, bank: Bank, planned: PlannedQuestion[]): Promise<Map<string, string>> {
  const names = new Map(bank.topics.map((t) => [t.slug, t.name]));
  for (const p of planned) for (const t of p.topics) if (!names.has(t)) names.set(t, t.replaceAll("-", " "));
  await tx.topic.createMany({
    data: [...names].map(([slug, name]) => ({ slug, name })),
    skipDuplicates: true,
  });
  const rows = await tx.topic.findMany({ where: { slug: { in: [...names.keys()] } } });
  for (const row of rows) {
    const name = names.get(row.slug);
    if (name !== undefined && name !== row.name)
      await tx.topic.update({ where: { id: row.id }, data: { name } });
  }
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Returns section ids by `${documentSlug}#${anchor}`. */
async function upsertDocuments(
  tx: Tx,
  bank: Bank,
  parsed: Map<string, ReturnType<typeof parseDocument>>,
): Promise<Map<string, { documentId: string; sectionId: string }>> {
  const sections = new Map<string, { documentId: string; sectionId: string }>();
  for (const source of bank.documents) {
    const doc = parsed.get(source.slug);
    if (!doc) continue;
    const checksum = createHash("sha256").update(source.markdown).digest("hex");
    let document = await tx.document.findUnique({ where: { slug: source.slug } });
    if (!document) {
      document = await tx.document.create({
        data: {
          slug: source.slug,
          title: doc.title,
          markdown: source.markdown,
          checksum,
          status: "published",
        },
      });
    } else if (document.checksum !== checksum || document.title !== doc.title) {
      document = await tx.document.update({
        where: { id: document.id },
        data: { title: doc.title, markdown: source.markdown, checksum },
      });
    }
    const existing = await tx.section.findMany({ where: { documentId: document.id } });
    const byAnchor = new Map(existing.map((s) => [s.anchor, s]));
    for (const section of doc.sections) {
      const current = byAnchor.get(section.anchor);
      const data = {
        heading: section.heading,
        level: section.level,
        position: section.position,
        markdown: section.markdown,
        startLine: section.startLine,
        endLine: section.endLine,
        checksum: section.checksum,
      };
      if (!current) {
        const created = await tx.section.create({
          data: { ...data, documentId: document.id, anchor: section.anchor },
        });
        sections.set(`${source.slug}#${section.anchor}`, { documentId: document.id, sectionId: created.id });
        continue;
      }
      const changed = (Object.keys(data) as (keyof typeof data)[]).some((k) => current[k] !== data[k]);
      if (changed) await tx.section.update({ where: { id: current.id }, data });
      sections.set(`${source.slug}#${section.anchor}`, { documentId: document.id, sectionId: current.id });
    }
    const gone = existing.filter((s) => !doc.sections.some((p) => p.anchor === s.anchor)).map((s) => s.id);
    if (gone.length > 0) await tx.section.deleteMany({ where: { id: { in: gone } } });
  }
  return sections;
}

export async function seedContent(db: PrismaClient, bank?: Bank): Promise<SeedReport> {
  const source = bank ?? (await loadBank());
  const { planned, parsed } = planBank(source);
  return db.$transaction(
    async (tx) => {
      const topicIds = await upsertTopics(tx, source, planned);
      const sections = await upsertDocuments(tx, source, parsed);
      const existing = new Map(
        (
          await tx.question.findMany({
            where: { ownerId: null, origin: { in: ["curated", "generated"] } },
            select: { id: true, slug: true, contentHash: true, status: true, version: true },
          })
        ).map((q) => [q.slug, q]),
      );
      const report: SeedReport = {
        documents: source.documents.length,
        created: 0,
        updated: 0,
        retired: 0,
        unchanged: 0,
      };

      for (const p of planned) {
        const place = sections.get(`${p.documentSlug}#${p.anchor}`);
        const fields = {
          ...storedQuestionColumns(p.stored, p.difficulty),
          origin: p.origin,
          documentId: place?.documentId ?? null,
          sectionId: place?.sectionId ?? null,
          contentHash: p.hash,
          status: "published" as const,
          visibility: "public" as const,
        };
        const snapshot = asJson({ ...p.stored, difficulty: p.difficulty, topics: p.topics });
        const topicLinks = p.topics.flatMap((t) => {
          const topicId = topicIds.get(t);
          return topicId ? [{ topicId }] : [];
        });
        const current = existing.get(p.slug);
        if (!current) {
          const created = await tx.question.create({ data: { ...fields, slug: p.slug, version: 1 } });
          await tx.questionVersion.create({ data: { questionId: created.id, version: 1, snapshot } });
          await tx.questionTopic.createMany({
            data: topicLinks.map((l) => ({ ...l, questionId: created.id })),
          });
          report.created += 1;
        } else if (current.contentHash !== p.hash || current.status !== "published") {
          const version = current.contentHash !== p.hash ? current.version + 1 : current.version;
          await tx.question.update({ where: { id: current.id }, data: { ...fields, version } });
          if (version !== current.version) {
            await tx.questionVersion.create({ data: { questionId: current.id, version, snapshot } });
          }
          await tx.questionTopic.deleteMany({ where: { questionId: current.id } });
          await tx.questionTopic.createMany({
            data: topicLinks.map((l) => ({ ...l, questionId: current.id })),
          });
          report.updated += 1;
        } else {
          report.unchanged += 1;
        }
      }

      const keep = new Set(planned.map((p) => p.slug));
      const retire = [...existing.values()].filter(
        (q) => q.slug && !keep.has(q.slug) && q.status !== "retired",
      );
      if (retire.length > 0) {
        const ids = retire.map((q) => q.id);
        await tx.question.updateMany({ where: { id: { in: ids } }, data: { status: "retired" } });
        // A retired question leaves every learner's queue: its cards are suspended, history kept.
        await tx.card.updateMany({ where: { questionId: { in: ids } }, data: { suspended: true } });
      }
      report.retired = retire.length;
      return report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
