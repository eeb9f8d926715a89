// Reading the bank (documents, topics, questions) and importing documents. Visibility is in
// every query: published public content for everyone, drafts and private questions for their
// owner only, so another user's id finds nothing (404).

import GithubSlugger from "github-slugger";
import { z } from "zod";
import type { PrismaClient } from "../../db/database.ts";
import { parseDocument } from "../../domain/markdown/parse-document.ts";
import { generateQuestions } from "../../domain/questions/generate-questions.ts";
import {
  type AnswerKey,
  type QuestionPayload,
  type StoredQuestion,
  toStoredQuestion,
} from "../../domain/questions/question-spec.ts";
import { ownerFields } from "../../domain/quizzes/question-input.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, NotFoundError, PayloadTooLargeError, UnprocessableError } from "../../lib/errors.ts";
import { randomToken, sha256 } from "../../lib/hash.ts";
import { asJson } from "../../lib/json.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { findQuestionIds } from "./content.repository.ts";
import {
  MAX_DOCUMENT_BYTES,
  MAX_SECTIONS,
  type QuestionDetailView,
  type QuestionsQuery,
} from "./content.schemas.ts";
import {
  findQuestionViews,
  questionViewInclude,
  storedQuestionColumns,
  toQuestionView,
} from "./question-view.ts";

const idCursor = z.object({ id: z.string() });
const slugCursor = z.object({ slug: z.string() });

export function visibleQuestion(viewerId: string | null): Prisma.QuestionWhereInput {
  const everyone: Prisma.QuestionWhereInput = { status: "published", visibility: "public" };
  return viewerId ? { OR: [everyone, { ownerId: viewerId, status: { not: "retired" } }] } : everyone;
}

function visibleDocument(viewerId: string | null): Prisma.DocumentWhereInput {
  return viewerId ? { OR: [{ status: "published" }, { ownerId: viewerId }] } : { status: "published" };
}

