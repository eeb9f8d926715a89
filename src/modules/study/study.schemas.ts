import { z } from "zod";
import { cardStates, ratings } from "../../domain/scheduling/scheduler.ts";
import { pageQuery, pageSchema } from "../../lib/pagination.ts";
import { questionView } from "../content/content.schemas.ts";
import { gradeView } from "../scoring/scoring.schemas.ts";

export const cardView = z
  .object({
    questionId: z.string(),
    state: z.enum(cardStates),
    due: z.iso.datetime(),
    stability: z.number(),
    difficulty: z.number(),
    reps: z.number().int(),
    lapses: z.number().int(),
    lastReview: z.iso.datetime().nullable(),
    suspended: z.boolean(),
    leech: z.boolean().describe("Lapsed 8 times: suspended automatically until the learner unsuspends it."),
  })
  .meta({ id: "CardView" });
export type CardView = z.infer<typeof cardView>;

const filterQuery = {
  topic: z.string().max(100).optional(),
  document: z.string().max(200).optional(),
};

export const queueQuery = z.object({ limit: pageQuery.limit, ...filterQuery });
export type QueueQuery = z.infer<typeof queueQuery>;

export const queueView = z
  .object({
    items: z.array(z.object({ card: cardView, question: questionView })),
    counts: z.object({
      new: z.number().int().describe("New cards still allowed today (within newCardsPerDay) and available."),
      learning: z.number().int().describe("Learning and relearning cards due now."),
      review: z.number().int().describe("Review cards due now."),
    }),
  })
  .meta({ id: "StudyQueue" });

export const reviewBody = z
  .strictObject({
    questionId: z.string().min(1).max(100),
    answer: z.unknown().optional(),
    rating: z.enum(ratings).optional(),
    durationMs: z.number().int().min(0).max(86_400_000).optional(),
    clientReviewId: z.uuid(),
  })
  .refine((body) => body.answer !== undefined || body.rating !== undefined, {
    message: "give an answer, a rating, or both",
    path: ["answer"],
  });
export type ReviewInput = z.infer<typeof reviewBody>;

export const reviewResponse = z
  .object({
    review: z.object({
      id: z.string(),
      rating: z.enum(ratings),
      score: z.number().optional(),
      reviewedAt: z.iso.datetime(),
    }),
    grade: gradeView.optional(),
    card: cardView,
  })
  .meta({ id: "ReviewResult" });
export type ReviewResponse = z.infer<typeof reviewResponse>;

export const reviewIdParams = z.object({ id: z.string().min(1).max(100) });
export const questionIdParams = z.object({ questionId: z.string().min(1).max(100) });

export const cardsQuery = z.object({
  ...pageQuery,
  state: z.enum(cardStates).optional(),
  suspended: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export const cardPage = pageSchema(cardView);
export const suspendBody = z.strictObject({ suspended: z.boolean() });

export const statsView = z
  .object({
    dueToday: z.number().int(),
    dueTomorrow: z.number().int(),
    reviewsToday: z.number().int(),
    streakDays: z.number().int(),
    forecast: z.array(z.object({ date: z.iso.date(), due: z.number().int() })),
    retention: z.object({
      last30Days: z
        .number()
        .nullable()
        .describe("Share of reviews of cards in review state not rated again."),
    }),
    topics: z.array(
      z.object({
        topic: z.string(),
        cards: z.number().int(),
        recall: z.number().describe("Mean predicted probability of recall now (FSRS forgetting curve)."),
        recallAtInterview: z.number().nullable().describe("The same on the learner's interviewDate, if set."),
      }),
    ),
  })
  .meta({ id: "StudyStats" });
export type StatsView = z.infer<typeof statsView>;
