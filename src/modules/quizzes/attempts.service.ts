// The candidate's side: start an attempt with an invite token, save answers, submit. The attempt
// token (opaque, stored hashed) opens exactly one attempt. Deadlines are enforced here with the
// injected clock; an attempt past its deadline is submitted lazily by whichever request sees it.
import type { PrismaClient } from "../../db/database.ts";
import { drawQuestions } from "../../domain/quizzes/draw.ts";
import { type Random, shuffled } from "../../domain/quizzes/random.ts";
import { MAX_ANSWER_CHARS } from "../../domain/scoring/index.ts";
import type { Clock } from "../../lib/clock.ts";
import {
  ConflictError,
  GoneError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnprocessableError,
} from "../../lib/errors.ts";
import { randomToken, sha256 } from "../../lib/hash.ts";
import { asJson } from "../../lib/json.ts";
import { gradeOrReject } from "../scoring/scoring.service.ts";
import {
  type AttemptWithQuiz,
  finalizeAttempt,
  lockAttempt,
  pastGrace,
  SAVE_GRACE_MS,
  toAttemptView,
} from "./attempt-grading.ts";
import type { SubmitResponse } from "./attempts.schemas.ts";
import { submitResponse } from "./attempts.schemas.ts";
import {
  candidateView,
  loadPinned,
  type PinnedQuestion,
  type PlanItem,
  pinKey,
  planSchema,
} from "./pinned-questions.ts";
import { drawPool, toItemInput } from "./quiz-items.ts";

/** Checks an answer's shape without grading it (explanations are graded only on submit). */
function checkShape(question: PinnedQuestion, answer: unknown): void {
  if (question.stored.type === "explain") {
    if (typeof answer !== "string") throw new UnprocessableError("an explain question takes a string answer");
    if (answer.length > MAX_ANSWER_CHARS)
      throw new PayloadTooLargeError(`an answer may be at most ${MAX_ANSWER_CHARS} characters long`);
    return;
  }
  gradeOrReject(question.stored, answer);
}

/** Every answer shape (see API.md) is a string, a boolean or an array of strings. */
function storedAnswer(answer: unknown): string | boolean | string[] {
  if (typeof answer === "string" || typeof answer === "boolean") return answer;
  if (Array.isArray(answer) && answer.every((a): a is string => typeof a === "string")) return answer;
  throw new UnprocessableError("An answer is a string, a boolean or an array of strings.");
}

