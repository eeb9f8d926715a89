// Random draws for quiz items `{ draw: { topic?, type?, difficulty?, count } }`. Several draws of
// one quiz may overlap (a topic draw and a type draw can match the same question) and no question
// may appear twice in an attempt, so picking greedily can fail where an answer exists. This treats
// it as a bipartite matching (each draw slot to a distinct question), solved by augmenting paths
// over randomly ordered pools: any feasible quiz is always drawn, and the pick is random.
import { type Random, shuffled } from "./random.ts";

export interface DrawSlot {
  /** Ids of the questions matching this draw's filter. */
  pool: readonly string[];
  count: number;
}

/**
 * Picks `count` distinct questions for each slot, none in `exclude` and none twice overall.
 * Returns one id list per slot, or null when the pools cannot supply that many.
 */
export function drawQuestions(
  slots: readonly DrawSlot[],
  exclude: ReadonlySet<string>,
  random: Random,
): string[][] | null {
  const seats: string[][] = slots.map((slot) =>
    shuffled(
      slot.pool.filter((id) => !exclude.has(id)),
      random,
    ),
  );
  // One left node per question to draw: seat i belongs to slot owner[i].
  const owner: number[] = slots.flatMap((slot, index) => Array.from({ length: slot.count }, () => index));
  const takenBy = new Map<string, number>();
  const assigned: (string | undefined)[] = owner.map(() => undefined);

  const augment = (seat: number, seen: Set<string>): boolean => {
    for (const id of seats[owner[seat] ?? 0] ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const holder = takenBy.get(id);
      if (holder === undefined || augment(holder, seen)) {
        takenBy.set(id, seat);
        assigned[seat] = id;
        return true;
      }
    }
    return false;
  };

  for (let seat = 0; seat < owner.length; seat += 1) {
    if (!augment(seat, new Set())) return null;
  }
  const picks: string[][] = slots.map(() => []);
  assigned.forEach((id, seat) => {
    const slot = owner[seat];
    if (id !== undefined && slot !== undefined) picks[slot]?.push(id);
  });
  return picks;
}
