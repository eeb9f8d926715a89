// Candidate-side shapes: starting an attempt with an invite token, saving answers, submitting.
import { z } from "zod";
import { questionView } from "../content/content.schemas.ts";
import { gradeView } from "../scoring/scoring.schemas.ts";

export const attemptView = z
  .object({
    id: z.string(),
    quizTitle: z.string(),
    status: z.enum(["in_progress", "submitted", "expired"]),
    startedAt: z.string(),
    deadline: z.string().nullable(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: "Attempt" });
export type AttemptView = z.infer<typeof attemptView>;

export const startBody = z.strictObject({ inviteToken: z.string().min(1).max(200) });

export const attemptStarted = z
  .object({
    attempt: attemptView,
    attemptToken: z.string().describe("Authorization: Bearer <attemptToken> on this attempt's routes."),
    questions: z.array(questionView),
  })
  .meta({ id: "AttemptStarted" });

export const savedAnswerView = z.object({ questionId: z.string(), answer: z.unknown(), savedAt: z.string() });

export const attemptDetail = z
  .object({ attempt: attemptView, questions: z.array(questionView), answers: z.array(savedAnswerView) })
  .meta({ id: "AttemptWithAnswers" });

export const answerBody = z.strictObject({
  answer: z
    .unknown()
    .refine((value) => value !== undefined, "an answer is required")
    .describe("The answer, in the shape the question type takes."),
});

export const answerSaved = z.object({ questionId: z.string(), savedAt: z.string() });

export const submitResult = z
  .object({
    score: z.number(),
    maxScore: z.number(),
    percent: z.number(),
    passed: z.boolean().optional(),
    items: z
      .array(
        z.object({ questionId: z.string(), points: z.number(), maxPoints: z.number(), grade: gradeView }),
      )
      .optional(),
  })
  .meta({ id: "AttemptResult" });

export const submitResponse = z
  .object({ attempt: attemptView, result: submitResult.optional() })
  .meta({ id: "AttemptSubmitted" });
export type SubmitResponse = z.infer<typeof submitResponse>;

export const attemptParams = z.object({ id: z.string().min(1).max(100) });
export const answerParams = z.object({
  id: z.string().min(1).max(100),
  questionId: z.string().min(1).max(100),
});
