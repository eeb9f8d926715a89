// Request shapes for a recruiter's own questions. The create body is QuestionInput itself; a
// PATCH names only what changes and is validated as a whole QuestionInput once merged.
import { z } from "zod";
import { difficulties, questionTypes, rubricSchema } from "../../domain/questions/question-spec.ts";

export const questionPatchBody = z
  .strictObject({
    type: z
      .enum(questionTypes)
      .optional()
      .describe("Changing the type replaces the question: send every field."),
    prompt: z.string().optional(),
    difficulty: z.enum(difficulties).optional(),
    topics: z.array(z.string()).optional(),
    explanation: z.string().optional(),
    choices: z.array(z.strictObject({ text: z.string(), correct: z.boolean() })).optional(),
    items: z.array(z.string()).optional(),
    code: z.string().optional(),
    answer: z.union([z.boolean(), z.string(), z.array(z.string())]).optional(),
    accepted: z.union([z.array(z.string()), z.array(z.array(z.string()))]).optional(),
    rubric: rubricSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "name at least one field to change");
export type QuestionPatch = z.infer<typeof questionPatchBody>;
