// Results of the recruiter's own quiz: attempts with totals, one attempt in full, overrides that
// keep the automatic grade beside them, the CSV export and the report. Attempts past their
// deadline are submitted first, so every read sees final numbers.
import type { PrismaClient } from "../../db/database.ts";
import { toCsv } from "../../domain/quizzes/csv.ts";
import {
  attemptTotals,
  itemPoints,
  percentOf,
  round2,
  type ScoredItem,
} from "../../domain/quizzes/totals.ts";
import {
  type Attempt,
  type AttemptAnswer,
  type Invite,
  Prisma,
  type Quiz,
} from "../../generated/prisma/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { gradeView } from "../scoring/scoring.schemas.ts";
import { expireDueAttempts, lockAttempt } from "./attempt-grading.ts";
import { idCursor } from "./invites.service.ts";
import { loadPinned, pinKey, planSchema } from "./pinned-questions.ts";
import type { AttemptReview, AttemptSummary } from "./results.schemas.ts";

type FullAttempt = Attempt & { invite: Invite; answers: AttemptAnswer[] };
const full = { invite: true, answers: true } satisfies Prisma.AttemptInclude;

function scoredItems(attempt: Pick<Attempt, "plan"> & { answers: AttemptAnswer[] }): ScoredItem[] {
  const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
  return planSchema.parse(attempt.plan).map((item) => {
    const answer = answers.get(item.questionId);
    return {
      questionId: item.questionId,
      maxPoints: item.points,
      topics: item.topics,
      autoPoints: answer?.points ?? null,
      overridePoints: answer?.overridePoints ?? null,
    };
  });
}

function summary(
  attempt: FullAttempt,
  quiz: Quiz,
): AttemptSummary & { topics: ReturnType<typeof attemptTotals>["topics"] } {
  const finished = attempt.status !== "in_progress";
  const totals = attemptTotals(scoredItems(attempt), quiz.passingPercent);
  return {
    id: attempt.id,
    inviteId: attempt.inviteId,
    candidateEmail: attempt.invite.candidateEmail,
    candidateName: attempt.invite.candidateName,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: finished ? totals.score : null,
    maxScore: totals.maxScore,
    percent: finished ? totals.percent : null,
    passed: finished ? totals.passed : null,
    needsReview: attempt.answers.some((a) => a.needsReview && a.overridePoints === null),
    topics: totals.topics,
  };
}

