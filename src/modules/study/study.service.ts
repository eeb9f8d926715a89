// Studying the bank with FSRS: the queue, reviews (graded or self-rated), undo, suspension.
// A review, its card update and its log row are one transaction with the card row locked, so
// concurrent reviews of one card never lose an update; clientReviewId makes retries safe.

import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import type { PrismaClient } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { ratingFromGrade } from "../../domain/scheduling/rating.ts";
import {
  LEECH_LAPSES,
  newCardState,
  type Rating,
  scheduleReview,
} from "../../domain/scheduling/scheduler.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, NotFoundError, UnauthorizedError } from "../../lib/errors.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { visibleQuestion } from "../content/content.service.ts";
import { viewFromRow } from "../content/question-view.ts";
import type { GradeView } from "../scoring/scoring.schemas.ts";
import { gradeOrReject, toStored } from "../scoring/scoring.service.ts";
import {
  type CardRow,
  type CardSnapshot,
  fromSnapshot,
  toCardState,
  toCardView,
  toSnapshot,
} from "./card-state.ts";
import {
  findQueue,
  findQueueItems,
  findReviewContext,
  lockCard,
  type ReadStatement,
  recordReview,
} from "./study.repository.ts";
import type { QueueQuery, ReviewInput, ReviewResponse } from "./study.schemas.ts";

const cardCursor = z.object({ id: z.string() });

