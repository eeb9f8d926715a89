// Request and response shapes for quizzes and invites (the recruiter's side of API.md).
import { z } from "zod";
import { difficulties, questionTypes } from "../../domain/questions/question-spec.ts";
import { pageQuery, pageSchema } from "../../lib/pagination.ts";

const points = z.number().positive().max(1000).describe("Points per question; default 1.");

export const drawSpec = z.strictObject({
  topic: z.string().min(1).max(100).optional(),
  type: z.enum(questionTypes).optional(),
  difficulty: z.enum(difficulties).optional(),
  count: z.number().int().min(1).max(100),
});
export type DrawSpec = z.infer<typeof drawSpec>;

export const fixedItemInput = z.strictObject({
  questionId: z.string().min(1).max(100),
  points: points.optional(),
});
export const drawItemInput = z.strictObject({ draw: drawSpec, points: points.optional() });
export const quizItemInput = z.union([fixedItemInput, drawItemInput]);
export type QuizItemInput = z.infer<typeof quizItemInput>;

const quizFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
  timeLimitSeconds: z.number().int().min(1).max(86_400),
  shuffleQuestions: z.boolean(),
  shuffleChoices: z.boolean(),
  passingPercent: z.number().min(0).max(100),
  candidateSees: z.enum(["nothing", "score", "answers"]),
  items: z.array(quizItemInput).min(1).max(200),
};

export const quizBody = z.strictObject({
  title: quizFields.title,
  description: quizFields.description.optional(),
  timeLimitSeconds: quizFields.timeLimitSeconds.optional(),
  shuffleQuestions: quizFields.shuffleQuestions.optional(),
  shuffleChoices: quizFields.shuffleChoices.optional(),
  passingPercent: quizFields.passingPercent.optional(),
  candidateSees: quizFields.candidateSees.optional(),
  items: quizFields.items,
});
export type QuizBody = z.infer<typeof quizBody>;

export const quizPatchBody = z.strictObject({
  title: quizFields.title.optional(),
  description: quizFields.description.nullable().optional(),
  timeLimitSeconds: quizFields.timeLimitSeconds.nullable().optional(),
  shuffleQuestions: quizFields.shuffleQuestions.optional(),
  shuffleChoices: quizFields.shuffleChoices.optional(),
  passingPercent: quizFields.passingPercent.nullable().optional(),
  candidateSees: quizFields.candidateSees.optional(),
  items: quizFields.items.optional(),
});
export type QuizPatch = z.infer<typeof quizPatchBody>;

export const quizItemView = z.union([
  z.object({
    questionId: z.string(),
    questionVersion: z.number().int().nullable().describe("Pinned at publish."),
    points: z.number(),
  }),
  z.object({ draw: drawSpec, points: z.number() }),
]);

export const quizView = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(["draft", "open", "closed"]),
    timeLimitSeconds: z.number().int().nullable(),
    shuffleQuestions: z.boolean(),
    shuffleChoices: z.boolean(),
    passingPercent: z.number().nullable(),
    candidateSees: z.enum(["nothing", "score", "answers"]),
    items: z.array(quizItemView),
    questionCount: z.number().int(),
    totalPoints: z.number(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: "Quiz" });
export type QuizView = z.infer<typeof quizView>;

export const inviteBody = z.strictObject({
  candidateEmail: z.email().max(320).optional(),
  candidateName: z.string().trim().min(1).max(200).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  maxAttempts: z.number().int().min(1).max(100).optional(),
});
export type InviteBody = z.infer<typeof inviteBody>;

const inviteFields = {
  id: z.string(),
  expiresAt: z.string().nullable(),
  maxAttempts: z.number().int(),
  candidateEmail: z.string().nullable(),
  candidateName: z.string().nullable(),
  createdAt: z.string(),
};

export const inviteCreated = z
  .object({ ...inviteFields, token: z.string().describe("Shown only here; stored hashed.") })
  .meta({ id: "InviteCreated" });

export const inviteView = z
  .object({ ...inviteFields, attemptsUsed: z.number().int(), revokedAt: z.string().nullable() })
  .meta({ id: "Invite" });

export const quizParams = z.object({ id: z.string().min(1).max(100) });
export const inviteParams = z.object({
  id: z.string().min(1).max(100),
  inviteId: z.string().min(1).max(100),
});
export const listQuery = z.object(pageQuery);
export const quizPage = pageSchema(quizView);
export const invitePage = pageSchema(inviteView);
