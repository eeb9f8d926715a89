// Quizzes of a recruiter: drafts with fixed and drawn items, published (versions pinned) and
// closed. Ownership is in every query, so another recruiter's quiz is a 404.
import type { PrismaClient } from "../../db/database.ts";
import type { Random } from "../../domain/quizzes/random.ts";
import { round2 } from "../../domain/quizzes/totals.ts";
import type { Prisma, Quiz, QuizItem } from "../../generated/prisma/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, NotFoundError } from "../../lib/errors.ts";
import { asJson } from "../../lib/json.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { idCursor } from "./invites.service.ts";
import { checkItems, toItemInput } from "./quiz-items.ts";
import type { QuizBody, QuizItemInput, QuizPatch, QuizView } from "./quizzes.schemas.ts";
import { drawSpec } from "./quizzes.schemas.ts";

type QuizWithItems = Quiz & { items: QuizItem[] };
const withItems = { items: { orderBy: { position: "asc" } } } satisfies Prisma.QuizInclude;

export function toQuizView(quiz: QuizWithItems): QuizView {
  let questionCount = 0;
  let totalPoints = 0;
  const items = quiz.items.map((item) => {
    if (item.questionId !== null) {
      questionCount += 1;
      totalPoints += item.points;
      return { questionId: item.questionId, questionVersion: item.questionVersion, points: item.points };
    }
    const draw = drawSpec.parse(item.draw);
    questionCount += draw.count;
    totalPoints += draw.count * item.points;
    return { draw, points: item.points };
  });
  return {
    id: quiz.id,
    title: quiz.title,
    description: quiz.description,
    status: quiz.status,
    timeLimitSeconds: quiz.timeLimitSeconds,
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleChoices: quiz.shuffleChoices,
    passingPercent: quiz.passingPercent,
    candidateSees: quiz.candidateSees,
    items,
    questionCount,
    totalPoints: round2(totalPoints),
    createdAt: quiz.createdAt.toISOString(),
    publishedAt: quiz.publishedAt?.toISOString() ?? null,
    closedAt: quiz.closedAt?.toISOString() ?? null,
  };
}

function itemRows(items: QuizItemInput[]) {
  return items.map((item, position) =>
    "questionId" in item
      ? { position, questionId: item.questionId, points: item.points ?? 1 }
      : { position, draw: asJson(item.draw), points: item.points ?? 1 },
  );
}

/** Locks the owner's quiz row for the rest of the transaction (publish, edit and close serialise). */
export async function lockQuiz(tx: Prisma.TransactionClient, ownerId: string, quizId: string): Promise<Quiz> {
  await tx.$queryRaw`SELECT id FROM quizzes WHERE id = ${quizId} AND "ownerId" = ${ownerId} FOR UPDATE`;
  const quiz = await tx.quiz.findFirst({ where: { id: quizId, ownerId } });
  if (!quiz) throw new NotFoundError("No such quiz of yours.");
  return quiz;
}

export function createQuizzesService({
  db,
  clock,
  random,
}: {
  db: PrismaClient;
  clock: Clock;
  random: Random;
}) {
  async function view(ownerId: string, id: string): Promise<QuizView> {
    const quiz = await db.quiz.findFirst({ where: { id, ownerId }, include: withItems });
    if (!quiz) throw new NotFoundError("No such quiz of yours.");
    return toQuizView(quiz);
  }

  return {
    get: view,

    async create(ownerId: string, body: QuizBody): Promise<QuizView> {
      const quiz = await db.$transaction(async (tx) => {
        await checkItems(tx, ownerId, body.items, random);
        return tx.quiz.create({
          data: {
            ownerId,
            title: body.title,
            description: body.description ?? null,
            timeLimitSeconds: body.timeLimitSeconds ?? null,
            shuffleQuestions: body.shuffleQuestions ?? false,
            shuffleChoices: body.shuffleChoices ?? false,
            passingPercent: body.passingPercent ?? null,
            candidateSees: body.candidateSees ?? "score",
            createdAt: clock.now(),
            items: { create: itemRows(body.items) },
          },
          include: withItems,
        });
      });
      return toQuizView(quiz);
    },

    async list(ownerId: string, page: { limit: number; cursor?: string }) {
      const after = decodeCursor(page.cursor, idCursor);
      const rows = await db.quiz.findMany({
        where: { ownerId, ...(after ? { id: { gt: after.id } } : {}) },
        orderBy: { id: "asc" },
        take: page.limit + 1,
        include: withItems,
      });
      return toPage(rows, page.limit, toQuizView, (q) => ({ id: q.id }));
    },

    async update(ownerId: string, id: string, patch: QuizPatch): Promise<QuizView> {
      await db.$transaction(async (tx) => {
        const quiz = await lockQuiz(tx, ownerId, id);
        if (quiz.status !== "draft")
          throw new ConflictError(`The quiz is ${quiz.status}; only a draft can change.`);
        if (patch.items) {
          await checkItems(tx, ownerId, patch.items, random);
          await tx.quizItem.deleteMany({ where: { quizId: id } });
          await tx.quizItem.createMany({
            data: itemRows(patch.items).map((row) => ({ ...row, quizId: id })),
          });
        }
        const { items: _items, ...fields } = patch;
        await tx.quiz.update({ where: { id }, data: fields });
      });
      return view(ownerId, id);
    },

    /** Opens the quiz for invites, pinning each fixed question's current version. */
    async publish(ownerId: string, id: string): Promise<QuizView> {
      await db.$transaction(async (tx) => {
        const quiz = await lockQuiz(tx, ownerId, id);
        if (quiz.status !== "draft") throw new ConflictError(`The quiz is already ${quiz.status}.`);
        const items = await tx.quizItem.findMany({ where: { quizId: id }, orderBy: { position: "asc" } });
        const versions = await checkItems(tx, ownerId, items.map(toItemInput), random);
        for (const item of items) {
          if (item.questionId === null) continue;
          await tx.quizItem.update({
            where: { id: item.id },
            data: { questionVersion: versions.get(item.questionId) ?? null },
          });
        }
        await tx.quiz.update({ where: { id }, data: { status: "open", publishedAt: clock.now() } });
      });
      return view(ownerId, id);
    },

    /** No new attempts start; attempts in progress may still finish. Closing twice is a no-op. */
    async close(ownerId: string, id: string): Promise<QuizView> {
      await db.$transaction(async (tx) => {
        const quiz = await lockQuiz(tx, ownerId, id);
        if (quiz.status !== "closed")
          await tx.quiz.update({ where: { id }, data: { status: "closed", closedAt: clock.now() } });
      });
      return view(ownerId, id);
    },
  };
}

export type QuizzesService = ReturnType<typeof createQuizzesService>;
