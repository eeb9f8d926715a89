// The study queue and its counts as SQL: due learning cards, then due reviews (most overdue
// first), then questions never studied, each part an index range scan on
// cards (userId, suspended, state, due) or the (userId, questionId) key, so the queue stays one
// cheap query however many cards a learner holds.
import type { PrismaClient } from "../../db/database.ts";
import type { QuestionType } from "../../domain/questions/question-spec.ts";
import type { CardState } from "../../domain/scheduling/scheduler.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type QuestionViewRow, questionViewColumns, questionViewJoins } from "../content/question-view.ts";
import type { CardRow } from "./card-state.ts";

/** Database["read"]: a statement straight on the driver (the queue's reads skip Prisma's overhead). */
export type ReadStatement = <Row>(statement: { text: string; values: unknown[] }) => Promise<Row[]>;

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
function freshQuestions(userId: string, filter: QueueFilter, limit: Prisma.Sql): Prisma.Sql {
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
  filter: QueueFilter;
}

/** The queue statement itself, exported so the benchmark can run the very same SQL through plain pg. */
export function queueSql({ userId, now, limit, filter }: QueueArgs): Prisma.Sql {
  const cardFilter = questionFilter(Prisma.sql`c."questionId"`, filter);
  return Prisma.sql`
    -- Today's new-card allowance: newCardsPerDay less the new cards started since local midnight
    -- in the learner's time zone (PostgreSQL's zone rules, DST included). No row: no such learner.
    WITH allowance AS (
      SELECT GREATEST(0, u."newCardsPerDay" - (
               SELECT count(*)::int FROM review_logs r
               WHERE r."userId" = u.id AND r."previousState" = 'new' AND r."undoneAt" IS NULL
                 AND r."reviewedAt" >= (date_trunc('day', ${now.toISOString()}::timestamptz AT TIME ZONE u.timezone)
                                        AT TIME ZONE u.timezone) AT TIME ZONE 'UTC'))::int AS "newLimit"
      FROM users u WHERE u.id = ${userId}
    ), learning AS (
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
      -- The card id as a per-row key probe: a join here gets hashed over every card the learner has.
      SELECT q.id AS "questionId",
             (SELECT c.id FROM cards c WHERE c."userId" = ${userId} AND c."questionId" = q.id) AS "cardId",
             2 AS bucket, row_number() OVER (ORDER BY q.id) AS ord
      FROM (${freshQuestions(userId, filter, Prisma.sql`COALESCE((SELECT "newLimit" FROM allowance), 0)`)}) q
    )
    , counts AS (
      SELECT
        (SELECT count(*)::int FROM cards c WHERE c."userId" = ${userId} AND c.suspended = false
           AND c.state IN ('learning', 'relearning') AND c.due <= ${now} ${cardFilter}) AS "learningDue",
        (SELECT count(*)::int FROM cards c WHERE c."userId" = ${userId} AND c.suspended = false
           AND c.state = 'review' AND c.due <= ${now} ${cardFilter}) AS "reviewDue",
        (SELECT count(*)::int FROM fresh) AS "freshAvailable",
        (SELECT count(*)::int FROM allowance) AS "learners"
    ), queue AS (
      SELECT * FROM learning UNION ALL SELECT * FROM review UNION ALL SELECT * FROM fresh
    )
    -- counts LEFT JOIN queue: one row even when the queue is empty, carrying the counts.
    SELECT queue."questionId", queue."cardId", queue.bucket,
           counts."learningDue", counts."reviewDue", counts."freshAvailable", counts.learners
    FROM counts LEFT JOIN queue ON true
    ORDER BY queue.bucket, queue.ord
    LIMIT ${limit}`;
}

/** The page of the queue and the counts, from one statement; undefined when the learner is gone. */
export async function findQueue(
  read: ReadStatement,
  args: QueueArgs,
): Promise<{ rows: QueueRow[]; counts: { learning: number; review: number; fresh: number } } | undefined> {
  const result = await read<
    Omit<QueueRow, "questionId"> & {
      questionId: string | null;
      learningDue: number;
      reviewDue: number;
      freshAvailable: number;
      learners: number;
    }
  >(queueSql(args));
  const first = result[0];
  if (!first || first.learners === 0) return undefined;
  return {
    rows: result.flatMap((r) =>
      r.questionId === null ? [] : [{ questionId: r.questionId, cardId: r.cardId, bucket: r.bucket }],
    ),
    counts: {
      learning: first?.learningDue ?? 0,
      review: first?.reviewDue ?? 0,
      fresh: first?.freshAvailable ?? 0,
    },
  };
}

