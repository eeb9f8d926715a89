// The shapes of a question: what an author writes (QuestionInput, also the bank's YAML entries)
// and how it is stored (StoredQuestion: a public payload and a secret answer key).
// Pure: no I/O. The scorer reads StoredQuestion; the read API shows only the payload.
import { z } from "zod";

export const questionTypes = [
  "explain",
  "short_answer",
  "cloze",
  "single_choice",
  "multiple_choice",
  "true_false",
  "ordering",
  "code_output",
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const difficulties = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof difficulties)[number];

/** Blanks in a cloze prompt are written as three or more underscores. */
export const BLANK_PATTERN = /_{3,}/g;
export function countBlanks(prompt: string): number {
  return prompt.match(BLANK_PATTERN)?.length ?? 0;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const topicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a topic is a slug: lower-case words joined by '-'")
  .max(60);

export const keyPointSchema = z.strictObject({
  text: text(500),
  weight: z.number().positive().max(10).default(1),
  /** Short phrases that express the point; matched after lemmatising, with synonyms, in a word window. */
  phrasings: z.array(text(200)).min(1).max(30),
  /** Shown to the learner when the point is missing. Defaults to the point's text. */
  missed: text(500).optional(),
});

export const misconceptionSchema = z.strictObject({
  text: text(500),
  phrasings: z.array(text(200)).min(1).max(30),
  explanation: text(1000),
});

export const rubricSchema = z.strictObject({
  referenceAnswer: text(5000),
  keyPoints: z.array(keyPointSchema).min(1).max(20),
  misconceptions: z.array(misconceptionSchema).max(20).optional(),
});
export type Rubric = z.infer<typeof rubricSchema>;

const common = {
  prompt: text(4000),
  difficulty: z.enum(difficulties),
  topics: z.array(topicSlug).min(1).max(10),
  explanation: text(4000).optional(),
};

const choiceSchema = z.strictObject({ text: text(1000), correct: z.boolean() });

export const explainInput = z.strictObject({ type: z.literal("explain"), ...common, rubric: rubricSchema });
export const shortAnswerInput = z.strictObject({
  type: z.literal("short_answer"),
  ...common,
  answer: text(500),
  accepted: z.array(text(500)).max(50).optional(),
});
export const clozeInput = z.strictObject({
  type: z.literal("cloze"),
  ...common,
  answer: z.array(text(500)).min(1).max(20),
  accepted: z.array(z.array(text(500)).max(50)).optional(),
});
export const singleChoiceInput = z.strictObject({
  type: z.literal("single_choice"),
  ...common,
  choices: z.array(choiceSchema).min(2).max(12),
});
export const multipleChoiceInput = z.strictObject({
  type: z.literal("multiple_choice"),
  ...common,
  choices: z.array(choiceSchema).min(2).max(12),
});
export const trueFalseInput = z.strictObject({
  type: z.literal("true_false"),
  ...common,
  answer: z.boolean(),
});
export const orderingInput = z.strictObject({
  type: z.literal("ordering"),
  ...common,
  /** In the right order; served shuffled. */
  items: z.array(text(1000)).min(2).max(20),
});
export const codeOutputInput = z.strictObject({
  type: z.literal("code_output"),
  ...common,
  code: text(20_000),
  answer: z.string().max(20_000),
});

/** The per-type rules a plain object schema cannot say: right-answer counts, blanks, duplicates. */
function checkQuestionRules(q: QuestionInput, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  switch (q.type) {
    case "single_choice": {
      const right = q.choices.filter((c) => c.correct).length;
      if (right !== 1)
        issue(["choices"], `a single_choice question has exactly one correct choice (found ${right})`);
      break;
    }
    case "multiple_choice": {
      if (!q.choices.some((c) => c.correct))
        issue(["choices"], "a multiple_choice question has at least one correct choice");
      break;
    }
    case "cloze": {
      const blanks = countBlanks(q.prompt);
      if (blanks === 0) issue(["prompt"], "a cloze prompt marks each blank with ___");
      else if (blanks !== q.answer.length)
        issue(["answer"], `the prompt has ${blanks} blank(s) but ${q.answer.length} answer(s) were given`);
      if (q.accepted && q.accepted.length > q.answer.length)
        issue(["accepted"], "accepted holds one list per blank, no more");
      break;
    }
    case "short_answer": {
      break;
    }
    case "ordering": {
      if (new Set(q.items).size !== q.items.length) issue(["items"], "ordering items must be distinct");
      break;
    }
    default:
      break;
  }
  if (q.type === "single_choice" || q.type === "multiple_choice") {
    if (new Set(q.choices.map((c) => c.text)).size !== q.choices.length)
      issue(["choices"], "choices must be distinct");
  }
}

export const questionInputSchema = z
  .discriminatedUnion("type", [
    explainInput,
    shortAnswerInput,
    clozeInput,
    singleChoiceInput,
    multipleChoiceInput,
    trueFalseInput,
    orderingInput,
    codeOutputInput,
  ])
  .superRefine((q, ctx) => checkQuestionRules(q, ctx));
export type QuestionInput = z.infer<typeof questionInputSchema>;

// ---------------------------------------------------------------------------------------------
// Stored form

/** What a learner may see besides the prompt. Choice and item ids are random, never positional. */
export interface QuestionPayload {
  choices?: { id: string; text: string }[];
  items?: { id: string; text: string }[];
  code?: string;
  blanks?: number;
}

/** What a learner must never see before answering. */
export interface AnswerKey {
  /** single_choice, multiple_choice: ids of the right choices. */
  correctChoiceIds?: string[];
  /** ordering: item ids in the right order. */
  order?: string[];
  /** true_false boolean; short_answer and code_output string; cloze one string per blank. */
  answer?: boolean | string | string[];
  /** short_answer: more accepted strings; cloze: more accepted strings per blank. */
  accepted?: string[] | string[][];
  rubric?: Rubric;
}

export interface StoredQuestion {
  type: QuestionType;
  prompt: string;
  payload: QuestionPayload;
  answerKey: AnswerKey;
  explanation?: string | null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Splits an authored question into its public payload and secret key, giving each choice and
 * item an opaque id from `newId(text)`: random for authored questions, derived from the slug and
 * text for the bank so that re-seeding keeps them.
 */
export function toStoredQuestion(input: QuestionInput, newId: (text: string) => string): StoredQuestion {
  const base = { type: input.type, prompt: input.prompt, explanation: input.explanation ?? null };
  switch (input.type) {
    case "explain":
      return { ...base, payload: {}, answerKey: { rubric: input.rubric } };
    case "short_answer":
      return { ...base, payload: {}, answerKey: { answer: input.answer, accepted: input.accepted ?? [] } };
    case "cloze":
      return {
        ...base,
        payload: { blanks: input.answer.length },
        answerKey: { answer: input.answer, accepted: input.accepted ?? [] },
      };
    case "single_choice":
    case "multiple_choice": {
      const choices = input.choices.map((c) => ({ id: newId(c.text), text: c.text, correct: c.correct }));
      return {
        ...base,
        // Served in id order: ids are random, so the order says nothing about which is right.
        payload: { choices: choices.map(({ id, text }) => ({ id, text })).sort(byId) },
        answerKey: { correctChoiceIds: choices.filter((c) => c.correct).map((c) => c.id) },
      };
    }
    case "true_false":
      return { ...base, payload: {}, answerKey: { answer: input.answer } };
    case "ordering": {
      const items = input.items.map((t) => ({ id: newId(t), text: t }));
      return {
        ...base,
        payload: { items: [...items].sort(byId) },
        answerKey: { order: items.map((i) => i.id) },
      };
    }
    case "code_output":
      return { ...base, payload: { code: input.code }, answerKey: { answer: input.answer } };
  }
}
