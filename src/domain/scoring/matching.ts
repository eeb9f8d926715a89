// Where a rubric phrasing is found in an answer. Phrasings and answers are analysed by nlp.ts into
// word tokens with matching keys; a phrasing is its set of content keys ("slots") and a polarity.
//
// - Key-point phrasings match loosely: every slot within WINDOW word tokens, in any order, in one
//   sentence and one assertion (not across "but", "whereas", ";"), none of the tokens negated; the
//   two words of a two-word phrasing in different clauses at most PAIR_REACH apart.
// - Misconception phrasings, and any phrasing written with a negation, match in order, inside one
//   clause; misconceptions never inside a conditional ("if you await it twice, ..."), nor across
//   two claims joined by "and" or a bracketed aside.
// - Keyword lists and runs of bare terms are not read (see reading.ts).
import { type AnalysedText, analyse, type SentenceSpan, SUBJECT_POS, type WordToken } from "./nlp.ts";

/** Word tokens a phrasing's words may spread over (at least; long phrasings get more room). */
export const WINDOW = 10;
/**
 * A two-word phrasing is usually a subject and its verb ("programmer decides"): its words may sit
 * in different clauses only this close together, or "... the programmer calls yield, coroutines
 * when the OS decides" would read as "the programmer decides".
 */
export const PAIR_REACH = 5;

export interface CompiledPhrasing {
  /** Index in the rubric's phrasings list (some phrasings compile to nothing and are dropped). */
  index: number;
  /** The distinct content keys. */
  slots: string[];
  slotOf: Map<string, number>;
  /** Slot indexes in the phrasing's word order, repeats kept ("processes ... other processes"). */
  sequence: number[];
  negative: boolean;
  /** Slots the phrasing itself puts after "by" ("preempted by the OS"). */
  agents: ReadonlySet<number>;
  /** Clause breaks the phrasing itself spans ("runs it until it finishes": one), which a match may too. */
  clauseBreaks: number;
}

/**
 * The same phrasing with one slot left out (its index and polarity kept): a phrasing of three or
 * more content words still matches when a minor one is missing ("only one thread executes
 * bytecode" is said by "only one thread executes at a time"). Which slots are minor is decided by
 * the caller (explain.ts: words the prompt already uses, and generic words like "code" or "run").
 */
export function withoutSlot(phrasing: CompiledPhrasing, drop: number): CompiledPhrasing {
  const slots = phrasing.slots.filter((_, i) => i !== drop);
  const slotOf = new Map(slots.map((key, i) => [key, i]));
  const sequence = phrasing.sequence
    .filter((slot) => slot !== drop)
    .map((slot) => (slot > drop ? slot - 1 : slot))
    .filter((slot, i, all) => i === 0 || all[i - 1] !== slot);
  const agents = new Set<number>();
  for (const slot of phrasing.agents) if (slot !== drop) agents.add(slot > drop ? slot - 1 : slot);
  return { ...phrasing, slots, slotOf, sequence, agents };
}

/** The same phrasing with two keys exchanged, in place: "threads share memory" as "processes share memory". */
export function withSwappedKeys(phrasing: CompiledPhrasing, a: string, b: string): CompiledPhrasing {
  const slots = phrasing.slots.map((key) => (key === a ? b : key === b ? a : key));
  return { ...phrasing, slots, slotOf: new Map(slots.map((key, i) => [key, i])) };
}

export function compilePhrasing(text: string, index: number): CompiledPhrasing {
  const { tokens } = analyse(text);
  const keys = tokens.filter((t) => t.content).map((t) => t.key);
  const slots = [...new Set(keys)];
  const slotOf = new Map(slots.map((key, i) => [key, i]));
  const sequence = keys
    .map((key) => slotOf.get(key) ?? 0)
    .filter((slot, i, all) => i === 0 || all[i - 1] !== slot);
  const agents = new Set<number>();
  tokens.forEach((t, i) => {
    const slot = slotOf.get(t.key);
    if (t.content && slot !== undefined && byBefore({ tokens, sentences: [] }, i)) agents.add(slot);
  });
  const clauseBreaks = (tokens.at(-1)?.clause ?? 0) - (tokens[0]?.clause ?? 0);
  return {
    index,
    slots,
    slotOf,
    sequence,
    negative: tokens.some((t) => t.negated || t.negator),
    agents,
    clauseBreaks,
  };
}

interface Hit {
  at: number;
  slot: number;
  token: WordToken;
}

/** Where a phrasing was found: word-token indexes, both ends included. */
export interface Match {
  from: number;
  to: number;
}

/** Where each content key occurs, restricted to the sentences worth reading. */
export interface AnswerIndex {
  text: AnalysedText;
  positions: Map<string, number[]>;
}