export function createContentService({ db, clock }: { db: PrismaClient; clock: Clock }) {
  return {
    async listDocuments(viewerId: string | null, page: { limit: number; cursor?: string }) {
      const after = decodeCursor(page.cursor, slugCursor);
      const rows = await db.document.findMany({
        where: { AND: [visibleDocument(viewerId), after ? { slug: { gt: after.slug } } : {}] },
        orderBy: { slug: "asc" },
        take: page.limit + 1,
        include: {
          _count: { select: { sections: true, questions: { where: visibleQuestion(viewerId) } } },
        },
      });
      return toPage(
        rows,
        page.limit,
        (d) => ({
          slug: d.slug,
          title: d.title,
          status: d.status,
          sectionCount: d._count.sections,
          questionCount: d._count.questions,
        }),
        (d) => ({ slug: d.slug }),
      );
    },

    async getDocument(viewerId: string | null, slug: string) {
      const document = await db.document.findFirst({
        where: { AND: [{ slug }, visibleDocument(viewerId)] },
        include: { sections: { orderBy: { position: "asc" } } },
      });
      if (!document) throw new NotFoundError(`No document "${slug}".`);
      return {
        slug: document.slug,
        title: document.title,
        status: document.status,
        sections: document.sections.map((s) => ({
          anchor: s.anchor,
          heading: s.heading,
          level: s.level,
          markdown: s.markdown,
        })),
      };
    },

    async listTopics(page: { limit: number; cursor?: string }) {
      const after = decodeCursor(page.cursor, slugCursor);
      const rows = await db.topic.findMany({
        where: after ? { slug: { gt: after.slug } } : {},
        orderBy: { slug: "asc" },
        take: page.limit + 1,
        include: { _count: { select: { questions: { where: { question: visibleQuestion(null) } } } } },
      });
      return toPage(
        rows,
        page.limit,
        (t) => ({ slug: t.slug, name: t.name, questionCount: t._count.questions }),
        (t) => ({ slug: t.slug }),
      );
    },

    async listQuestions(viewerId: string | null, query: QuestionsQuery) {
      const after = decodeCursor(query.cursor, idCursor);
      const ids = await findQuestionIds(db, viewerId, query, after?.id);
      const views = await findQuestionViews(db, ids);
      return toPage(
        views,
        query.limit,
        (view) => view,
        (view) => ({ id: view.id }),
      );
    },

    async getQuestion(viewerId: string | null, id: string): Promise<QuestionDetailView> {
      const question = await db.question.findFirst({
        where: { AND: [{ id }, visibleQuestion(viewerId)] },
        include: questionViewInclude,
      });
      if (!question) throw new NotFoundError("No such question.");
      const view = toQuestionView(question);
      if (viewerId === null || question.ownerId !== viewerId || question.visibility !== "private")
        return view;
      // The owner of a private question reads back what they wrote, key included.
      const stored: StoredQuestion = {
        type: question.type,
        prompt: question.prompt,
        payload: question.payload as QuestionPayload,
        answerKey: question.answerKey as AnswerKey,
        explanation: question.explanation,
      };
      return { ...view, ...ownerFields(stored), visibility: "private", version: question.version };
    },

    /** Stores an uploaded document and its generated questions as drafts only its owner sees. */
    async importDocument(ownerId: string, input: { markdown: string; title?: string; slug?: string }) {
      if (Buffer.byteLength(input.markdown, "utf8") > MAX_DOCUMENT_BYTES) {
        throw new PayloadTooLargeError("A document is at most 1 MiB of markdown.");
      }
      // Parsing and generating are synchronous and grow with the number of sections; a cheap
      // line count first keeps a pathological upload from holding the event loop for seconds.
      const headingLines = input.markdown.match(/^ {0,3}(#{1,6}[ \t]|<(b|strong)>|\*\*)/gm)?.length ?? 0;
      if (headingLines > MAX_SECTIONS) {
        throw new UnprocessableError(
          `A document has at most ${MAX_SECTIONS} sections (this one has about ${headingLines}).`,
        );
      }
      const parsed = parseDocument(input.markdown);
      const title = input.title ?? parsed.title;
      const baseSlug =
        input.slug ?? (new GithubSlugger().slug(title).slice(0, 80).replace(/-+$/, "") || "document");
      return db.$transaction(
        async (tx) => {
          const slug = input.slug ? baseSlug : await freeSlug(tx, baseSlug);
          if (input.slug && (await tx.document.findUnique({ where: { slug } }))) {
            throw new ConflictError(`A document with slug "${slug}" already exists.`);
          }
          const document = await tx.document.create({
            data: {
              slug,
              title,
              markdown: input.markdown,
              checksum: sha256(input.markdown),
              ownerId,
              status: "draft",
              createdAt: clock.now(),
            },
          });
          const sections = await tx.section.createManyAndReturn({
            data: parsed.sections.map((s) => ({
              documentId: document.id,
              anchor: s.anchor,
              heading: s.heading,
              level: s.level,
              position: s.position,
              markdown: s.markdown,
              startLine: s.startLine,
              endLine: s.endLine,
              checksum: s.checksum,
            })),
          });
          const sectionIds = new Map(sections.map((s) => [s.anchor, s.id]));
          const generated = generateQuestions(parsed, { documentSlug: slug });
          const topicSlugs = [...new Set(generated.flatMap((q) => q.topics))];
          await tx.topic.createMany({
            data: topicSlugs.map((t) => ({ slug: t, name: t.replaceAll("-", " ") })),
            skipDuplicates: true,
          });
          const topics = new Map(
            (await tx.topic.findMany({ where: { slug: { in: topicSlugs } } })).map((t) => [t.slug, t.id]),
          );
          for (const question of generated) {
            const stored = toStoredQuestion(question, () => randomToken(9));
            const created = await tx.question.create({
              data: {
                slug: question.slug,
                ...storedQuestionColumns(stored, question.difficulty),
                origin: "generated",
                visibility: "private",
                status: "draft",
                documentId: document.id,
                sectionId: sectionIds.get(question.section) ?? null,
                ownerId,
                topics: {
                  create: question.topics.flatMap((t) => {
                    const topicId = topics.get(t);
                    return topicId ? [{ topicId }] : [];
                  }),
                },
              },
            });
            await tx.questionVersion.create({
              data: {
                questionId: created.id,
                version: 1,
                snapshot: asJson({ ...stored, topics: question.topics }),
              },
            });
          }
          return {
            slug,
            title,
            status: document.status,
            sectionCount: sections.length,
            questionCount: generated.length,
          };
        },
        { timeout: 60_000 },
      );
    },

    /** Publishes the caller's draft document and its questions into the public bank. */
    async publishDocument(ownerId: string, slug: string) {
      return db.$transaction(async (tx) => {
        const document = await tx.document.findFirst({ where: { slug, ownerId } });
        if (!document) throw new NotFoundError(`No document "${slug}" of yours.`);
        await tx.document.update({ where: { id: document.id }, data: { status: "published" } });
        await tx.question.updateMany({
          where: { documentId: document.id, ownerId, status: "draft" },
          data: { status: "published", visibility: "public" },
        });
        const [sectionCount, questionCount] = await Promise.all([
          tx.section.count({ where: { documentId: document.id } }),
          tx.question.count({ where: { documentId: document.id, status: "published" } }),
        ]);
        return { slug, title: document.title, status: "published" as const, sectionCount, questionCount };
      });
    },
  };
}

async function freeSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.document.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (d) => d.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type ContentService = ReturnType<typeof createContentService>;