export function createAttemptsService({
  db,
  clock,
  random,
}: {
  db: PrismaClient;
  clock: Clock;
  random: Random;
}) {
  /** The attempt this token opens; another attempt's id is a 404, an unknown token a 401. */
  async function authorize(token: string, attemptId: string): Promise<string> {
    const attempt = await db.attempt.findUnique({
      where: { tokenHash: sha256(token) },
      select: { id: true },
    });
    if (!attempt)
      throw new UnauthorizedError(
        "A valid attempt token is required (Authorization: Bearer <attemptToken>).",
      );
    if (attempt.id !== attemptId) throw new NotFoundError("No such attempt.");
    return attempt.id;
  }

  /** Runs `fn` on the locked attempt after submitting it if its time is up. */
  async function withAttempt<T>(
    token: string,
    attemptId: string,
    fn: (
      attempt: AttemptWithQuiz,
      expiredNow: boolean,
      tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
    ) => Promise<T>,
  ): Promise<T> {
    const id = await authorize(token, attemptId);
    return db.$transaction(async (tx) => {
      let attempt = await lockAttempt(tx, id);
      if (!attempt) throw new NotFoundError("No such attempt.");
      const now = clock.now();
      let expiredNow = false;
      if (attempt.status === "in_progress" && pastGrace(attempt, now)) {
        attempt = await finalizeAttempt(tx, attempt, now);
        expiredNow = true;
      }
      return fn(attempt, expiredNow, tx);
    });
  }

  return {
    async start(inviteToken: string) {
      const attemptToken = randomToken(32);
      return db.$transaction(async (tx) => {
        const invite = await tx.invite.findUnique({
          where: { tokenHash: sha256(inviteToken) },
          include: { quiz: { include: { items: { orderBy: { position: "asc" } } } } },
        });
        if (!invite || invite.revokedAt) throw new NotFoundError("No such invite.");
        const { quiz } = invite;
        const now = clock.now();
        if (quiz.status === "closed") throw new GoneError("The quiz is closed.");
        if (quiz.status === "draft") throw new ConflictError("The quiz is not open yet.");
        if (invite.expiresAt && invite.expiresAt <= now) throw new GoneError("The invite has expired.");
        // The row lock of this UPDATE makes concurrent starts queue; each re-checks the count.
        const taken = await tx.invite.updateMany({
          where: { id: invite.id, revokedAt: null, attemptsUsed: { lt: invite.maxAttempts } },
          data: { attemptsUsed: { increment: 1 } },
        });
        if (taken.count === 0) throw new ConflictError("This invite has no attempts left.");

        const items = quiz.items.map(toItemInput);
        const pins: { questionId: string; version: number; points: number }[] = [];
        const fixed = new Set<string>();
        quiz.items.forEach((row, index) => {
          const item = items[index];
          if (row.questionId === null || row.questionVersion === null || !item) return;
          fixed.add(row.questionId);
          pins.push({ questionId: row.questionId, version: row.questionVersion, points: item.points ?? 1 });
        });
        const draws = items.flatMap((item) =>
          "draw" in item ? [{ draw: item.draw, points: item.points ?? 1 }] : [],
        );
        const slots = [];
        for (const { draw } of draws)
          slots.push({ pool: await drawPool(tx, quiz.ownerId, draw), count: draw.count });
        const picks = drawQuestions(slots, fixed, random);
        if (!picks) throw new ConflictError("Too few questions match this quiz's draws any more.");
        const drawnIds = picks.flat();
        const current = new Map(
          (
            await tx.question.findMany({
              where: { id: { in: drawnIds } },
              select: { id: true, version: true },
            })
          ).map((q) => [q.id, q.version]),
        );
        picks.forEach((ids, index) => {
          for (const questionId of ids)
            pins.push({
              questionId,
              version: current.get(questionId) ?? 1,
              points: draws[index]?.points ?? 1,
            });
        });
        const pinned = await loadPinned(tx, pins);
        let plan: PlanItem[] = pins.map((pin) => {
          const question = pinned.get(pinKey(pin.questionId, pin.version));
          const choices = question?.view.choices;
          return {
            ...pin,
            topics: question?.topics ?? [],
            ...(quiz.shuffleChoices && choices
              ? {
                  choiceOrder: shuffled(
                    choices.map((c) => c.id),
                    random,
                  ),
                }
              : {}),
          };
        });
        if (quiz.shuffleQuestions) plan = shuffled(plan, random);
        const attempt = await tx.attempt.create({
          data: {
            quizId: quiz.id,
            inviteId: invite.id,
            tokenHash: sha256(attemptToken),
            startedAt: now,
            deadline: quiz.timeLimitSeconds ? new Date(now.getTime() + quiz.timeLimitSeconds * 1000) : null,
            plan: asJson(plan),
          },
          include: { quiz: true },
        });
        return {
          attempt: toAttemptView(attempt),
          attemptToken,
          questions: plan.map((item) => candidateView(item, pinned)),
        };
      });
    },

    async get(token: string, attemptId: string) {
      return withAttempt(token, attemptId, async (attempt, _expired, tx) => {
        const plan = planSchema.parse(attempt.plan);
        const pinned = await loadPinned(tx, plan);
        const answers = await tx.attemptAnswer.findMany({
          where: { attemptId: attempt.id },
          orderBy: { savedAt: "asc" },
        });
        return {
          attempt: toAttemptView(attempt),
          questions: plan.map((item) => candidateView(item, pinned)),
          answers: answers
            .filter((a) => a.answer !== null)
            .map((a) => ({ questionId: a.questionId, answer: a.answer, savedAt: a.savedAt.toISOString() })),
        };
      });
    },

    async saveAnswer(token: string, attemptId: string, questionId: string, answer: unknown) {
      const outcome = await withAttempt(token, attemptId, async (attempt, expiredNow, tx) => {
        // A save that finds the time up must still commit the automatic submit: report, then throw outside.
        if (expiredNow) return { late: true as const };
        if (attempt.status !== "in_progress")
          throw new ConflictError(`The attempt is already ${attempt.status}.`);
        const item = planSchema.parse(attempt.plan).find((p) => p.questionId === questionId);
        if (!item) throw new NotFoundError("No such question in this attempt.");
        const question = (await loadPinned(tx, [item])).get(pinKey(item.questionId, item.version));
        if (!question) throw new NotFoundError("No such question in this attempt.");
        checkShape(question, answer);
        const savedAt = clock.now();
        await tx.attemptAnswer.upsert({
          where: { attemptId_questionId: { attemptId: attempt.id, questionId } },
          create: { attemptId: attempt.id, questionId, answer: storedAnswer(answer), savedAt },
          update: { answer: storedAnswer(answer), savedAt },
        });
        return { late: false as const, questionId, savedAt: savedAt.toISOString() };
      });
      if (outcome.late)
        throw new ConflictError(
          `Time is up: answers were accepted until ${SAVE_GRACE_MS / 1000} s after the deadline.`,
        );
      return { questionId: outcome.questionId, savedAt: outcome.savedAt };
    },

    /** Submitting again replays the first response. */
    async submit(token: string, attemptId: string): Promise<SubmitResponse> {
      return withAttempt(token, attemptId, async (attempt, _expired, tx) => {
        const done =
          attempt.status === "in_progress" ? await finalizeAttempt(tx, attempt, clock.now()) : attempt;
        return submitResponse.parse(done.result);
      });
    },
  };
}

export type AttemptsService = ReturnType<typeof createAttemptsService>;
