// How a grade becomes an FSRS rating when the learner does not rate themselves.
import type { Rating } from "./scheduler.ts";

/**
 * A correct answer given this fast is "easy": fast recall is the signal FSRS's Easy stands for.
 * Free-text answers take longer to type, so they get more time.
 */
export const FAST_ANSWER_MS = { objective: 8_000, explain: 45_000 } as const;

export function ratingFromGrade(
  grade: { verdict: "correct" | "partial" | "incorrect" },
  options: { durationMs?: number; freeText: boolean },
): Rating {
  if (grade.verdict === "incorrect") return "again";
  if (grade.verdict === "partial") return "hard";
  const fast = options.freeText ? FAST_ANSWER_MS.explain : FAST_ANSWER_MS.objective;
  return options.durationMs !== undefined && options.durationMs <= fast ? "easy" : "good";
}
