import { z } from "zod";
import { difficulties, questionTypes } from "../../domain/questions/question-spec.ts";
import { pageQuery, pageSchema } from "../../lib/pagination.ts";

export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_SECTIONS = 1_000;

export const sourceView = z
  .object({ document: z.string(), anchor: z.string(), heading: z.string() })
  .meta({ id: "Source", description: "The document section a question comes from." });

/** What a learner sees of a question: never the answer, the accepted answers, the rubric or which choice is right. */
export const questionView = z
  .object({
    id: z.string(),
    type: z.enum(questionTypes),
    prompt: z.string(),
    difficulty: z.enum(difficulties),
    topics: z.array(z.string()),
    source: sourceView.nullable().describe("Null for a recruiter's own questions without a source."),
    origin: z.enum(["curated", "generated", "custom"]),
    choices: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
    items: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
    code: z.string().optional(),
    blanks: z.number().int().optional(),
  })
  .meta({ id: "QuestionView" });
export type QuestionView = z.infer<typeof questionView>;

const rubricView = z.object({
  referenceAnswer: z.string(),
  keyPoints: z.array(
    z.object({
      text: z.string(),
      weight: z.number().optional(),
      phrasings: z.array(z.string()),
      missed: z.string().optional(),
    }),
  ),
  misconceptions: z
    .array(z.object({ text: z.string(), phrasings: z.array(z.string()), explanation: z.string() }))
    .optional(),
});

/** GET /v1/questions/:id: a QuestionView; the owner of a private question also gets its key. */
export const questionDetailView = questionView
  .extend({
    choices: z
      .array(z.object({ id: z.string(), text: z.string(), correct: z.boolean().optional() }))
      .optional()
      .describe("The owner also sees which choices are right."),
    items: z
      .array(z.object({ id: z.string(), text: z.string() }))
      .optional()
      .describe("Ordering items; to the owner in the right order."),
    visibility: z.enum(["public", "private"]).optional(),
    version: z.number().int().optional(),
    answer: z.union([z.boolean(), z.string(), z.array(z.string())]).optional(),
    accepted: z.union([z.array(z.string()), z.array(z.array(z.string()))]).optional(),
    rubric: rubricView.optional(),
    explanation: z.string().optional(),
  })
  .meta({
    id: "QuestionDetail",
    description: "A QuestionView; to the owner of a private question also its QuestionInput fields.",
  });
export type QuestionDetailView = z.infer<typeof questionDetailView>;

export const documentSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    sectionCount: z.number().int(),
    questionCount: z.number().int(),
    status: z.enum(["draft", "published", "retired"]),
  })
  .meta({ id: "DocumentSummary" });

export const documentView = z
  .object({
    slug: z.string(),
    title: z.string(),
    status: z.enum(["draft", "published", "retired"]),
    sections: z.array(
      z.object({ anchor: z.string(), heading: z.string(), level: z.number().int(), markdown: z.string() }),
    ),
  })
  .meta({ id: "Document" });

export const topicView = z
  .object({ slug: z.string(), name: z.string(), questionCount: z.number().int() })
  .meta({ id: "Topic" });

export const slugParams = z.object({ slug: z.string().min(1).max(200) });
export const idParams = z.object({ id: z.string().min(1).max(100) });

export const listQuery = z.object(pageQuery);

const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const questionsQuery = z.object({
  ...pageQuery,
  topic: z.string().max(100).optional(),
  type: z.enum(questionTypes).optional(),
  difficulty: z.enum(difficulties).optional(),
  document: z.string().max(200).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Full-text search over prompts (PostgreSQL websearch syntax)."),
  mine: booleanQuery.optional().describe("Only the caller's own questions, drafts included (needs a token)."),
});
export type QuestionsQuery = z.infer<typeof questionsQuery>;

export const importDocumentBody = z.strictObject({
  markdown: z
    .string()
    .min(1)
    // PostgreSQL text cannot hold NUL; refusing it here beats a failed insert later.
    .refine((text) => !text.includes("\u0000"), "must not contain NUL characters")
    .describe("The document, up to 1 MiB of markdown and at most 1,000 sections."),
  title: z.string().trim().min(1).max(200).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug")
    .max(100)
    .optional(),
});

export const documentPage = pageSchema(documentSummary);
export const topicPage = pageSchema(topicView);
export const questionPage = pageSchema(questionView);
