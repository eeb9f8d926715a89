// Ending an attempt: grade every saved answer against the pinned version, store grades, points
// and totals, and keep the candidate's response so a second submit replays it. Used by the
// candidate's submit and, lazily, whenever an attempt past its deadline is read or written.
import type { PrismaClient } from "../../db/database.ts";
import { attemptTotals } from "../../domain/quizzes/totals.ts";
import { gradeAnswer } from "../../domain/scoring/index.ts";
import type { Attempt, Prisma, Quiz } from "../../generated/prisma/client.ts";
import { asJson } from "../../lib/json.ts";
import type { GradeView } from "../scoring/scoring.schemas.ts";
import type { AttemptView, SubmitResponse } from "./attempts.schemas.ts";
import { loadPinned, pinKey, planSchema } from "./pinned-questions.ts";

/** Saves are accepted this long after the deadline (network latency, a last keystroke). */
export const SAVE_GRACE_MS = 5_000;

export type AttemptWithQuiz = Attempt & { quiz: Quiz };

export function pastGrace(attempt: Pick<Attempt, "deadline">, now: Date): boolean {
  return attempt.deadline !== null && now.getTime() > attempt.deadline.getTime() + SAVE_GRACE_MS;
}

export function toAttemptView(attempt: AttemptWithQuiz): AttemptView {
  return {
    id: attempt.id,
    quizTitle: attempt.quiz.title,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
  };
}

/** Locks the attempt row: saves, submits and lazy expiry of one attempt run one at a time. */
export async function lockAttempt(tx: Prisma.TransactionClient, id: string): Promise<AttemptWithQuiz | null> {
  await tx.$queryRaw`SELECT id FROM attempts WHERE id = ${id} FOR UPDATE`;
  return tx.attempt.findUnique({ where: { id }, include: { quiz: true } });
}

/** Grades and closes an in-progress attempt (the caller holds its lock). */
export async function finalizeAttempt(
  tx: Prisma.TransactionClient,
  attempt: AttemptWithQuiz,
  now: Date,
): Promise<AttemptWithQuiz> {
  const expired = pastGrace(attempt, now);
  const plan = planSchema.parse(attempt.plan);
  const pinned = await loadPinned(
    tx,
    plan.map((p) => ({ questionId: p.questionId, version: p.version })),
  );
  const answers = new Map(
    (await tx.attemptAnswer.findMany({ where: { attemptId: attempt.id } })).map((a) => [a.questionId, a]),
  );
  const scored = [];
  const items: { questionId: string; points: number; maxPoints: number; grade: GradeView }[] = [];
  for (const item of plan) {
    const question = pinned.get(pinKey(item.questionId, item.version));
    const saved = answers.get(item.questionId);
    let autoPoints: number | null = null;
    if (question && saved && saved.answer !== null) {
      // Answers were shape-checked when saved; grading cannot fail on shape here.
      const outcome = gradeAnswer(question.stored, saved.answer);
      const grade: GradeView = { ...outcome.grade, source: question.source };
      autoPoints = outcome.grade.score * item.points;
      items.push({ questionId: item.questionId, points: autoPoints, maxPoints: item.points, grade });
      await tx.attemptAnswer.update({
        where: { attemptId_questionId: { attemptId: attempt.id, questionId: item.questionId } },
        data: { grade: asJson(grade), points: autoPoints, needsReview: outcome.uncertain },
      });
    }
    scored.push({
      questionId: item.questionId,
      maxPoints: item.points,
      topics: item.topics,
      autoPoints,
      overridePoints: saved?.overridePoints ?? null,
    });
  }
  const totals = attemptTotals(scored, attempt.quiz.passingPercent);
  const submittedAt = expired && attempt.deadline ? attempt.deadline : now;
  const status = expired ? ("expired" as const) : ("submitted" as const);
  const view = toAttemptView({ ...attempt, status, submittedAt });
  const sees = attempt.quiz.candidateSees;
  const response: SubmitResponse = {
    attempt: view,
    ...(sees === "nothing"
      ? {}
      : {
          result: {
            score: totals.score,
            maxScore: totals.maxScore,
            percent: totals.percent,
            ...(totals.passed === null ? {} : { passed: totals.passed }),
            ...(sees === "answers" ? { items } : {}),
          },
        }),
  };
  return tx.attempt.update({
    where: { id: attempt.id },
    data: { status, submittedAt, score: totals.score, maxScore: totals.maxScore, result: asJson(response) },
    include: { quiz: true },
  });
}

/** Submits, with the answers saved in time, every attempt of the quiz past its deadline. */
export async function expireDueAttempts(db: PrismaClient, quizId: string, now: Date): Promise<void> {
  const due = await db.attempt.findMany({
    where: { quizId, status: "in_progress", deadline: { lt: new Date(now.getTime() - SAVE_GRACE_MS) } },
    select: { id: true },
  });
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const attempt = await lockAttempt(tx, id);
      if (attempt && attempt.status === "in_progress" && pastGrace(attempt, now))
        await finalizeAttempt(tx, attempt, now);
    });
  }
}
