// Totals of a graded attempt: points per item (a recruiter's override wins over the automatic
// grade), score, percent, pass, and the breakdown per topic. Pure, so the list, the detail, the
// CSV and the report all count the same way.

export interface ScoredItem {
  questionId: string;
  maxPoints: number;
  topics: readonly string[];
  /** Points from the automatic grade; null when unanswered. */
  autoPoints: number | null;
  overridePoints: number | null;
}

export interface AttemptTotals {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean | null;
  topics: { topic: string; score: number; maxScore: number }[];
}

/** Rounds to 2 decimals, so totals of floats read well and compare exactly in tests. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function itemPoints(item: Pick<ScoredItem, "autoPoints" | "overridePoints">): number {
  return item.overridePoints ?? item.autoPoints ?? 0;
}

export function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? round2((score / maxScore) * 100) : 0;
}

export function attemptTotals(items: readonly ScoredItem[], passingPercent: number | null): AttemptTotals {
  const byTopic = new Map<string, { score: number; maxScore: number }>();
  let score = 0;
  let maxScore = 0;
  for (const item of items) {
    const points = itemPoints(item);
    score += points;
    maxScore += item.maxPoints;
    for (const topic of item.topics) {
      const entry = byTopic.get(topic) ?? { score: 0, maxScore: 0 };
      entry.score += points;
      entry.maxScore += item.maxPoints;
      byTopic.set(topic, entry);
    }
  }
  const percent = percentOf(score, maxScore);
  return {
    score: round2(score),
    maxScore: round2(maxScore),
    percent,
    passed: passingPercent === null ? null : percent >= passingPercent,
    topics: [...byTopic.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([topic, t]) => ({ topic, score: round2(t.score), maxScore: round2(t.maxScore) })),
  };
}
