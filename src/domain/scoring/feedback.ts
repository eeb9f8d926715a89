// The one or two plain sentences a learner reads after answering. Kept apart from the scoring
// rules so wording can change without touching a threshold (and without a grader version bump).
import type { Rubric } from "../questions/question-spec.ts";
import type { ExplainResult } from "./explain.ts";
import { swapStatement } from "./swaps.ts";

export const CORRECT = "Correct.";

const quoted = (text: string) => `“${text}”`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function choiceFeedback(score: number, rightTexts: readonly string[]): string {
  if (score >= 0.999) return CORRECT;
  const right = rightTexts.map(quoted).join(", ");
  return rightTexts.length === 1
    ? `Not quite. The right answer is ${right}.`
    : `Not quite. The right answers are ${right}.`;
}

export function multipleChoiceFeedback(
  score: number,
  picked: { right: number; wrong: number; total: number },
  rightTexts: readonly string[],
): string {
  if (score >= 0.999) return CORRECT;
  const summary = `You picked ${picked.right} of ${picked.total} right ${picked.total === 1 ? "choice" : "choices"}${
    picked.wrong > 0 ? ` and ${plural(picked.wrong, "wrong one", "wrong ones")}` : ""
  }.`;
  return `${summary} The right ${rightTexts.length === 1 ? "answer is" : "answers are"} ${rightTexts.map(quoted).join(", ")}.`;
}

export function trueFalseFeedback(correct: boolean, expected: boolean): string {
  return correct ? CORRECT : `Not quite: the statement is ${expected ? "true" : "false"}.`;
}

export function orderingFeedback(score: number, inOrder: number, pairs: number): string {
  if (score >= 0.999) return CORRECT;
  if (inOrder === 0) return "Not quite: the order is reversed.";
  return `Partly right: ${inOrder} of ${pairs} pairs of items are in the right order.`;
}

export function shortAnswerFeedback(correct: boolean, expected: string): string {
  return correct ? CORRECT : `Not quite. The expected answer is ${quoted(expected)}.`;
}

export function clozeFeedback(right: number, blanks: number): string {
  if (right === blanks) return CORRECT;
  if (right === 0) return `Not quite: none of the ${plural(blanks, "blank is", "blanks are")} right.`;
  return `Partly right: ${right} of ${blanks} blanks are right.`;
}

export function codeOutputFeedback(matched: number, expectedLines: number, givenLines: number): string {
  if (matched === expectedLines && givenLines === expectedLines) return CORRECT;
  const extra =
    givenLines > expectedLines
      ? ` and ${plural(givenLines - expectedLines, "extra line", "extra lines")}`
      : "";
  if (matched === 0) return `Not quite: no line matches the expected output${extra}.`;
  return `Partly right: ${matched} of ${plural(expectedLines, "line matches", "lines match")} the expected output${extra}.`;
}

const withoutFullStop = (text: string) => text.replace(/[.\s]+$/, "");

function missedText(rubric: Rubric, index: number): string {
  const point = rubric.keyPoints[index];
  if (!point) return "";
  return withoutFullStop(point.missed ?? point.text);
}

export function explainFeedback(result: ExplainResult, rubric: Rubric): string {
  if (result.empty) return "No answer was given.";
  if (result.notEnglish) return "The answer does not read as English; answers are graded in English only.";
  if (result.keywordsOnly)
    return "Answer in sentences: a list of terms does not show how they fit together, so it earns no credit.";
  const total = rubric.keyPoints.length;
  const matched = result.keyPointsMatched.filter(Boolean).length;
  const misconceptions = [
    ...(rubric.misconceptions ?? []).filter((_, i) => result.misconceptionsMatched[i]).map((m) => m.text),
    ...result.swapped.map(swapStatement),
  ];
  const missed = result.keyPointsMatched.flatMap((m, i) => (m ? [] : [missedText(rubric, i)]));
  const wrong = misconceptions.map(withoutFullStop).join("; ");
  if (result.switchesLanguage) {
    const covered = `You covered ${matched} of ${plural(total, "key point", "key points")}`;
    const misconception = wrong ? ` and stated a misconception (${wrong})` : "";
    const missing = missed.length > 0 ? `; missing: ${missed[0]}` : "";
    return `Part of the answer is in another language and was not graded. ${covered}${misconception}${missing}.`;
  }
  if (matched === total && misconceptions.length === 0) return CORRECT;
  if (matched === 0) {
    return wrong
      ? `The answer states a misconception (${wrong}) and covers none of the key points.`
      : "The answer does not cover the key points; compare it with the reference answer.";
  }
  const rest = missed.length > 1 ? ` (and ${plural(missed.length - 1, "more point", "more points")})` : "";
  const first = missed[0] ?? "";
  if (result.verdict === "correct") {
    return `Correct: you covered ${matched} of ${total} key points. Also worth saying: ${first}${rest}.`;
  }
  const covered = `You covered ${matched} of ${plural(total, "key point", "key points")}${
    wrong ? ` but stated a misconception (${wrong})` : ""
  }.`;
  return missed.length === 0 ? covered : `${covered} Missing: ${first}${rest}.`;
}
