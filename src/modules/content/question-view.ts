// Turns a stored question into what a learner may see. Built field by field from the public
// payload only: the answer key is never read here, so nothing secret can leak by accident.
import type { QuestionPayload } from "../../domain/questions/question-spec.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
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

export function toQuestionView(question: QuestionWithView): QuestionView {
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
