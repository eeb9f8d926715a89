// Turns a stored question into what a learner may see. Built field by field from the public
// payload only: the answer key is never read here, so nothing secret can leak by accident.

import type { PrismaClient } from "../../db/database.ts";
import type { QuestionPayload } from "../../domain/questions/question-spec.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { QuestionView } from "./content.schemas.ts";

export const questionViewInclude = {
  topics: { include: { topic: { select: { slug: true } } } },
  section: { select: { anchor: true, heading: true } },
  document: { select: { slug: true } },
} satisfies Prisma.QuestionInclude;

export type QuestionWithView = Prisma.QuestionGetPayload<{ include: typeof questionViewInclude }>;

/** Where to read more: the document section a question comes from, if any. */
export function toSource(question: Pick<QuestionWithView, "document" | "section">) {
  return question.document && question.section
    ? { document: question.document.slug, anchor: question.section.anchor, heading: question.section.heading }
    : null;
}

/** The fields a view is built from; a QuestionWithView has them, and so does findQuestionViews's row. */
export type QuestionViewSource = Pick<
  QuestionWithView,
  "id" | "type" | "prompt" | "difficulty" | "origin" | "payload" | "section" | "document"
> & { topics: { topic: { slug: string } }[] };

export function toQuestionView(question: QuestionViewSource): QuestionView {
  const payload = question.payload as QuestionPayload;
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    difficulty: question.difficulty,
    topics: question.topics.map((t) => t.topic.slug).sort(),
    source: toSource(question),
    origin: question.origin,
    ...(payload.choices ? { choices: payload.choices.map((c) => ({ id: c.id, text: c.text })) } : {}),
    ...(payload.items ? { items: payload.items.map((i) => ({ id: i.id, text: i.text })) } : {}),
    ...(payload.code !== undefined ? { code: payload.code } : {}),
    ...(payload.blanks !== undefined ? { blanks: payload.blanks } : {}),
  };
}

/**
 * The views of the given questions in one query (topics aggregated, source joined), instead of
 * the five a Prisma include issues: the queue and the bank listing call this on every request.
 * Returns them in the order of `ids`, skipping any that do not exist.
 */
export async function findQuestionViews(db: PrismaClient, ids: string[]): Promise<QuestionView[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<
    (Pick<QuestionWithView, "id" | "type" | "prompt" | "difficulty" | "origin" | "payload"> & {
      topicSlugs: string[];
      documentSlug: string | null;
      anchor: string | null;
      heading: string | null;
    })[]
  >`
    SELECT q.id, q.type::text AS type, q.prompt, q.difficulty::text AS difficulty, q.origin::text AS origin, q.payload,
           d.slug AS "documentSlug", s.anchor, s.heading,
           ARRAY(SELECT t.slug FROM question_topics qt JOIN topics t ON t.id = qt."topicId"
                 WHERE qt."questionId" = q.id ORDER BY t.slug) AS "topicSlugs"
    FROM questions q
    LEFT JOIN documents d ON d.id = q."documentId"
    LEFT JOIN sections s ON s.id = q."sectionId"
    WHERE q.id IN (${Prisma.join(ids)})`;
  const byId = new Map(
    rows.map((row) => [
      row.id,
      toQuestionView({
        ...row,
        topics: row.topicSlugs.map((slug) => ({ topic: { slug } })),
        document: row.documentSlug ? { slug: row.documentSlug } : null,
        section:
          row.anchor !== null && row.heading !== null ? { anchor: row.anchor, heading: row.heading } : null,
      }),
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
