// Checking a quiz's items against what its owner may use: fixed questions the owner can see (the
// published bank and their own questions), and draws that can be filled without repeats.
import { drawQuestions } from "../../domain/quizzes/draw.ts";
import type { Random } from "../../domain/quizzes/random.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { ValidationError } from "../../lib/errors.ts";
import { visibleQuestion } from "../content/content.service.ts";
import { type DrawSpec, drawSpec, type QuizItemInput } from "./quizzes.schemas.ts";

/** Ids of the questions a draw may pick for this owner: the published bank and their own. */
export async function drawPool(
  tx: Prisma.TransactionClient,
  ownerId: string,
  draw: DrawSpec,
): Promise<string[]> {
  const rows = await tx.question.findMany({
    where: {
      AND: [
        visibleQuestion(ownerId),
        draw.type ? { type: draw.type } : {},
        draw.difficulty ? { difficulty: draw.difficulty } : {},
        draw.topic ? { topics: { some: { topic: { slug: draw.topic } } } } : {},
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

export interface StoredItem {
  position: number;
  questionId: string | null;
  questionVersion: number | null;
  draw: Prisma.JsonValue | null;
  points: number;
}

/** A QuizItem row back in input form; a draw column this code did not write is a bug, so it throws. */
export function toItemInput(item: StoredItem): QuizItemInput {
  if (item.questionId !== null) return { questionId: item.questionId, points: item.points };
  return { draw: drawSpec.parse(item.draw), points: item.points };
}

/**
 * Throws a 400 naming each item that cannot be used. Returns the fixed questions' current
 * versions (to pin at publish).
 */
export async function checkItems(
  tx: Prisma.TransactionClient,
  ownerId: string,
  items: QuizItemInput[],
  random: Random,
): Promise<Map<string, number>> {
  const errors: { path: string; message: string }[] = [];
  const fixedIds = items.flatMap((item) => ("questionId" in item ? [item.questionId] : []));
  const found = await tx.question.findMany({
    where: { AND: [{ id: { in: fixedIds } }, visibleQuestion(ownerId)] },
    select: { id: true, version: true },
  });
  const versions = new Map(found.map((q) => [q.id, q.version]));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!("questionId" in item)) return;
    if (!versions.has(item.questionId))
      errors.push({ path: `body.items.${index}.questionId`, message: "no such question you can use" });
    else if (seen.has(item.questionId))
      errors.push({
        path: `body.items.${index}.questionId`,
        message: "this question is already in the quiz",
      });
    seen.add(item.questionId);
  });
  const draws = items.flatMap((item, index) => ("draw" in item ? [{ index, draw: item.draw }] : []));
  const slots = [];
  for (const { index, draw } of draws) {
    const pool = (await drawPool(tx, ownerId, draw)).filter((id) => !seen.has(id));
    if (pool.length < draw.count)
      errors.push({
        path: `body.items.${index}.draw.count`,
        message: `only ${pool.length} question(s) match this draw (besides the quiz's fixed ones)`,
      });
    slots.push({ pool, count: draw.count });
  }
  if (errors.length === 0 && drawQuestions(slots, seen, random) === null)
    errors.push({
      path: "body.items",
      message: "the draws overlap: too few distinct questions match them all",
    });
  if (errors.length > 0) throw new ValidationError("Some quiz items cannot be used.", errors);
  return versions;
}