export function createResultsService({ db, clock }: { db: PrismaClient; clock: Clock }) {
  /** The owner's quiz, after submitting its attempts whose time is up. */
  async function ownQuiz(ownerId: string, quizId: string): Promise<Quiz> {
    const quiz = await db.quiz.findFirst({ where: { id: quizId, ownerId } });
    if (!quiz) throw new NotFoundError("No such quiz of yours.");
    await expireDueAttempts(db, quiz.id, clock.now());
    return quiz;
  }

  async function allAttempts(quizId: string): Promise<FullAttempt[]> {
    return db.attempt.findMany({ where: { quizId }, orderBy: { id: "asc" }, include: full });
  }

  async function review(ownerId: string, quizId: string, attemptId: string): Promise<AttemptReview> {
    const quiz = await ownQuiz(ownerId, quizId);
    const attempt = await db.attempt.findFirst({ where: { id: attemptId, quizId: quiz.id }, include: full });
    if (!attempt) throw new NotFoundError("No such attempt at your quiz.");
    const plan = planSchema.parse(attempt.plan);
    const pinned = await loadPinned(db, plan);
    const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
    const overriders = new Map(
      (
        await db.user.findMany({
          where: { id: { in: attempt.answers.flatMap((a) => a.overriddenById ?? []) } },
          select: { id: true, email: true },
        })
      ).map((u) => [u.id, u]),
    );
    const { topics, ...fields } = summary(attempt, quiz);
    return {
      ...fields,
      topics,
      answers: plan.map((item) => {
        const question = pinned.get(pinKey(item.questionId, item.version));
        const answer = answers.get(item.questionId);
        const grade = gradeView.safeParse(answer?.grade);
        const autoPoints = answer?.points ?? null;
        const overridePoints = answer?.overridePoints ?? null;
        return {
          questionId: item.questionId,
          type: question?.stored.type ?? "unknown",
          prompt: question?.stored.prompt ?? "",
          topics: item.topics,
          maxPoints: item.points,
          answer: answer?.answer ?? null,
          savedAt: answer && answer.answer !== null ? answer.savedAt.toISOString() : null,
          grade: grade.success ? grade.data : null,
          autoPoints,
          points: itemPoints({ autoPoints, overridePoints }),
          needsReview: answer?.needsReview ?? false,
          override:
            answer && overridePoints !== null
              ? {
                  points: overridePoints,
                  note: answer.overrideNote,
                  by: answer.overriddenById ? (overriders.get(answer.overriddenById) ?? null) : null,
                  at: (answer.overriddenAt ?? answer.savedAt).toISOString(),
                }
              : null,
        };
      }),
    };
  }

  return {
    review,

    async list(ownerId: string, quizId: string, page: { limit: number; cursor?: string }) {
      const quiz = await ownQuiz(ownerId, quizId);
      const after = decodeCursor(page.cursor, idCursor);
      const rows = await db.attempt.findMany({
        where: { quizId: quiz.id, ...(after ? { id: { gt: after.id } } : {}) },
        orderBy: { id: "asc" },
        take: page.limit + 1,
        include: full,
      });
      return toPage(
        rows,
        page.limit,
        (attempt) => {
          const { topics: _topics, ...fields } = summary(attempt, quiz);
          return fields;
        },
        (attempt) => ({ id: attempt.id }),
      );
    },

    /** Sets the points of one answer by hand; the automatic grade and points stay beside it. */
    async override(
      ownerId: string,
      quizId: string,
      attemptId: string,
      questionId: string,
      body: { points: number; note?: string | undefined },
    ): Promise<AttemptReview> {
      const quiz = await ownQuiz(ownerId, quizId);
      await db.$transaction(async (tx) => {
        const attempt = await lockAttempt(tx, attemptId);
        if (!attempt || attempt.quizId !== quiz.id) throw new NotFoundError("No such attempt at your quiz.");
        if (attempt.status === "in_progress") throw new ConflictError("The attempt is still in progress.");
        const item = planSchema.parse(attempt.plan).find((p) => p.questionId === questionId);
        if (!item) throw new NotFoundError("No such question in this attempt.");
        if (body.points > item.points)
          throw new ValidationError("More points than the question is worth.", [
            { path: "body.points", message: `at most ${item.points}` },
          ]);
        const now = clock.now();
        const override = {
          overridePoints: body.points,
          overrideNote: body.note ?? null,
          overriddenById: ownerId,
          overriddenAt: now,
        };
        await tx.attemptAnswer.upsert({
          where: { attemptId_questionId: { attemptId, questionId } },
          // An unanswered question can be given points too (JSON null: nothing was answered).
          create: { attemptId, questionId, answer: Prisma.JsonNull, savedAt: now, ...override },
          update: override,
        });
        const answers = await tx.attemptAnswer.findMany({ where: { attemptId } });
        const score = attemptTotals(scoredItems({ plan: attempt.plan, answers }), quiz.passingPercent).score;
        await tx.attempt.update({ where: { id: attemptId }, data: { score } });
      });
      return review(ownerId, quizId, attemptId);
    },

    async csv(ownerId: string, quizId: string): Promise<string> {
      const quiz = await ownQuiz(ownerId, quizId);
      const attempts = (await allAttempts(quiz.id)).map((a) => summary(a, quiz));
      const topics = [...new Set(attempts.flatMap((a) => a.topics.map((t) => t.topic)))].sort();
      const header = [
        "attempt_id",
        "candidate_email",
        "candidate_name",
        "status",
        "started_at",
        "submitted_at",
        "score",
        "max_score",
        "percent",
        "passed",
        "needs_review",
        ...topics.map((t) => `topic:${t}`),
      ];
      const rows = attempts.map((a) => {
        const byTopic = new Map(a.topics.map((t) => [t.topic, t]));
        return [
          a.id,
          a.candidateEmail,
          a.candidateName,
          a.status,
          a.startedAt,
          a.submittedAt,
          a.score,
          a.maxScore,
          a.percent,
          a.passed,
          a.needsReview,
          ...topics.map((topic) => {
            const t = byTopic.get(topic);
            return t && a.score !== null ? percentOf(t.score, t.maxScore) : null;
          }),
        ];
      });
      return toCsv([header, ...rows]);
    },

    async report(ownerId: string, quizId: string) {
      const quiz = await ownQuiz(ownerId, quizId);
      const finished = (await allAttempts(quiz.id)).filter((a) => a.status !== "in_progress");
      const questions = new Map<string, { total: number; max: number; asked: number; answered: number }>();
      const topics = new Map<string, { score: number; max: number }>();
      let percentSum = 0;
      for (const attempt of finished) {
        const answered = new Set(
          attempt.answers.filter((a) => a.answer !== null && a.points !== null).map((a) => a.questionId),
        );
        for (const item of scoredItems(attempt)) {
          const q = questions.get(item.questionId) ?? { total: 0, max: 0, asked: 0, answered: 0 };
          q.total += itemPoints(item);
          q.max = Math.max(q.max, item.maxPoints);
          q.asked += 1;
          if (answered.has(item.questionId)) q.answered += 1;
          questions.set(item.questionId, q);
        }
        const totals = attemptTotals(scoredItems(attempt), quiz.passingPercent);
        percentSum += totals.percent;
        for (const t of totals.topics) {
          const entry = topics.get(t.topic) ?? { score: 0, max: 0 };
          entry.score += t.score;
          entry.max += t.maxScore;
          topics.set(t.topic, entry);
        }
      }
      return {
        attempts: finished.length,
        meanPercent: finished.length > 0 ? round2(percentSum / finished.length) : null,
        questions: [...questions.entries()].map(([questionId, q]) => ({
          questionId,
          meanPoints: round2(q.total / q.asked),
          maxPoints: q.max,
          answered: q.answered,
        })),
        topics: [...topics.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([topic, t]) => ({ topic, meanPercent: percentOf(t.score, t.max) })),
      };
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
