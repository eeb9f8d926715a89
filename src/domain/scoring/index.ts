// The answer scorer: checks that an answer has the shape its question type takes, then grades it.
// Objective types are compared exactly (objective.ts); explanations are scored against the
// question's rubric (explain.ts). Pure and synchronous; the only I/O is loading the NLP model and
// the learned evidence (evidence.ts) once.
import type { StoredQuestion } from "../questions/question-spec.ts";
import { loadEvidenceModels } from "./evidence.ts";
import { scoreExplanation, type Verdict } from "./explain.ts";
import { explainFeedback } from "./feedback.ts";
import { warmUpNlp } from "./nlp.ts";
import {
  clozeAnswers,
  correctOrder,
  gradeCloze,
  gradeCodeOutput,
  gradeMultipleChoice,
  gradeOrdering,
  gradeShortAnswer,
  gradeSingleChoice,
  gradeTrueFalse,
  type ObjectiveResult,
} from "./objective.ts";
import { swapStatement } from "./swaps.ts";

export type { Verdict } from "./explain.ts";
export { EXPLAIN_THRESHOLDS } from "./explain.ts";
export { MissingAnswerKeyError } from "./objective.ts";

/** Loads the language model and the learned evidence now, so that no learner's first answer waits. */
export function warmUpScoring(): void {
  warmUpNlp();
  loadEvidenceModels();
}

/** Bump whenever a rule, threshold or lexicon entry changes how an answer is graded. */
export const GRADER_VERSION = "2026.11.27";
/** Longer text answers (or arrays whose strings add up to more) are refused. */
export const MAX_ANSWER_CHARS = 5000;
/** An objective score at or above this is "correct" (1 up to rounding). */
export const OBJECTIVE_CORRECT = 0.999;

export interface Grade {
  score: number;
  verdict: Verdict;
  feedback: string;
  keyPoints?: { text: string; matched: boolean }[];
  misconceptions?: { text: string; explanation: string }[];
  /** The right answer in the answer's own shape or, for explain, the reference answer text. */
  expected: unknown;
  explanation?: string;
  graderVersion: string;
}

export interface GradeOutcome {
  grade: Grade;
  /** A free-text grade near a verdict boundary, or with both a misconception and a key point: a human should look. */
  uncertain: boolean;
}

/** The answer is not of the shape the question type takes (maps to 422). */
export class AnswerShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnswerShapeError";
  }
}

/** The answer is longer than MAX_ANSWER_CHARS. */
export class AnswerTooLongError extends Error {
  readonly limit = MAX_ANSWER_CHARS;
  constructor(length: number) {
    super(`an answer may be at most ${MAX_ANSWER_CHARS} characters long (got ${length})`);
    this.name = "AnswerTooLongError";
  }
}

function expectString(answer: unknown, message: string): string {
  if (typeof answer !== "string") throw new AnswerShapeError(message);
  if (answer.length > MAX_ANSWER_CHARS) throw new AnswerTooLongError(answer.length);
  return answer;
}

function expectStringArray(answer: unknown, message: string): string[] {
  if (!Array.isArray(answer)) throw new AnswerShapeError(message);
  const strings: string[] = [];
  let length = 0;
  for (const entry of answer) {
    if (typeof entry !== "string") throw new AnswerShapeError(message);
    length += entry.length;
    strings.push(entry);
  }
  if (length > MAX_ANSWER_CHARS) throw new AnswerTooLongError(length);
  return strings;
}

function knownChoiceIds(question: StoredQuestion): Set<string> {
  return new Set((question.payload.choices ?? []).map((c) => c.id));
}

function objectiveVerdict(score: number): Verdict {
  if (score >= OBJECTIVE_CORRECT) return "correct";
  return score > 0 ? "partial" : "incorrect";
}