/** The queue's questions as learners see them, with the learner's card for each (if any), in one query. */
export async function findQueueItems(read: ReadStatement, userId: string, questionIds: string[]) {
  if (questionIds.length === 0) return [];
  return read<
    QuestionViewRow & {
      card: (Omit<CardRow, "due" | "lastReview"> & { due: string; lastReview: string | null }) | null;
    }
  >(Prisma.sql`
    SELECT ${questionViewColumns},
           (SELECT json_build_object(
                     'questionId', c."questionId", 'state', c.state, 'stability', c.stability,
                     'difficulty', c.difficulty, 'scheduledDays', c."scheduledDays",
                     'learningSteps', c."learningSteps", 'reps', c.reps, 'lapses', c.lapses,
                     'suspended', c.suspended, 'leech', c.leech,
                     'due', to_char(c.due, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                     'lastReview', to_char(c."lastReview", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            FROM cards c WHERE c."userId" = ${userId} AND c."questionId" = q.id) AS card
    FROM questions q ${questionViewJoins}
    WHERE q.id = ANY(${questionIds}::text[])`);
}

// ---------------------------------------------------------------------------------------------
// The review path in as few round trips as the work allows: it is the hottest write in the app.

export interface ReviewContext {
  id: string;
  type: QuestionType;
  prompt: string;
  payload: Prisma.JsonValue;
  answerKey: Prisma.JsonValue;
  explanation: string | null;
  documentSlug: string | null;
  anchor: string | null;
  heading: string | null;
  /** Null when the account is gone. */
  desiredRetention: number | null;
}

/** The question (if the learner may see it), where it comes from, and the learner's retention, in one query. */
export async function findReviewContext(
  db: PrismaClient,
  userId: string,
  questionId: string,
): Promise<ReviewContext | null> {
  const rows = await db.$queryRaw<ReviewContext[]>`
    SELECT q.id, q.type::text AS type, q.prompt, q.payload, q."answerKey", q.explanation,
           d.slug AS "documentSlug", s.anchor, s.heading,
           (SELECT u."desiredRetention" FROM users u WHERE u.id = ${userId}) AS "desiredRetention"
    FROM questions q
    LEFT JOIN documents d ON d.id = q."documentId"
    LEFT JOIN sections s ON s.id = q."sectionId"
    WHERE q.id = ${questionId}
      AND ((q.status = 'published' AND q.visibility = 'public') OR (q."ownerId" = ${userId} AND q.status <> 'retired'))`;
  return rows[0] ?? null;
}

/** Creates the learner's card for the question if need be, then locks it for this transaction. */
export async function lockCard(
  tx: Prisma.TransactionClient,
  args: { userId: string; questionId: string; fresh: CardState; now: Date; newId: string },
): Promise<(CardRow & { id: string }) | undefined> {
  const { userId, questionId, fresh, now, newId } = args;
  await tx.$executeRaw`
    INSERT INTO cards (id, "userId", "questionId", state, due, stability, difficulty, "scheduledDays",
                       "learningSteps", reps, lapses, "lastReview", "createdAt", "updatedAt")
    VALUES (${newId}, ${userId}, ${questionId}, ${fresh.state}::"CardState", ${fresh.due}, ${fresh.stability},
            ${fresh.difficulty}, ${fresh.scheduledDays}, ${fresh.learningSteps}, ${fresh.reps}, ${fresh.lapses},
            ${fresh.lastReview}, ${now}, ${now})
    ON CONFLICT ("userId", "questionId") DO NOTHING`;
  const [card] = await tx.$queryRaw<(CardRow & { id: string })[]>`
    SELECT * FROM cards WHERE "userId" = ${userId} AND "questionId" = ${questionId} FOR UPDATE`;
  return card;
}

/** Writes the card's new state and appends the review to the log, in one statement. */
export async function recordReview(
  tx: Prisma.TransactionClient,
  args: {
    cardId: string;
    after: CardState;
    flags: { suspended: boolean; leech: boolean };
    now: Date;
    log: {
      id: string;
      userId: string;
      clientReviewId: string;
      rating: string;
      previousState: string;
      score: number | null;
      graderVersion: string | null;
      answer: string | null;
      durationMs: number | null;
      stateBefore: string;
      stateAfter: string;
      response: string;
    };
  },
): Promise<void> {
  const { cardId, after, flags, now, log } = args;
  await tx.$executeRaw`
    WITH updated AS (
      UPDATE cards SET state = ${after.state}::"CardState", due = ${after.due}, stability = ${after.stability},
             difficulty = ${after.difficulty}, "scheduledDays" = ${after.scheduledDays},
             "learningSteps" = ${after.learningSteps}, reps = ${after.reps}, lapses = ${after.lapses},
             "lastReview" = ${after.lastReview}, suspended = ${flags.suspended}, leech = ${flags.leech},
             "updatedAt" = ${now}
      WHERE id = ${cardId}
      RETURNING id
    )
    INSERT INTO review_logs (id, "userId", "cardId", "clientReviewId", rating, "previousState", score,
                             "graderVersion", answer, "durationMs", "stateBefore", "stateAfter", response, "reviewedAt")
    SELECT ${log.id}, ${log.userId}, updated.id, ${log.clientReviewId}, ${log.rating}::"Rating",
           ${log.previousState}::"CardState", ${log.score}, ${log.graderVersion}, ${log.answer}::jsonb,
           ${log.durationMs}, ${log.stateBefore}::jsonb, ${log.stateAfter}::jsonb, ${log.response}::jsonb, ${now}
    FROM updated`;
}