export function createStudyService({
  db,
  read,
  clock,
}: {
  db: PrismaClient;
  read: ReadStatement;
  clock: Clock;
}) {
  /** The response first given for this clientReviewId, if there was one. */
  async function replay(userId: string, clientReviewId: string, questionId: string) {
    const previous = await db.reviewLog.findUnique({
      where: { userId_clientReviewId: { userId, clientReviewId } },
      select: { response: true },
    });
    if (!previous) return null;
    const response = previous.response as unknown as ReviewResponse;
    if (response.card.questionId !== questionId) {
      throw new ConflictError("This clientReviewId was already used for another question.");
    }
    return response;
  }

  return {
    // Two round trips: the queue with its counts and today's allowance, then the items with their cards.
    async queue(userId: string, query: QueueQuery) {
      const now = clock.now();
      const filter = { topic: query.topic, document: query.document };
      const queue = await findQueue(read, { userId, now, limit: query.limit, filter });
      if (!queue) throw new UnauthorizedError("This account no longer exists.");
      const { rows, counts } = queue;
      const items = await findQueueItems(
        read,
        userId,
        rows.map((r) => r.questionId),
      );
      const byId = new Map(items.map((item) => [item.id, item]));
      const fresh = newCardState(now);
      return {
        items: rows.flatMap((row) => {
          const item = byId.get(row.questionId);
          if (!item) return [];
          const card = item.card
            ? {
                ...item.card,
                due: new Date(item.card.due),
                lastReview: item.card.lastReview ? new Date(item.card.lastReview) : null,
              }
            : { ...fresh, questionId: row.questionId, suspended: false, leech: false };
          const question = viewFromRow(item);
          return [{ card: toCardView(card), question }];
        }),
        counts: { new: counts.fresh, learning: counts.learning, review: counts.review },
      };
    },

    /** Returns the response and whether it was recorded now (201) or replayed (200). */
    async review(userId: string, input: ReviewInput): Promise<{ created: boolean; body: ReviewResponse }> {
      const earlier = await replay(userId, input.clientReviewId, input.questionId);
      if (earlier) return { created: false, body: earlier };
      const context = await findReviewContext(db, userId, input.questionId);
      if (!context) throw new NotFoundError("No such question.");
      if (context.desiredRetention === null) throw new UnauthorizedError("This account no longer exists.");
      const desiredRetention = context.desiredRetention;
      // Graded before the transaction: a wrong shape is refused (422) with nothing written.
      const grade: GradeView | undefined =
        input.answer === undefined
          ? undefined
          : {
              ...gradeOrReject(toStored(context), input.answer).grade,
              source:
                context.documentSlug && context.anchor && context.heading !== null
                  ? { document: context.documentSlug, anchor: context.anchor, heading: context.heading }
                  : null,
            };
      const rating: Rating =
        input.rating ??
        (grade
          ? ratingFromGrade(grade, { durationMs: input.durationMs, freeText: context.type === "explain" })
          : "good");
      const now = clock.now();

      try {
        const body = await db.$transaction(async (tx) => {
          const locked = await lockCard(tx, {
            userId,
            questionId: context.id,
            fresh: newCardState(now),
            now,
            newId: uuidv7(),
          });
          if (!locked) throw new NotFoundError("No such card.");
          if (locked.suspended) throw new ConflictError("This card is suspended; unsuspend it to review it.");
          const before = toCardState(locked);
          const after = scheduleReview(before, rating, now, desiredRetention);
          // A card that keeps lapsing is a leech: suspend it rather than drill it forever.
          const becomesLeech = after.lapses >= LEECH_LAPSES && after.lapses > before.lapses;
          const flags = { suspended: becomesLeech || locked.suspended, leech: becomesLeech || locked.leech };
          // The id is made here so the stored response (replayed on retries) goes in with the row.
          const reviewId = uuidv7();
          const response: ReviewResponse = {
            review: {
              id: reviewId,
              rating,
              ...(grade ? { score: grade.score } : {}),
              reviewedAt: now.toISOString(),
            },
            ...(grade ? { grade } : {}),
            card: toCardView({ ...after, ...flags, questionId: context.id }),
          };
          await recordReview(tx, {
            cardId: locked.id,
            after,
            flags,
            now,
            log: {
              id: reviewId,
              userId,
              clientReviewId: input.clientReviewId,
              rating,
              previousState: before.state,
              score: grade?.score ?? null,
              graderVersion: grade?.graderVersion ?? null,
              answer: input.answer === undefined ? null : JSON.stringify({ value: input.answer }),
              durationMs: input.durationMs ?? null,
              stateBefore: JSON.stringify(
                toSnapshot(before, { suspended: locked.suspended, leech: locked.leech }),
              ),
              stateAfter: JSON.stringify(toSnapshot(after, flags)),
              response: JSON.stringify(response),
            },
          });
          return response;
        });
        return { created: true, body };
      } catch (error) {
        // The same clientReviewId raced in twice: the first one won; answer as a retry.
        if (isUniqueViolation(error)) {
          const first = await replay(userId, input.clientReviewId, input.questionId);
          if (first) return { created: false, body: first };
        }
        throw error;
      }
    },

    /** Restores the card exactly as it was before its latest review, and marks that review undone. */
    async undo(userId: string, reviewId: string) {
      return db.$transaction(async (tx) => {
        const log = await tx.reviewLog.findFirst({ where: { id: reviewId, userId } });
        if (!log) throw new NotFoundError("No such review.");
        await tx.$executeRaw`SELECT id FROM cards WHERE id = ${log.cardId} FOR UPDATE`;
        if (log.undoneAt) throw new ConflictError("This review was already undone.");
        const latest = await tx.reviewLog.findFirst({
          where: { cardId: log.cardId, undoneAt: null },
          orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
        });
        if (latest?.id !== log.id) throw new ConflictError("Only the latest review of a card can be undone.");
        const restored = await tx.card.update({
          where: { id: log.cardId },
          data: fromSnapshot(log.stateBefore as unknown as CardSnapshot),
        });
        await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: clock.now() } });
        return { card: toCardView(restored) };
      });
    },

    async listCards(
      userId: string,
      query: { limit: number; cursor?: string; state?: CardRow["state"]; suspended?: boolean },
    ) {
      const after = decodeCursor(query.cursor, cardCursor);
      const rows = await db.card.findMany({
        where: {
          userId,
          ...(query.state ? { state: query.state } : {}),
          ...(query.suspended !== undefined ? { suspended: query.suspended } : {}),
          ...(after ? { id: { gt: after.id } } : {}),
        },
        orderBy: { id: "asc" },
        take: query.limit + 1,
      });
      return toPage(rows, query.limit, toCardView, (c) => ({ id: c.id }));
    },

    /** Suspends or unsuspends a question for this learner (creating its card if never studied). */
    async setSuspended(userId: string, questionId: string, suspended: boolean) {
      const question = await db.question.findFirst({
        where: { AND: [{ id: questionId }, visibleQuestion(userId)] },
      });
      if (!question) throw new NotFoundError("No such question.");
      const now = clock.now();
      await db.card.createMany({
        data: [{ userId, questionId, ...newCardState(now), createdAt: now }],
        skipDuplicates: true,
      });
      const card = await db.card.update({
        where: { userId_questionId: { userId, questionId } },
        // Unsuspending a leech clears the flag: the learner has chosen to try again.
        data: suspended ? { suspended } : { suspended, leech: false },
      });
      return toCardView(card);
    },
  };
}

export type StudyService = ReturnType<typeof createStudyService>;
