// Questions as a quiz pinned them: the immutable QuestionVersion snapshot of (id, version), so an
// edit after publishing changes neither what a candidate is asked nor how it is scored.
// The candidate's view is built from the snapshot's public payload only, never from the key.
import { z } from "zod";
import {
  type AnswerKey,
  difficulties,
  type QuestionPayload,
  questionTypes,
  type StoredQuestion,
} from "../../domain/questions/question-spec.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { QuestionView } from "../content/content.schemas.ts";

/** One question of an attempt, in the attempt's order (stored as Attempt.plan). */
export const planItemSchema = z.object({
  questionId: z.string(),
  version: z.number().int(),
  points: z.number(),
  topics: z.array(z.string()),
  /** Choice ids in the order this candidate sees them (shuffleChoices). */
  choiceOrder: z.array(z.string()).optional(),
});
export type PlanItem = z.infer<typeof planItemSchema>;
export const planSchema = z.array(planItemSchema);

const snapshotSchema = z.object({
  type: z.enum(questionTypes),
  prompt: z.string(),
  payload: z.record(z.string(), z.unknown()),
  answerKey: z.record(z.string(), z.unknown()),
  explanation: z.string().nullable().optional(),
  difficulty: z.enum(difficulties).optional(),
  topics: z.array(z.string()).default([]),
});

export interface PinnedQuestion {
  id: string;
  version: number;
  stored: StoredQuestion;
  view: Omit<QuestionView, "choices"> & { choices?: { id: string; text: string }[] };
  topics: string[];
  source: QuestionView["source"];
}

export const pinKey = (questionId: string, version: number) => `${questionId}@${version}`;

export async function loadPinned(
  tx: Prisma.TransactionClient,
  pins: { questionId: string; version: number }[],
): Promise<Map<string, PinnedQuestion>> {
  if (pins.length === 0) return new Map();
  const rows = await tx.questionVersion.findMany({
    where: { OR: pins.map((p) => ({ questionId: p.questionId, version: p.version })) },
    include: {
      question: {
        select: {
          origin: true,
          difficulty: true,
          document: { select: { slug: true } },
          section: { select: { anchor: true, heading: true } },
        },
      },
    },
  });
  const pinned = new Map<string, PinnedQuestion>();
  for (const row of rows) {
    const snapshot = snapshotSchema.parse(row.snapshot);
    // Snapshots are written by this code base from StoredQuestion values (seeder, import, own questions).
    const payload = snapshot.payload as QuestionPayload;
    const stored: StoredQuestion = {
      type: snapshot.type,
      prompt: snapshot.prompt,
      payload,
      answerKey: snapshot.answerKey as AnswerKey,
      explanation: snapshot.explanation ?? null,
    };
    const { document, section } = row.question;
    const source =
      document && section
        ? { document: document.slug, anchor: section.anchor, heading: section.heading }
        : null;
    const topics = [...snapshot.topics].sort();
    pinned.set(pinKey(row.questionId, row.version), {
      id: row.questionId,
      version: row.version,
      stored,
      topics,
      source,
      view: {
        id: row.questionId,
        type: snapshot.type,
        prompt: snapshot.prompt,
        difficulty: snapshot.difficulty ?? row.question.difficulty,
        topics,
        source,
        origin: row.question.origin,
        ...(payload.choices ? { choices: payload.choices.map((c) => ({ id: c.id, text: c.text })) } : {}),
        ...(payload.items ? { items: payload.items.map((i) => ({ id: i.id, text: i.text })) } : {}),
        ...(payload.code !== undefined ? { code: payload.code } : {}),
        ...(payload.blanks !== undefined ? { blanks: payload.blanks } : {}),
      },
    });
  }
  return pinned;
}

/** What the candidate sees of one planned question: the pinned view, choices in their order. */
export function candidateView(item: PlanItem, pinned: Map<string, PinnedQuestion>): QuestionView {
  const question = pinned.get(pinKey(item.questionId, item.version));
  if (!question) throw new Error(`question version ${pinKey(item.questionId, item.version)} is missing`);
  const { choices, ...view } = question.view;
  if (!choices) return view;
  const order = item.choiceOrder;
  if (!order) return { ...view, choices };
  const byId = new Map(choices.map((c) => [c.id, c]));
  return { ...view, choices: order.flatMap((id) => byId.get(id) ?? []) };
}
