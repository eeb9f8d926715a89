// Converting between the `cards` row, the scheduler's CardState, the JSON snapshots in the
// review log, and the CardView clients see.
import type { CardState } from "../../domain/scheduling/scheduler.ts";
import type { CardView } from "./study.schemas.ts";

/** What a card carries beside its scheduling state. */
export interface CardFlags {
  suspended: boolean;
  leech: boolean;
}

export interface CardRow extends CardState, CardFlags {
  questionId: string;
}

/**
 * What the log keeps of a card before and after a review: enough to restore it exactly. The
 * scheduling state with its dates as ISO strings (it is stored as JSON), and the flags.
 */
export type CardSnapshot = Omit<CardState, "due" | "lastReview"> & {
  due: string;
  lastReview: string | null;
} & CardFlags;

export function toCardState(row: CardRow): CardState {
  return {
    state: row.state,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
  };
}

export function toSnapshot(state: CardState, flags: CardFlags): CardSnapshot {
  return {
    ...state,
    due: state.due.toISOString(),
    lastReview: state.lastReview ? state.lastReview.toISOString() : null,
    ...flags,
  };
}

/** The column values a snapshot restores. */
export function fromSnapshot(snapshot: CardSnapshot) {
  return {
    state: snapshot.state,
    due: new Date(snapshot.due),
    stability: snapshot.stability,
    difficulty: snapshot.difficulty,
    scheduledDays: snapshot.scheduledDays,
    learningSteps: snapshot.learningSteps,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    lastReview: snapshot.lastReview ? new Date(snapshot.lastReview) : null,
    suspended: snapshot.suspended,
    leech: snapshot.leech,
  };
}

export function toCardView(row: CardRow): CardView {
  return {
    questionId: row.questionId,
    state: row.state,
    due: row.due.toISOString(),
    stability: row.stability,
    difficulty: row.difficulty,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview ? row.lastReview.toISOString() : null,
    suspended: row.suspended,
    leech: row.leech,
  };
}