export function indexAnswer(text: AnalysedText, spans: readonly SentenceSpan[]): AnswerIndex {
  const positions = new Map<string, number[]>();
  for (const span of spans) {
    for (let i = span.start; i < span.end; i++) {
      const token = text.tokens[i];
      if (!token?.content) continue;
      for (const key of token.keys) {
        const list = positions.get(key);
        if (list) list.push(i);
        else positions.set(key, [i]);
      }
    }
  }
  return { text, positions };
}

/** Tokens that fill one of the phrasing's slots, in text order, or nothing if a slot is absent. */
const NO_HITS: readonly Hit[] = [];

function hitsFor(index: AnswerIndex, phrasing: CompiledPhrasing): readonly Hit[] {
  // Most phrasings miss a word altogether: find that out before allocating anything.
  for (const key of phrasing.slots) if (!index.positions.has(key)) return NO_HITS;
  const hits: Hit[] = [];
  for (let slot = 0; slot < phrasing.slots.length; slot++) {
    for (const i of index.positions.get(phrasing.slots[slot] ?? "") ?? []) {
      const token = index.text.tokens[i];
      if (token) hits.push({ at: i, slot, token });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/**
 * Key points: every slot within the window, in any order, inside one assertion (never across
 * "but", "whereas" or ";"), none of the tokens negated.
 */
function* looseMatches(hits: readonly Hit[], size: number, window: number): Generator<Match> {
  for (let a = 0; a < hits.length; a++) {
    const first = hits[a];
    if (!first || first.token.negated) continue;
    const seen = new Set<number>();
    for (let b = a; b < hits.length; b++) {
      const hit = hits[b];
      if (!hit || hit.at - first.at >= window || hit.token.block !== first.token.block) break;
      const farApart = size <= 2 && hit.token.clause !== first.token.clause && hit.at - first.at > PAIR_REACH;
      if (hit.token.negated || farApart) continue;
      seen.add(hit.slot);
      if (seen.size === size) {
        yield { from: first.at, to: hit.at };
        break;
      }
    }
  }
}

/**
 * Ordered matching, for misconceptions and for any phrasing written with a negation: the words in
 * the phrasing's order inside one clause ("Task is a subclass of Future" is not "Future is a
 * subclass of Task"), or in the passive, with the phrasing's first word last after "by" ("coroutines
 * are scheduled by the OS" is "the OS schedules coroutines"). A negative phrasing needs a negated
 * token in the match, an affirmative one none; a misconception is never read inside a conditional.
 */
function* orderedMatches(
  text: AnalysedText,
  hits: readonly Hit[],
  phrasing: CompiledPhrasing,
  window: number,
  misconception: boolean,
): Generator<Match> {
  const sequence = phrasing.sequence;
  // A misconception is not pieced together from inside and outside an aside: "the GIL stops threads
  // (and asyncio is single-threaded anyway) from running Python in parallel".
  // A phrasing may span the clause breaks it has itself ("switch when the programmer ..."), but
  // never into another assertion: "... switches threads; with coroutines the programmer ...".
  const usable = (hit: Hit, first: Hit) =>
    hit.token.block === first.token.block &&
    hit.token.clause - first.token.clause <= phrasing.clauseBreaks &&
    hit.token.clause >= first.token.clause &&
    (phrasing.negative || !hit.token.negated) &&
    (!misconception || hit.token.aside === first.token.aside);
  const accept = (from: number, to: number) => {
    const span = text.tokens.slice(from, to + 1);
    if (misconception && span.some((t) => t.conditional || t.question)) return false;
    return phrasing.negative ? span.some((t) => t.negated) : !span.some((t) => t.negated && t.content);
  };
  for (let a = 0; a < hits.length; a++) {
    const first = hits[a];
    if (!first || first.slot !== sequence[0] || !usable(first, first)) continue;
    // "threads of one process share memory" is not "processes share memory": a misconception's
    // subject is not the object of a preposition.
    if (misconception && objectOfPreposition(text, first.at)) continue;
    // Active voice: the phrasing's words in its order.
    let next = 1;
    let last = first;
    // "the subroutine is called by the main function" is not "the subroutine calls the main
    // function": a later word that is the agent of a passive reverses the claim.
    let reversed = false;
    for (let b = a + 1; b < hits.length && next < sequence.length; b++) {
      const hit = hits[b];
      if (!hit || hit.at - first.at >= window) break;
      // "asyncio gives concurrency and multiprocessing gives parallelism": past "and", a subject
      // and a verb of its own start another claim; the words after them belong to that one.
      if (
        misconception &&
        hit.token.segment !== last.token.segment &&
        newClaimBetween(text, first.at, hit.at)
      )
        break;
      if (hit.slot === sequence[next] && usable(hit, first)) {
        if (byBefore(text, hit.at) && !phrasing.agents.has(hit.slot)) reversed = true;
        next++;
        last = hit;
      }
    }
    if (next === sequence.length && !reversed && accept(first.at, last.at))
      yield { from: first.at, to: last.at };
    // Passive voice: the first word is the agent, after "by", once the others have been seen.
    if (sequence.length > 1 && byBefore(text, first.at)) {
      const needed = new Set(sequence.slice(1));
      let from = first.at;
      for (let b = a - 1; b >= 0 && needed.size > 0; b--) {
        const hit = hits[b];
        if (!hit || first.at - hit.at >= window) break;
        if (needed.has(hit.slot) && usable(hit, first)) {
          needed.delete(hit.slot);
          from = hit.at;
        }
      }
      if (needed.size === 0 && accept(from, first.at)) yield { from, to: first.at };
    }
  }
}

/**
 * Does the list item that `to` is in start a claim of its own: a subject and then a verb (up to
 * `to`), after a first item with a verb of its own? "asyncio and multiprocessing give
 * parallelism" shares its verb, and "the OS manages them and preempts a coroutine" its subject.
 */
function newClaimBetween(text: AnalysedText, from: number, to: number): boolean {
  const segment = text.tokens[to]?.segment;
  let start = to;
  while (start - 1 > from && text.tokens[start - 1]?.segment === segment) start--;
  let earlierVerb = false;
  for (let i = from; i < start; i++) if (text.tokens[i]?.verb) earlierVerb = true;
  if (!earlierVerb) return false;
  let subject = false;
  for (let i = start; i <= to; i++) {
    const token = text.tokens[i];
    if (!token) continue;
    if (subject && token.verb) return true;
    if (SUBJECT_POS.has(token.pos)) subject = true;
  }
  return false;
}

const PREPOSITIONS: ReadonlySet<string> = new Set(["of", "in", "inside", "within", "from", "between"]);
const NOUN_PHRASE_STARTERS: ReadonlySet<string> = new Set(["DET", "NUM", "ADJ"]);

/**
 * Is the token at `at` the object of a preposition after a noun or a verb ("threads of one
 * process", "memory in the same process", "threads live inside the process and share ...")? "Each
 * of the threads" still has "threads" for its subject.
 */
function objectOfPreposition(text: AnalysedText, at: number): boolean {
  const sentence = text.tokens[at]?.sentence;
  for (let i = at - 1; i >= 1 && i >= at - 3; i--) {
    const token = text.tokens[i];
    if (!token || token.sentence !== sentence) return false;
    if (PREPOSITIONS.has(token.value)) {
      const before = text.tokens[i - 1];
      return (
        before?.sentence === sentence && (before.pos === "NOUN" || before.pos === "PROPN" || before.verb)
      );
    }
    if (!NOUN_PHRASE_STARTERS.has(token.pos)) return false;
  }
  return false;
}

/** Is the token at `at` the agent of a passive ("by the OS")? */
function byBefore(text: AnalysedText, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
    const value = text.tokens[i]?.value;
    if (value === "by") return true;
    if (value !== "the" && value !== "a" && value !== "an") return false;
  }
  return false;
}

/**
 * How to read a phrasing: as a key point (loosely, unless it has a negation), as a misconception
 * (in order, never in a conditional), or as a statement (in order: used to ask whether the prompt
 * already says it).
 */
export type MatchMode = "key-point" | "misconception" | "statement";

/** The first place where the phrasing is found (one sentence at a time) that `allowed` accepts. */
export function findPhrasing(
  index: AnswerIndex,
  phrasing: CompiledPhrasing,
  mode: MatchMode,
  allowed?: (match: Match) => boolean,
): Match | undefined {
  const misconception = mode === "misconception";
  const hits = hitsFor(index, phrasing);
  if (hits.length === 0) return undefined;
  const size = phrasing.slots.length;
  const window = Math.max(WINDOW, size + 6);
  let from = 0;
  while (from < hits.length) {
    const sentence = hits[from]?.token.sentence;
    let to = from;
    while (to < hits.length && hits[to]?.token.sentence === sentence) to++;
    const inSentence = hits.slice(from, to);
    from = to;
    if (new Set(inSentence.map((h) => h.slot)).size < size) continue;
    const matches =
      mode !== "key-point" || phrasing.negative
        ? orderedMatches(index.text, inSentence, phrasing, window, misconception)
        : looseMatches(inSentence, size, window);
    for (const match of matches) if (!allowed || allowed(match)) return match;
  }
  return undefined;
}
