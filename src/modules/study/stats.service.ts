// What a learner's study looks like: due counts, a 30-day forecast, streak, true retention,
// predicted recall per topic (now and on the interview date), and the review log as CSV.
import { Readable } from "node:stream";
import type { PrismaClient } from "../../db/database.ts";
import { recallProbability } from "../../domain/scheduling/scheduler.ts";
import { addDays, startOfLocalDate, studyDay } from "../../domain/scheduling/study-day.ts";
import type { Clock } from "../../lib/clock.ts";
import { UnauthorizedError } from "../../lib/errors.ts";
import { type CardRow, toCardState } from "./card-state.ts";
import type { StatsView } from "./study.schemas.ts";

const DAY_MS = 86_400_000;
const FORECAST_DAYS = 30;
const ratingNumber = { again: 1, hard: 2, good: 3, easy: 4 } as const;
const stateNumber = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** Consecutive days with a review, ending today (or yesterday, if today has none yet). */
export function streakFrom(reviewDates: Set<string>, today: string): number {
  let day = reviewDates.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (reviewDates.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}

export function createStatsService({ db, clock }: { db: PrismaClient; clock: Clock }) {
  return {
    async stats(userId: string): Promise<StatsView> {
      const user = await db.user.findUnique({ where: { id: userId } });
      if (!user) throw new UnauthorizedError("This account no longer exists.");
      const now = clock.now();
      const zone = user.timezone;
      const today = studyDay(now, zone);
      const tomorrowEnd = startOfLocalDate(addDays(today.date, 2), zone);
      const forecastEnd = startOfLocalDate(addDays(today.date, FORECAST_DAYS), zone);
      const scheduled = { userId, suspended: false, state: { not: "new" as const } };

      const [dueToday, dueTomorrow, reviewsToday, reviewDays, forecastRows, retentionRows, cardTopics] =
        await Promise.all([
          db.card.count({ where: { ...scheduled, due: { lt: today.end } } }),
          db.card.count({ where: { ...scheduled, due: { gte: today.end, lt: tomorrowEnd } } }),
          db.reviewLog.count({ where: { userId, undoneAt: null, reviewedAt: { gte: today.start } } }),
          db.$queryRaw<{ day: string }[]>`
            SELECT DISTINCT to_char(("reviewedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day
            FROM review_logs
            WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "reviewedAt" >= ${new Date(now.getTime() - 400 * DAY_MS)}`,
          // Overdue cards count as due today.
          db.$queryRaw<{ day: string; due: number }[]>`
            SELECT to_char((GREATEST(due, ${now}) AT TIME ZONE 'UTC') AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day,
                   count(*)::int AS due
            FROM cards
            WHERE "userId" = ${userId} AND suspended = false AND state <> 'new' AND due < ${forecastEnd}
            GROUP BY 1`,
          // True retention: reviews of cards that were in review state, passed unless rated again.
          db.$queryRaw<{ total: number; passed: number }[]>`
            SELECT count(*)::int AS total, count(*) FILTER (WHERE rating <> 'again')::int AS passed
            FROM review_logs
            WHERE "userId" = ${userId} AND "undoneAt" IS NULL AND "previousState" = 'review'
              AND "reviewedAt" >= ${new Date(now.getTime() - 30 * DAY_MS)}`,
          db.$queryRaw<(CardRow & { topic: string })[]>`
            SELECT c.*, t.slug AS topic
            FROM cards c
            JOIN question_topics qt ON qt."questionId" = c."questionId"
            JOIN topics t ON t.id = qt."topicId"
            WHERE c."userId" = ${userId} AND c.state <> 'new'`,
        ]);

      const perDay = new Map(forecastRows.map((r) => [r.day, r.due]));
      const retention = retentionRows[0];
      const interview = user.interviewDate;
      const topics = new Map<string, { cards: number; recall: number; atInterview: number }>();
      for (const row of cardTopics) {
        const card = toCardState(row);
        const entry = topics.get(row.topic) ?? { cards: 0, recall: 0, atInterview: 0 };
        entry.cards += 1;
        entry.recall += recallProbability(card, now);
        if (interview) entry.atInterview += recallProbability(card, interview);
        topics.set(row.topic, entry);
      }
      return {
        dueToday,
        dueTomorrow,
        reviewsToday,
        streakDays: streakFrom(new Set(reviewDays.map((r) => r.day)), today.date),
        forecast: Array.from({ length: FORECAST_DAYS }, (_, i) => {
          const date = addDays(today.date, i);
          return { date, due: perDay.get(date) ?? 0 };
        }),
        retention: {
          last30Days: retention && retention.total > 0 ? retention.passed / retention.total : null,
        },
        topics: [...topics]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([topic, t]) => ({
            topic,
            cards: t.cards,
            recall: t.recall / t.cards,
            recallAtInterview: interview ? t.atInterview / t.cards : null,
          })),
      };
    },

    /**
     * The learner's review log as CSV in the column layout FSRS optimizers read:
     * card_id, review_time (ms since epoch), review_rating (1-4), review_state (0-3, before the
     * review), review_duration (ms). Streamed in pages, so a long history never sits in memory.
     */
    exportReviews(userId: string): Readable {
      async function* rows() {
        yield "card_id,review_time,review_rating,review_state,review_duration\n";
        let after: string | undefined;
        for (;;) {
          const page = await db.reviewLog.findMany({
            where: { userId, undoneAt: null, ...(after ? { id: { gt: after } } : {}) },
            orderBy: { id: "asc" },
            take: 1000,
            select: {
              id: true,
              cardId: true,
              reviewedAt: true,
              rating: true,
              previousState: true,
              durationMs: true,
            },
          });
          if (page.length === 0) return;
          yield page
            .map(
              (r) =>
                `${r.cardId},${r.reviewedAt.getTime()},${ratingNumber[r.rating]},${stateNumber[r.previousState]},${r.durationMs ?? 0}\n`,
            )
            .join("");
          after = page.at(-1)?.id;
        }
      }
      return Readable.from(rows());
    },
  };
}
