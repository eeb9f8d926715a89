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

const studiable = (column: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM questions sq WHERE sq.id = ${column} AND sq.status <> 'retired')`;

export async function findQueue(
  db: PrismaClient,
  args: { userId: string; now: Date; limit: number; newLimit: number; filter: QueueFilter },
): Promise<QueueRow[]> {
  const { userId, now, limit, newLimit, filter } = args;
  const cardFilter = questionFilter(Prisma.sql`c."questionId"`, filter);
  return db.$queryRaw<QueueRow[]>`
    WITH learning AS (
      SELECT c."questionId", c.id AS "cardId", 0 AS bucket, row_number() OVER (ORDER BY c.due) AS ord
      FROM (SELECT * FROM cards c
            WHERE c."userId" = ${userId} AND c.suspended = false AND c.state IN ('learning', 'relearning')
              AND c.due <= ${now} ${cardFilter} AND ${studiable(Prisma.sql`c."questionId"`)}
            ORDER BY c.due LIMIT ${limit}) c
    ), review AS (
      SELECT c."questionId", c.id AS "cardId", 1 AS bucket, row_number() OVER (ORDER BY c.due) AS ord
      FROM (SELECT * FROM cards c
            WHERE c."userId" = ${userId} AND c.suspended = false AND c.state = 'review'
              AND c.due <= ${now} ${cardFilter} AND ${studiable(Prisma.sql`c."questionId"`)}
            ORDER BY c.due LIMIT ${limit}) c
    ), fresh AS (
      SELECT q.id AS "questionId", c.id AS "cardId", 2 AS bucket, row_number() OVER (ORDER BY q.id) AS ord
      FROM (SELECT q.id FROM questions q
            LEFT JOIN cards c ON c."questionId" = q.id AND c."userId" = ${userId}
            WHERE q.status = 'published' AND q.visibility = 'public'
              AND (c.id IS NULL OR (c.state = 'new' AND c.suspended = false))
              ${questionFilter(Prisma.sql`q.id`, filter)}
            ORDER BY q.id LIMIT ${newLimit}) q
      LEFT JOIN cards c ON c."questionId" = q.id AND c."userId" = ${userId}
    )
    SELECT "questionId", "cardId", bucket FROM (
      SELECT * FROM learning UNION ALL SELECT * FROM review UNION ALL SELECT * FROM fresh
    ) queue
    ORDER BY bucket, ord
    LIMIT ${limit}`;
}

export async function countQueue(
  db: PrismaClient,
  args: { userId: string; now: Date; filter: QueueFilter },
): Promise<{ learning: number; review: number; fresh: number }> {
  const { userId, now, filter } = args;
  const cardFilter = questionFilter(Prisma.sql`c."questionId"`, filter);
  const rows = await db.$queryRaw<{ learning: number; review: number; fresh: number }[]>`
    SELECT
      (SELECT count(*)::int FROM cards c WHERE c."userId" = ${userId} AND c.suspended = false
         AND c.state IN ('learning', 'relearning') AND c.due <= ${now} ${cardFilter}
         AND ${studiable(Prisma.sql`c."questionId"`)}) AS learning,
      (SELECT count(*)::int FROM cards c WHERE c."userId" = ${userId} AND c.suspended = false
         AND c.state = 'review' AND c.due <= ${now} ${cardFilter}
         AND ${studiable(Prisma.sql`c."questionId"`)}) AS review,
      (SELECT count(*)::int FROM questions q
         LEFT JOIN cards c ON c."questionId" = q.id AND c."userId" = ${userId}
         WHERE q.status = 'published' AND q.visibility = 'public'
           AND (c.id IS NULL OR (c.state = 'new' AND c.suspended = false))
           ${questionFilter(Prisma.sql`q.id`, filter)}) AS fresh`;
  return rows[0] ?? { learning: 0, review: 0, fresh: 0 };
}

/** New cards the learner has started since `since` (undone reviews do not count). */
export async function countNewStarted(db: PrismaClient, userId: string, since: Date): Promise<number> {
  return db.reviewLog.count({
    where: { userId, previousState: "new", reviewedAt: { gte: since }, undoneAt: null },
  });
}
