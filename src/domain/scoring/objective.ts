// Scoring of the objective question types. Answers arrive here already shape-checked by
// index.ts (right JS type, known ids, right number of blanks), so these functions only compare.
import type { StoredQuestion } from "../questions/question-spec.ts";
import {
  choiceFeedback,
  clozeFeedback,
  codeOutputFeedback,
  multipleChoiceFeedback,
  orderingFeedback,
  shortAnswerFeedback,
  trueFalseFeedback,
} from "./feedback.ts";
import { outputLines, textAnswerMatches } from "./normalise.ts";

export interface ObjectiveResult {
  score: number;
  expected: unknown;
  feedback: string;
}

/** A stored question without the key its type needs is a data bug, not a learner's mistake. */
export class MissingAnswerKeyError extends Error {
  constructor(type: string, field: string) {
    super(`a stored ${type} question has no answerKey.${field}`);
    this.name = "MissingAnswerKeyError";
  }
}

export function correctChoiceIds(question: StoredQuestion): string[] {
  const ids = question.answerKey.correctChoiceIds;
  if (!ids || ids.length === 0) throw new MissingAnswerKeyError(question.type, "correctChoiceIds");
  return ids;
}

function choiceTexts(question: StoredQuestion, ids: readonly string[]): string[] {
  const byId = new Map((question.payload.choices ?? []).map((c) => [c.id, c.text]));
  return ids.map((id) => byId.get(id) ?? id);
}

export function gradeSingleChoice(question: StoredQuestion, choiceId: string): ObjectiveResult {
  const right = correctChoiceIds(question);
  const score = right.includes(choiceId) ? 1 : 0;
  return { score, expected: right[0], feedback: choiceFeedback(score, choiceTexts(question, right)) };
}

/** (right picks − wrong picks) / number of right choices, never below 0. */
export function gradeMultipleChoice(question: StoredQuestion, choiceIds: readonly string[]): ObjectiveResult {
  const right = new Set(correctChoiceIds(question));
  const hits = choiceIds.filter((id) => right.has(id)).length;
  const misses = choiceIds.length - hits;
  const score = Math.max(0, (hits - misses) / right.size);
  return {
    score,
    expected: [...right],
    feedback: multipleChoiceFeedback(
      score,
      { right: hits, wrong: misses, total: right.size },
      choiceTexts(question, [...right]),
    ),
  };
}

export function gradeTrueFalse(question: StoredQuestion, answer: boolean): ObjectiveResult {
  const expected = question.answerKey.answer;
  if (typeof expected !== "boolean") throw new MissingAnswerKeyError(question.type, "answer");
  const score = answer === expected ? 1 : 0;
  return { score, expected, feedback: trueFalseFeedback(score === 1, expected) };
}

export function correctOrder(question: StoredQuestion): string[] {
  const order = question.answerKey.order;
  if (!order || order.length === 0) throw new MissingAnswerKeyError(question.type, "order");
  return order;
}

/** Kendall-style: the share of item pairs whose relative order is right. */
export function gradeOrdering(question: StoredQuestion, itemIds: readonly string[]): ObjectiveResult {
  const order = correctOrder(question);
  const rank = new Map(order.map((id, i) => [id, i]));
  const ranks = itemIds.map((id) => rank.get(id) ?? -1);
  let pairs = 0;
  let inOrder = 0;
  for (let i = 0; i < ranks.length; i++) {
    for (let j = i + 1; j < ranks.length; j++) {
      pairs++;
      if ((ranks[i] ?? 0) < (ranks[j] ?? 0)) inOrder++;
    }
  }
  const score = pairs === 0 ? 1 : inOrder / pairs;
  return { score, expected: order, feedback: orderingFeedback(score, inOrder, pairs) };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function gradeShortAnswer(question: StoredQuestion, answer: string): ObjectiveResult {
  const expected = question.answerKey.answer;
  if (typeof expected !== "string") throw new MissingAnswerKeyError(question.type, "answer");
  // accepted is string[] for short answers; tolerate a nested list written by hand.
  const accepted = (question.answerKey.accepted ?? []).flatMap((entry) =>
    typeof entry === "string" ? [entry] : stringsOf(entry),
  );
  const correct = textAnswerMatches(answer, [expected, ...accepted]);
  return { score: correct ? 1 : 0, expected, feedback: shortAnswerFeedback(correct, expected) };
}

export function clozeAnswers(question: StoredQuestion): string[] {
  const expected = stringsOf(question.answerKey.answer);
  if (expected.length === 0) throw new MissingAnswerKeyError(question.type, "answer");
  return expected;
}

/** The share of blanks filled with the answer or one of that blank's accepted alternatives. */
export function gradeCloze(question: StoredQuestion, answers: readonly string[]): ObjectiveResult {
  const expected = clozeAnswers(question);
  const accepted = question.answerKey.accepted ?? [];
  let right = 0;
  expected.forEach((blank, i) => {
    const alternatives = stringsOf(accepted[i]);
    if (textAnswerMatches(answers[i] ?? "", [blank, ...alternatives])) right++;
  });
  const score = right / expected.length;
  return { score, expected, feedback: clozeFeedback(right, expected.length) };
}

/** Lines matched in position over the longer of the two outputs: extra lines cost too. */
export function gradeCodeOutput(question: StoredQuestion, answer: string): ObjectiveResult {
  const expected = question.answerKey.answer;
  if (typeof expected !== "string") throw new MissingAnswerKeyError(question.type, "answer");
  const want = outputLines(expected);
  const got = outputLines(answer);
  const matched = want.filter((line, i) => got[i] === line).length;
  const longest = Math.max(want.length, got.length);
  const score = longest === 0 ? 1 : matched / longest;
  return { score, expected, feedback: codeOutputFeedback(matched, want.length, got.length) };
}
