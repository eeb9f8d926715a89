// Grading answers to stored questions: practice checks here, and the same function for study
// reviews and quiz attempts. The pure scorer lives in src/domain/scoring; this maps its shape
// errors to API errors and adds where to read more.

import type { PrismaClient } from "../../db/database.ts";
import type { AnswerKey, QuestionPayload, StoredQuestion } from "../../domain/questions/question-spec.ts";
import {
  AnswerShapeError,
  AnswerTooLongError,
  type GradeOutcome,
  gradeAnswer,
} from "../../domain/scoring/index.ts";
import type { Question } from "../../generated/prisma/client.ts";
import { NotFoundError, PayloadTooLargeError, UnprocessableError } from "../../lib/errors.ts";
import { visibleQuestion } from "../content/content.service.ts";
import { type QuestionWithView, questionSourceInclude, toSource } from "../content/question-view.ts";
import type { GradeView } from "./scoring.schemas.ts";

export function toStored(
  question: Pick<Question, "type" | "prompt" | "payload" | "answerKey" | "explanation">,
): StoredQuestion {
  return {
    type: question.type,
    prompt: question.prompt,
    payload: question.payload as QuestionPayload,
    answerKey: question.answerKey as AnswerKey,
    explanation: question.explanation,
  };
}

/** Grades, turning a wrong shape into 422 and an over-long answer into 413. */
export function gradeOrReject(question: StoredQuestion, answer: unknown): GradeOutcome {
  try {
    return gradeAnswer(question, answer);
  } catch (error) {
    if (error instanceof AnswerShapeError) throw new UnprocessableError(error.message);
    if (error instanceof AnswerTooLongError) throw new PayloadTooLargeError(error.message);
    throw error;
  }
}

export function withSource(
  outcome: GradeOutcome,
  question: Pick<QuestionWithView, "document" | "section">,
): GradeView {
  return {
    ...outcome.grade,
    source: toSource(question),
  };
}

export function createScoringService({ db }: { db: PrismaClient }) {
  return {
    /** Practice: grade an answer to a question the caller can see; nothing is recorded. */
    async check(viewerId: string | null, questionId: string, answer: unknown): Promise<GradeView> {
      const question = await db.question.findFirst({
        where: { AND: [{ id: questionId }, visibleQuestion(viewerId)] },
        // The grade cites the source section; the topics a question view lists are not needed.
        include: questionSourceInclude,
      });
      if (!question) throw new NotFoundError("No such question.");
      return withSource(gradeOrReject(toStored(question), answer), question);
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
