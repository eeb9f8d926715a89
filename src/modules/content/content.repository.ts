// The content queries that Prisma's query builder cannot express: question listing with
// full-text search and topic filters, as one indexed query returning the page's ids.
import type { PrismaClient } from "../../db/database.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { QuestionsQuery } from "./content.schemas.ts";

/** Ids of the questions on one page, in id order (ids are UUIDv7, so that is creation order). */
export async function findQuestionIds(
  db: PrismaClient,
  viewerId: string | null,
  query: QuestionsQuery,
  afterId: string | undefined,
): Promise<string[]> {
  const where: Prisma.Sql[] = [];
  if (query.mine) {
    where.push(Prisma.sql`q."ownerId" = ${viewerId} AND q.status <> 'retired'`);
  } else {
    where.push(Prisma.sql`q.status = 'published' AND q.visibility = 'public'`);
  }
  if (query.type) where.push(Prisma.sql`q.type = ${query.type}::"QuestionType"`);
  if (query.difficulty) where.push(Prisma.sql`q.difficulty = ${query.difficulty}::"Difficulty"`);
  if (query.document) {
    where.push(Prisma.sql`q."documentId" = (SELECT d.id FROM documents d WHERE d.slug = ${query.document})`);
  }
  if (query.topic) {
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM question_topics qt JOIN topics t ON t.id = qt."topicId"
      WHERE qt."questionId" = q.id AND t.slug = ${query.topic})`);
  }
  if (query.q) where.push(Prisma.sql`q.search @@ websearch_to_tsquery('english', ${query.q})`);
  if (afterId) where.push(Prisma.sql`q.id > ${afterId}`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT q.id FROM questions q
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY q.id
    LIMIT ${query.limit + 1}`;
  return rows.map((r) => r.id);
}
