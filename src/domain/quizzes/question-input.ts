// The way back from a stored question (public payload + secret key) to what its author wrote:
// the owner of a private question reads it back, and a PATCH merges into it. Pure.
import type { Difficulty, QuestionInput, StoredQuestion } from "../questions/question-spec.ts";

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** The QuestionInput a stored question was made from (choice and item texts, in the right order). */
export function toQuestionInput(
  stored: StoredQuestion,
  meta: { difficulty: Difficulty; topics: string[] },
): QuestionInput {
  const common = {
    prompt: stored.prompt,
    difficulty: meta.difficulty,
    topics: meta.topics,
    ...(stored.explanation ? { explanation: stored.explanation } : {}),
  };
  const key = stored.answerKey;
  const right = new Set(key.correctChoiceIds ?? []);
  const choices = (stored.payload.choices ?? []).map((c) => ({ text: c.text, correct: right.has(c.id) }));
  const textOf = new Map((stored.payload.items ?? []).map((i) => [i.id, i.text]));
  switch (stored.type) {
    case "explain":
      return { type: "explain", ...common, rubric: key.rubric ?? { referenceAnswer: "", keyPoints: [] } };
    case "short_answer":
      return {
        type: "short_answer",
        ...common,
        answer: typeof key.answer === "string" ? key.answer : "",
        accepted: asStrings(key.accepted),
      };
    case "cloze":
      return {
        type: "cloze",
        ...common,
        answer: asStrings(key.answer),
        accepted: Array.isArray(key.accepted) ? key.accepted.map(asStrings) : [],
      };
    case "single_choice":
      return { type: "single_choice", ...common, choices };
    case "multiple_choice":
      return { type: "multiple_choice", ...common, choices };
    case "true_false":
      return { type: "true_false", ...common, answer: key.answer === true };
    case "ordering":
      return {
        type: "ordering",
        ...common,
        items: (key.order ?? []).flatMap((id) => textOf.get(id) ?? []),
      };
    case "code_output":
      return {
        type: "code_output",
        ...common,
        code: stored.payload.code ?? "",
        answer: typeof key.answer === "string" ? key.answer : "",
      };
  }
}

/**
 * The author's fields as the owner sees them beside the QuestionView: choices keep their ids and
 * say which are right; items come in the right order, with their ids.
 */
export function ownerFields(stored: StoredQuestion) {
  const key = stored.answerKey;
  const right = new Set(key.correctChoiceIds ?? []);
  const textOf = new Map((stored.payload.items ?? []).map((i) => [i.id, i.text]));
  return {
    ...(stored.payload.choices
      ? { choices: stored.payload.choices.map((c) => ({ id: c.id, text: c.text, correct: right.has(c.id) })) }
      : {}),
    ...(key.order ? { items: key.order.map((id) => ({ id, text: textOf.get(id) ?? "" })) } : {}),
    ...(key.answer !== undefined ? { answer: key.answer } : {}),
    ...(key.accepted !== undefined ? { accepted: key.accepted } : {}),
    ...(key.rubric ? { rubric: key.rubric } : {}),
    ...(stored.explanation ? { explanation: stored.explanation } : {}),
  };
}
