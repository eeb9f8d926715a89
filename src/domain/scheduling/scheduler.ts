// Our one door to FSRS (ts-fsrs 5, FSRS-6 default parameters): everything else speaks in
// CardState and Rating and never imports ts-fsrs. Pure: time comes in as arguments.
import {
  type Card,
  createEmptyCard,
  type Grade as FsrsGrade,
  Rating as FsrsRating,
  State as FsrsState,
  fsrs,
} from "ts-fsrs";

export const cardStates = ["new", "learning", "review", "relearning"] as const;
export type CardStateName = (typeof cardStates)[number];
export const ratings = ["again", "hard", "good", "easy"] as const;
export type Rating = (typeof ratings)[number];

/** A card's scheduling state, as stored in the `cards` row and in the review log's snapshots. */
export interface CardState {
  state: CardStateName;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

/** A card that lapses this often is a leech: it is suspended and flagged (Anki's default threshold). */
export const LEECH_LAPSES = 8;

const toFsrsState: Record<CardStateName, FsrsState> = {
  new: FsrsState.New,
  learning: FsrsState.Learning,
  review: FsrsState.Review,
  relearning: FsrsState.Relearning,
};
const fromFsrsState: Record<FsrsState, CardStateName> = {
  [FsrsState.New]: "new",
  [FsrsState.Learning]: "learning",
  [FsrsState.Review]: "review",
  [FsrsState.Relearning]: "relearning",
};
const toFsrsRating: Record<Rating, FsrsGrade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

export function toFsrsCard(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: toFsrsState[card.state],
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrsCard(card: Card): CardState {
  return {
    state: fromFsrsState[card.state],
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}

/** The scheduler for one learner's desired retention; intervals are fuzzed (deterministically per card state). */
export function schedulerFor(desiredRetention: number) {
  return fsrs({ request_retention: desiredRetention, enable_fuzz: true });
}

export function newCardState(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(now));
}

/** The card after one review with `rating` at `now`. */
export function scheduleReview(
  card: CardState,
  rating: Rating,
  now: Date,
  desiredRetention: number,
): CardState {
  return fromFsrsCard(schedulerFor(desiredRetention).next(toFsrsCard(card), now, toFsrsRating[rating]).card);
}

/** Rebuilds a card from its review log (oldest first): the log is the source of truth. */
export function replayReviews(
  reviews: { rating: Rating; reviewedAt: Date; desiredRetention: number }[],
  createdAt: Date,
): CardState {
  return reviews.reduce(
    (card, r) => scheduleReview(card, r.rating, r.reviewedAt, r.desiredRetention),
    newCardState(createdAt),
  );
}

/** Predicted probability of recalling the card at `at` (FSRS forgetting curve); 0 for a card never reviewed. */
export function recallProbability(card: CardState, at: Date): number {
  if (card.state === "new" || card.lastReview === null) return 0;
  return schedulerFor(0.9).get_retrievability(toFsrsCard(card), at, false);
}
