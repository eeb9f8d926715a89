// Topics: a misconception about one of two terms that answers contrast (subroutines and coroutines,
// threads and processes, ...) is not stated where the answer speaks of the other term: "the
// contrast people draw with coroutines, which can stop in the middle and carry on later" says
// nothing wrong about subroutines. The term a claim is about is read only where it is plain: named
// earlier in the claim's own clause, or right before the relative clause that holds the claim
// ("coroutines, which ...").
import type { Match } from "./matching.ts";
import { type AnalysedText, analyse } from "./nlp.ts";
import { termPairs } from "./swaps.ts";
import { CONTRASTED_TERMS } from "./synonyms.ts";

export interface Topic {
  key: string;
  /** The terms it is contrasted with. */
  others: ReadonlySet<string>;
}

const RELATIVE_OPENERS: ReadonlySet<string> = new Set(["which", "that", "who", "where"]);

/**
 * The one contrasted term a misconception's text names: what its claim is about. A text that names
 * two ("threads are the heavy ones, processes the light ones") relates them and has no topic.
 */
export function topicOf(text: string): Topic | undefined {
  const pairs = termPairs(CONTRASTED_TERMS).map((pair) => pair.keys);
  const terms = new Set(pairs.flat());
  const named = new Set(analyse(text).tokens.flatMap((t) => t.keys.filter((key) => terms.has(key))));
  if (named.size !== 1) return undefined;
  const [key] = [...named];
  if (key === undefined) return undefined;
  const others = new Set(pairs.flatMap(([a, b]) => (a === key ? [b] : b === key ? [a] : [])));
  return { key, others };
}

/** Is the match a claim about a term the topic is contrasted with, not about the topic? */
export function saidOfOther(text: AnalysedText, m: Match, topic: Topic | undefined): boolean {
  if (topic === undefined) return false;
  const { tokens } = text;
  const first = tokens[m.from];
  if (!first) return false;
  const names = (at: number, keys: ReadonlySet<string> | string) =>
    tokens[at]?.keys.some((key) => (typeof keys === "string" ? key === keys : keys.has(key))) === true;
  for (let at = m.from; at <= m.to; at++) if (names(at, topic.key)) return false;
  // The claim's clause, up to the match: the topic named anywhere in it ("coroutines are just
  // threads whose ...") makes the claim the topic's.
  let start = m.from;
  let other = false;
  while (start > 0 && tokens[start - 1]?.clause === first.clause) {
    start--;
    if (names(start, topic.key)) return false;
    if (names(start, topic.others)) other = true;
  }
  if (other) return true;
  const opener = tokens[start];
  const before = start - 1;
  return (
    opener !== undefined &&
    RELATIVE_OPENERS.has(opener.value) &&
    tokens[before]?.sentence === first.sentence &&
    names(before, topic.others)
  );
}
