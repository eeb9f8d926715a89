// A recruiter's own questions: private, scored like the bank, usable only in their own quizzes.
// Every change bumps the version and stores an immutable snapshot, so a published quiz keeps
// asking and scoring what it pinned.
import type { PrismaClient } from "../../db/database.ts";
import {
  type QuestionInput,
  questionInputSchema,
  type StoredQuestion,
  toStoredQuestion,
} from "../../domain/questions/question-spec.ts";
import { toQuestionInput } from "../../domain/quizzes/question-input.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors.ts";
import { randomToken } from "../../lib/hash.ts";
import { asJson } from "../../lib/json.ts";
import type { QuestionDetailView } from "../content/content.schemas.ts";
import { createContentService } from "../content/content.service.ts";
import { storedQuestionColumns } from "../content/question-view.ts";
import { toStored } from "../scoring/scoring.service.ts";
import type { QuestionPatch } from "./own-questions.schemas.ts";

async function topicLinks(tx: Prisma.TransactionClient, slugs: string[]) {
  await tx.topic.createMany({
    data: slugs.map((slug) => ({ slug, name: slug.replaceAll("-", " ") })),
    skipDuplicates: true,
  });
  const topics = await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  return topics.map((t) => ({ topicId: t.id }));
}

function snapshotOf(stored: StoredQuestion, input: QuestionInput) {
  return asJson({ ...stored, difficulty: input.difficulty, topics: input.topics });
}

export function createOwnQuestionsService({ db, clock }: { db: PrismaClient; clock: Clock }) {
  const content = createContentService({ db, clock });

  async function findOwned(tx: Prisma.TransactionClient, ownerId: string, id: string) {
    const question = await tx.question.findFirst({
      where: { id, ownerId, status: { not: "retired" } },
      include: { topics: { include: { topic: { select: { slug: true } } } } },
    });
    if (!question) throw new NotFoundError("No such question of yours.");
    return question;
  }

  return {
    async create(ownerId: string, input: QuestionInput): Promise<QuestionDetailView> {
      const stored = toStoredQuestion(input, () => randomToken(9));
      const id = await db.$transaction(async (tx) => {
        const created = await tx.question.create({
          data: {
            ...storedQuestionColumns(stored, input.difficulty),
            origin: "custom",
            visibility: "private",
            status: "published",
            ownerId,
            createdAt: clock.now(),
            topics: { create: await topicLinks(tx, input.topics) },
          },
        });
        await tx.questionVersion.create({
          data: { questionId: created.id, version: 1, snapshot: snapshotOf(stored, input) },
        });
        return created.id;
      });
      return content.getQuestion(ownerId, id);
    },

    async update(ownerId: string, id: string, patch: QuestionPatch): Promise<QuestionDetailView> {
      await db.$transaction(async (tx) => {
        const current = await findOwned(tx, ownerId, id);
        const currentStored = toStored(current);
        const before = toQuestionInput(currentStored, {
          difficulty: current.difficulty,
          topics: current.topics.map((t) => t.topic.slug).sort(),
        });
        const merged =
          patch.type !== undefined && patch.type !== before.type ? patch : { ...before, ...patch };
        const parsed = questionInputSchema.safeParse(merged);
        if (!parsed.success) {
          throw new ValidationError(
            "The question would not be valid with these changes.",
            parsed.error.issues.map((i) => ({ path: ["body", ...i.path].join("."), message: i.message })),
          );
        }
        const input = parsed.data;
        // Unchanged choice and item texts keep their ids, so saved answers still name them.
        const known = new Map(
          [...(currentStored.payload.choices ?? []), ...(currentStored.payload.items ?? [])].map((c) => [
            c.text,
            c.id,
          ]),
        );
        const stored = toStoredQuestion(input, (text) => known.get(text) ?? randomToken(9));
        const version = current.version + 1;
        await tx.questionTopic.deleteMany({ where: { questionId: id } });
        await tx.question.update({
          where: { id },
          data: {
            ...storedQuestionColumns(stored, input.difficulty),
            version,
            topics: { create: await topicLinks(tx, input.topics) },
          },
        });
        await tx.questionVersion.create({
          data: { questionId: id, version, snapshot: snapshotOf(stored, input) },
        });
      });
      return content.getQuestion(ownerId, id);
    },

    /** Retires the question (kept for the attempts that asked it); refused while an open quiz uses it. */
    async retire(ownerId: string, id: string): Promise<void> {
      await db.$transaction(async (tx) => {
        await findOwned(tx, ownerId, id);
        const used = await tx.quizItem.findFirst({
          where: { questionId: id, quiz: { status: "open" } },
          select: { quizId: true },
        });
        if (used)
          throw new ConflictError(`Quiz ${used.quizId} is open and uses this question; close it first.`);
        await tx.question.update({ where: { id }, data: { status: "retired" } });
      });
    },
  };
}

export type OwnQuestionsService = ReturnType<typeof createOwnQuestionsService>;
