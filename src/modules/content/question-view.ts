// Turns a stored question into what a learner may see. Built field by field from the public
// payload only: the answer key is never read here, so nothing secret can leak by accident.

import type { PrismaClient } from "../../db/database.ts";
import type { Difficulty, QuestionPayload, StoredQuestion } from "../../domain/questions/question-spec.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { asJson } from "../../lib/json.ts";
import type { QuestionView } from "./content.schemas.ts";

export const questionViewInclude = {
  topics: { include: { topic: { select: { slug: true } } } },
  section: { select: { anchor: true, heading: true } },
  document: { select: { slug: true } },
} satisfies Prisma.QuestionInclude;

export type QuestionWithView = Prisma.QuestionGetPayload<{ include: typeof questionViewInclude }>;

/** Just what `toSource` reads: for routes that cite the source but do not show the question. */
export const questionSourceInclude = {
  section: questionViewInclude.section,
  document: questionViewInclude.document,
} satisfies Prisma.QuestionInclude;

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

/** The columns a question view is built from, with its topics aggregated and its source joined. */
export const questionViewColumns = Prisma.sql`
  q.id, q.type::text AS type, q.prompt, q.difficulty::text AS difficulty, q.origin::text AS origin, q.payload,
  d.slug AS "documentSlug", s.anchor, s.heading,
  ARRAY(SELECT t.slug FROM question_topics qt JOIN topics t ON t.id = qt."topicId"
        WHERE qt."questionId" = q.id ORDER BY t.slug) AS "topicSlugs"`;

/** The joins questionViewColumns needs, after `FROM questions q`. */
export const questionViewJoins = Prisma.sql`
  LEFT JOIN documents d ON d.id = q."documentId"
  LEFT JOIN sections s ON s.id = q."sectionId"`;

export type QuestionViewRow = Pick<
  QuestionWithView,
  "id" | "type" | "prompt" | "difficulty" | "origin" | "payload"
> & {
  topicSlugs: string[];
  documentSlug: string | null;
  anchor: string | null;
  heading: string | null;
};

export function viewFromRow(row: QuestionViewRow): QuestionView {
  return toQuestionView({
    ...row,
    topics: row.topicSlugs.map((slug) => ({ topic: { slug } })),
    document: row.documentSlug ? { slug: row.documentSlug } : null,
    section:
      row.anchor !== null && row.heading !== null ? { anchor: row.anchor, heading: row.heading } : null,
  });
}

/**
 * The views of the given questions in one query (topics aggregated, source joined), instead of
 * the five a Prisma include issues. Returns them in the order of `ids`, skipping any that do not exist.
 */
export async function findQuestionViews(db: PrismaClient, ids: string[]): Promise<QuestionView[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<QuestionViewRow[]>`
    SELECT ${questionViewColumns} FROM questions q ${questionViewJoins}
    WHERE q.id IN (${Prisma.join(ids)})`;
  const byId = new Map(rows.map((row) => [row.id, viewFromRow(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The columns a stored question is written as: one place, so the public payload and the secret key go in alike. */
export function storedQuestionColumns(stored: StoredQuestion, difficulty: Difficulty) {
  return {
    type: stored.type,
    prompt: stored.prompt,
    difficulty,
    payload: asJson(stored.payload),
    answerKey: asJson(stored.answerKey),
    explanation: stored.explanation ?? null,
  };
}
