// The study queue and its counts as SQL: due learning cards, then due reviews (most overdue
// first), then questions never studied, each part an index range scan on
// cards (userId, suspended, state, due) or the (userId, questionId) key, so the queue stays one
// cheap query however many cards a learner holds.
import type { PrismaClient } from "../../db/database.ts";
import { Prisma } from "../../generated/prisma/client.ts";

export interface QueueFilter {
  topic?: string;
  document?: string;
}

export interface QueueRow {
  questionId: string;
  cardId: string | null;
  bucket: number;
}

/** SQL that keeps `column` (a question id) to the filter's topic and document. */
function questionFilter(column: Prisma.Sql, filter: QueueFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.topic) {
    parts.push(Prisma.sql`AND EXISTS (SELECT 1 FROM question_topics qt JOIN topics t ON t.id = qt."topicId"
      WHERE qt."questionId" = ${column} AND t.slug = ${filter.topic})`);
  }
  if (filter.document) {
    parts.push(Prisma.sql`AND ${column} IN (SELECT q2.id FROM questions q2 JOIN documents d ON d.id = q2."documentId"
      WHERE d.slug = ${filter.document})`);
  }
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * Published questions the learner has no card for (or only a new, unsuspended one), in id order.
 * The card check is a correlated subquery on purpose: PostgreSQL keeps it a per-row probe of the
 * (userId, questionId) key while walking the questions index, and stops at the limit, instead of
 * hashing every card the learner has (7 ms at 10,000 cards).
 */
function freshQuestions(userId: string, filter: QueueFilter, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT q.id FROM questions q
    WHERE q.status = 'published' AND q.visibility = 'public'
      AND COALESCE((SELECT c.state = 'new' AND NOT c.suspended FROM cards c
                    WHERE c."userId" = ${userId} AND c."questionId" = q.id), true)
      ${questionFilter(Prisma.sql`q.id`, filter)}
    ORDER BY q.id LIMIT ${limit}`;
}

export interface QueueArgs {
  userId: string;
  now: Date;
  limit: number;
  newLimit: number;
  filter: QueueFilter;
}

/** The queue statement itself, exported so the benchmark can run the very same SQL through plain pg. */
export function queueSql({ userId, now, limit, newLimit, filter }: QueueArgs): Prisma.Sql {
  const cardFilter = questionFilter(Prisma.sql`c."questionId"`, filter);
  return Prisma.sql`
    WITH learning AS (
      SELECT c."questionId", c.id AS "cardId", 0 AS bucket, row_number() OVER (ORDER BY c.due) AS ord
      FROM (SELECT * FROM cards c
            WHERE c."userId" = ${userId} AND c.suspended = false AND c.state IN ('learning', 'relearning')
              AND c.due <= ${now} ${cardFilter}
            ORDER BY c.due LIMIT ${limit}) c
    ), review AS (
      SELECT c."questionId", c.id AS "cardId", 1 AS bucket, row_number() OVER (ORDER BY c.due) AS ord
      FROM (SELECT * FROM cards c
            WHERE c."userId" = ${userId} AND c.suspended = false AND c.state = 'review'
              AND c.due <= ${now} ${cardFilter}
            ORDER BY c.due LIMIT ${limit}) c
    ), fresh AS (
      SELECT q.id AS "questionId", c.id AS "cardId", 2 AS bucket, row_number() OVER (ORDER BY q.id) AS ord
      FROM (${freshQuestions(userId, filter, newLimit)}) q
      LEFT JOIN cards c ON c."questionId" = q.id AND c."userId" = ${userId}
    )
    SELECT "questionId", "cardId", bucket FROM (
      SELECT * FROM learning UNION ALL SELECT * FROM review UNION ALL SELECT * FROM fresh
    ) queue
    ORDER BY bucket, ord
    LIMIT ${limit}`;
}

export function findQueue(db: PrismaClient, args: QueueArgs): Promise<QueueRow[]> {
  return db.$queryRaw<QueueRow[]>(queueSql(args));
}

/** New cards available, counted only up to `newLimit`: that is all the queue can serve today. */
export async function countQueue(
  db: PrismaClient,
  args: { userId: string; now: Date; newLimit: number; filter: QueueFilter },
): Promise<{ learning: number; review: number; fresh: number }> {
  const { userId, now, newLimit, filter } = args;
  const cardFilter = questionFilter(Prisma.sql`c."questionId"`, filter);
  const rows = await db.$queryRaw<{ learning: number; review: number; fresh: number }[]>`
    SELECT
      (SELECT count(*)::int FROM cards c WHERE c."userId" = ${userId} AND c.suspended = false
         AND c.state IN ('learning', 'relearning') AND c.due <= ${now} ${cardFilter}
        ) AS learning,
      (SELECT count(*)::int FROM cards c WHERE c."userId" = ${userId} AND c.suspended = false
         AND c.state = 'review' AND c.due <= ${now} ${cardFilter}
        ) AS review,
      (SELECT count(*)::int FROM (${freshQuestions(userId, filter, newLimit)}) q) AS fresh`;
  return rows[0] ?? { learning: 0, review: 0, fresh: 0 };
}

/** New cards the learner has started since `since` (undone reviews do not count). */
export async function countNewStarted(db: PrismaClient, userId: string, since: Date): Promise<number> {
  return db.reviewLog.count({
    where: { userId, previousState: "new", reviewedAt: { gte: since }, undoneAt: null },
  });
}
