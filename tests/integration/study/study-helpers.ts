import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { AnswerKey } from "../../../src/domain/questions/question-spec.ts";
import { bearer } from "../../helpers/test-app.ts";

export function review(
  app: FastifyInstance,
  token: string,
  body: {
    questionId: string;
    answer?: unknown;
    rating?: string;
    durationMs?: number;
    clientReviewId?: string;
  },
) {
  return app.inject({
    method: "POST",
    url: "/v1/study/reviews",
    headers: bearer(token),
    payload: { clientReviewId: randomUUID(), ...body },
  });
}

export async function queue(app: FastifyInstance, token: string, query = "") {
  const response = await app.inject({
    method: "GET",
    url: `/v1/study/queue${query}`,
    headers: bearer(token),
  });
  if (response.statusCode !== 200) throw new Error(`queue: ${response.statusCode} ${response.body}`);
  return response.json() as {
    items: { card: { questionId: string; state: string; due: string }; question: { id: string } }[];
    counts: { new: number; learning: number; review: number };
  };
}

/** A true_false question with its right answer, from the seeded bank. */
export async function trueFalseQuestions(app: FastifyInstance, count: number) {
  const rows = await app.db.question.findMany({
    where: { type: "true_false", status: "published", origin: "curated" },
    orderBy: { id: "asc" },
    take: count,
  });
  return rows.map((q) => ({ id: q.id, right: (q.answerKey as AnswerKey).answer as boolean }));
}
