// The recruiter's view of attempts: a list with totals, one attempt with every graded answer,
// manual overrides, the CSV export and the per-question report.
import { z } from "zod";
import { pageSchema } from "../../lib/pagination.ts";
import { gradeView } from "../scoring/scoring.schemas.ts";

const status = z.enum(["in_progress", "submitted", "expired"]);

export const attemptSummary = z
  .object({
    id: z.string(),
    inviteId: z.string(),
    candidateEmail: z.string().nullable(),
    candidateName: z.string().nullable(),
    status,
    startedAt: z.string(),
    deadline: z.string().nullable(),
    submittedAt: z.string().nullable(),
    score: z.number().nullable().describe("Null until the attempt ends."),
    maxScore: z.number(),
    percent: z.number().nullable(),
    passed: z.boolean().nullable().describe("Null without a passing percent, or before the attempt ends."),
    needsReview: z.boolean().describe("Some free-text grade is uncertain and not overridden yet."),
  })
  .meta({ id: "AttemptSummary" });
export type AttemptSummary = z.infer<typeof attemptSummary>;

export const gradedAnswer = z.object({
  questionId: z.string(),
  type: z.string(),
  prompt: z.string(),
  topics: z.array(z.string()),
  maxPoints: z.number(),
  answer: z.unknown().describe("Null when unanswered."),
  savedAt: z.string().nullable(),
  grade: gradeView.nullable(),
  autoPoints: z.number().nullable().describe("Points from the automatic grade."),
  points: z.number().describe("Points counted: the override if any, else the automatic points."),
  needsReview: z.boolean(),
  override: z
    .object({
      points: z.number(),
      note: z.string().nullable(),
      by: z.object({ id: z.string(), email: z.string() }).nullable(),
      at: z.string(),
    })
    .nullable(),
});

export const attemptReview = z
  .object({
    ...attemptSummary.shape,
    answers: z.array(gradedAnswer),
    topics: z.array(z.object({ topic: z.string(), score: z.number(), maxScore: z.number() })),
  })
  .meta({ id: "AttemptReview" });
export type AttemptReview = z.infer<typeof attemptReview>;

export const overrideBody = z.strictObject({
  points: z.number().min(0).max(1000),
  note: z.string().trim().max(2000).optional(),
});

export const quizReport = z
  .object({
    attempts: z.number().int().describe("Finished attempts (submitted or expired)."),
    meanPercent: z.number().nullable(),
    questions: z.array(
      z.object({
        questionId: z.string(),
        meanPoints: z.number(),
        maxPoints: z.number(),
        answered: z.number().int(),
      }),
    ),
    topics: z.array(z.object({ topic: z.string(), meanPercent: z.number() })),
  })
  .meta({ id: "QuizReport" });

export const attemptPage = pageSchema(attemptSummary);
export const quizAttemptParams = z.object({
  id: z.string().min(1).max(100),
  attemptId: z.string().min(1).max(100),
});
export const overrideParams = quizAttemptParams.extend({ questionId: z.string().min(1).max(100) });