function gradeObjective(question: StoredQuestion, answer: unknown): ObjectiveResult {
  switch (question.type) {
    case "single_choice": {
      const id = expectString(answer, "a single_choice question takes one choice id (a string)");
      if (!knownChoiceIds(question).has(id)) throw new AnswerShapeError(`unknown choice id "${id}"`);
      return gradeSingleChoice(question, id);
    }
    case "multiple_choice": {
      const ids = expectStringArray(answer, "a multiple_choice question takes an array of choice ids");
      const known = knownChoiceIds(question);
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new AnswerShapeError(`unknown choice id "${unknown}"`);
      if (new Set(ids).size !== ids.length)
        throw new AnswerShapeError("each choice id may be picked only once");
      return gradeMultipleChoice(question, ids);
    }
    case "true_false": {
      if (typeof answer !== "boolean")
        throw new AnswerShapeError("a true_false question takes a boolean answer");
      return gradeTrueFalse(question, answer);
    }
    case "ordering": {
      const message = "an ordering question takes every item id exactly once, in an array";
      const ids = expectStringArray(answer, message);
      const items = new Set(question.payload.items?.map((i) => i.id) ?? correctOrder(question));
      if (ids.length !== items.size || new Set(ids).size !== ids.length || ids.some((id) => !items.has(id)))
        throw new AnswerShapeError(message);
      return gradeOrdering(question, ids);
    }
    case "short_answer":
      return gradeShortAnswer(
        question,
        expectString(answer, "a short_answer question takes a string answer"),
      );
    case "cloze": {
      const blanks = question.payload.blanks ?? clozeAnswers(question).length;
      const message = `a cloze question takes an array of ${blanks} string(s), one per blank`;
      const answers = expectStringArray(answer, message);
      if (answers.length !== blanks) throw new AnswerShapeError(message);
      return gradeCloze(question, answers);
    }
    case "code_output":
      return gradeCodeOutput(question, expectString(answer, "a code_output question takes a string answer"));
    case "explain":
      throw new Error("explain questions are not objective");
  }
}

function gradeExplain(question: StoredQuestion, answer: unknown): GradeOutcome {
  const text = expectString(answer, "an explain question takes a string answer");
  const rubric = question.answerKey.rubric;
  if (!rubric) throw new Error("a stored explain question has no answerKey.rubric");
  const result = scoreExplanation(question.prompt, rubric, text);
  const misconceptions = [
    ...(rubric.misconceptions ?? [])
      .filter((_, i) => result.misconceptionsMatched[i])
      .map((m) => ({ text: m.text, explanation: m.explanation })),
    // A swapped key point is corrected by the key point itself.
    ...result.swapped.map((swap) => ({
      text: swapStatement(swap),
      explanation: rubric.keyPoints[swap.keyPoint]?.text ?? "",
    })),
  ];
  const grade: Grade = {
    score: result.score,
    verdict: result.verdict,
    feedback: explainFeedback(result, rubric),
    keyPoints: rubric.keyPoints.map((point, i) => ({
      text: result.keyPointsMatched[i] ? point.text : (point.missed ?? point.text),
      matched: result.keyPointsMatched[i] === true,
    })),
    ...(misconceptions.length > 0 ? { misconceptions } : {}),
    expected: rubric.referenceAnswer,
    ...(question.explanation ? { explanation: question.explanation } : {}),
    graderVersion: GRADER_VERSION,
  };
  return { grade, uncertain: result.uncertain };
}

/**
 * Grades one answer. Throws AnswerShapeError when the answer is not of the shape the question type
 * takes (wrong JS type, unknown id, wrong number of blanks) and AnswerTooLongError past
 * MAX_ANSWER_CHARS.
 */
export function gradeAnswer(question: StoredQuestion, answer: unknown): GradeOutcome {
  if (question.type === "explain") return gradeExplain(question, answer);
  const result = gradeObjective(question, answer);
  const score = Math.min(1, Math.max(0, result.score));
  const grade: Grade = {
    score,
    verdict: objectiveVerdict(score),
    feedback: result.feedback,
    expected: result.expected,
    ...(question.explanation ? { explanation: question.explanation } : {}),
    graderVersion: GRADER_VERSION,
  };
  return { grade, uncertain: false };
}
