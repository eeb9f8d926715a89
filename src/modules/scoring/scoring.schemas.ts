import { z } from "zod";
import { sourceView } from "../content/content.schemas.ts";

export const checkBody = z.strictObject({
  // Any JSON value: a wrong shape for the question type is a 422 from the scorer, not a 400 here.
  answer: z
    .unknown()
    .refine((value) => value !== undefined, "an answer is required")
    .describe("The answer, in the shape the question type takes (see the question types table)."),
});

export const gradeView = z
  .object({
    score: z.number().min(0).max(1),
    verdict: z.enum(["correct", "partial", "incorrect"]),
    feedback: z.string(),
    keyPoints: z.array(z.object({ text: z.string(), matched: z.boolean() })).optional(),
    misconceptions: z.array(z.object({ text: z.string(), explanation: z.string() })).optional(),
    expected: z
      .unknown()
      .describe("The right answer in the answer's own shape, or the reference answer text."),
    explanation: z.string().optional(),
    source: sourceView.nullable(),
    graderVersion: z.string(),
  })
  .meta({ id: "Grade" });
export type GradeView = z.infer<typeof gradeView>;
