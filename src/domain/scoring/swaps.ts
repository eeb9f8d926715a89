// Swapped roles: "concurrency is when tasks run on several cores and parallelism is when they take
// turns" uses every word of the key points, each about the wrong term. When a question contrasts
// two terms (its prompt names both: "concurrency" and "parallelism", "a process and a thread"),
// each key-point phrasing that names one of them is also read with the two exchanged, in order and
// inside one clause, as misconceptions are. Found, it is a misconception: the answer says of one
// term what the rubric says of the other.
import {
  type AnswerIndex,
  type CompiledPhrasing,
  findPhrasing,
  type Match,
  withSwappedKeys,
} from "./matching.ts";
import { type AnalysedText, analyse, type WordToken } from "./nlp.ts";
import { CONTRASTED_IN_RUBRIC, CONTRASTED_TERMS } from "./synonyms.ts";

const QUANTITY_KEYS: ReadonlySet<string> = new Set(["g:single"]);

/** Content words a phrasing needs besides the swapped term: "multiprocessing parallelism" is too bare. */
export const SWAP_MIN_OTHER_WORDS = 2;

export interface CompiledSwap {
  keyPoint: number;
  /** The key point's phrasing with the two terms exchanged. */
  swapped: CompiledPhrasing;
  original: CompiledPhrasing;
  /**
   * For a phrasing that leaves its key point's topic unsaid ("multiple cores" for "Parallelism:
   * tasks execute on multiple cores"): the topic's key, which must not be in the phrasing's list
   * item, while the wrong term (wrongKey) must come before the phrasing in it ("concurrency runs
   * on multiple cores", not "... multiple cores for parallelism" or "cheaper than threads").
   */
  topicKey?: string;
  /** The terms as written: the phrasing is about `right`; the swapped form says it of `wrong`. */
  right: string;
  wrong: string;
  /** The wrong term's key: the answer must name it, not reach it through an analogy's story word. */
  wrongKey: string;
}

interface TermPair {
  keys: readonly [string, string];
  words: readonly [string, string];
  /** A key point names its topic anywhere in its text, not only as its first word. */
  anywhere?: boolean;
}

const pairsOf = new Map<readonly (readonly [string, string])[], TermPair[]>();
/** The pairs with the keys their words are matched on, analysed once per list. */
export function termPairs(list: readonly (readonly [string, string])[]): TermPair[] {
  let pairs = pairsOf.get(list);
  if (!pairs) {
    pairs = list.map(([a, b]) => ({
      keys: [analyse(a).tokens[0]?.key ?? a, analyse(b).tokens[0]?.key ?? b],
      words: [a, b],
    }));
    pairsOf.set(list, pairs);
  }
  return pairs;
}

/**
 * The swapped forms of a rubric's key-point phrasings, for the term pairs its prompt contrasts.
 * `novel` says which phrasings give credit at all (see explain.ts).
 */
export function compileSwaps(
  keyPoints: readonly (readonly CompiledPhrasing[])[],
  novel: readonly (readonly boolean[])[],
  prompt: AnalysedText,
  keyPointTexts: readonly string[],
): CompiledSwap[] {
  const promptKeys = new Set(prompt.tokens.flatMap((t) => t.keys));
  const topics = keyPointTexts.map((text) => {
    const { tokens } = analyse(text);
    return { first: tokens.find((t) => t.content)?.key, keys: new Set(tokens.flatMap((t) => t.keys)) };
  });
  // The rubric contrasts them too when its key points name both ("I/O-bound ... CPU-bound").
  const pointKeys = new Set(topics.flatMap((topic) => [...topic.keys]));
  const contrasted = [
    ...termPairs(CONTRASTED_TERMS).filter((p) => p.keys.every((k) => promptKeys.has(k))),
    ...termPairs(CONTRASTED_IN_RUBRIC)
      .filter((p) => p.keys.every((k) => pointKeys.has(k)))
      .map((p) => ({ ...p, anywhere: true })),
  ];
  if (contrasted.length === 0) return [];
  // A swapped form that is itself a key-point phrasing ("threads and processes both ...") is no swap.
  const said = new Set(keyPoints.flat().map((p) => [...p.slots].sort().join(" ")));
  const swaps: CompiledSwap[] = [];
  keyPoints.forEach((phrasings, k) => {
    phrasings.forEach((p, i) => {
      // "Only one coroutine runs at a time" holds of threads under the GIL too: a count is no role.
      if (novel[k]?.[i] !== true || p.negative || p.slots.some((key) => QUANTITY_KEYS.has(key))) return;
      for (const { keys, words, anywhere } of contrasted) {
        const [a, b] = keys;
        const hasA = p.slotOf.has(a);
        const hasB = p.slotOf.has(b);
        if (!hasA && !hasB) {
          // The key point's topic is its text's first word ("Parallelism: ...", "Threads are
          // ..."), when the text does not name the other term too ("..., whereas a subroutine
          // has one": its phrasings may be about either).
          const topic = topics[k];
          if (!topic || (topic.keys.has(a) && topic.keys.has(b))) continue;
          const named = anywhere ? keys.find((key) => topic.keys.has(key)) : topic.first;
          if (named !== a && named !== b) continue;
          if (p.slots.length < SWAP_MIN_OTHER_WORDS) continue;
          const aIsTopic = named === a;
          swaps.push({
            keyPoint: k,
            swapped: p,
            original: p,
            right: aIsTopic ? words[0] : words[1],
            wrong: aIsTopic ? words[1] : words[0],
            wrongKey: aIsTopic ? b : a,
            topicKey: aIsTopic ? a : b,
          });
          continue;
        }
        const others = p.slots.filter((key) => key !== a && key !== b).length;
        if (others < SWAP_MIN_OTHER_WORDS) continue;
        const swapped = withSwappedKeys(p, a, b);
        if (hasA !== hasB && said.has([...swapped.slots].sort().join(" "))) continue;
        const right = hasA ? words[0] : words[1];
        const wrong = hasA ? words[1] : words[0];
        swaps.push({ keyPoint: k, swapped, original: p, right, wrong, wrongKey: hasA ? b : a });
      }
    });
  });
  return swaps;
}

export interface FoundSwap {
  swap: CompiledSwap;
  matches: Match[];
}

/**
 * The swaps an answer states: the swapped form, in order in one clause (never in a condition, a
 * question or a reported myth), in a sentence that does not also state the original ("both
 * threads and processes ..." is no swap).
 */
export function findSwaps(index: AnswerIndex, swaps: readonly CompiledSwap[]): FoundSwap[] {
  const found: FoundSwap[] = [];
  const tokens = index.text.tokens;
  for (const swap of swaps) {
    const matches: Match[] = [];
    findPhrasing(index, swap.swapped, "misconception", (m) => {
      const { topicKey } = swap;
      if (topicKey !== undefined) {
        // The match's list item: the run of tokens around it in the same sentence and segment.
        const at = tokens[m.from];
        const inItem = (i: number) =>
          tokens[i]?.sentence === at?.sentence && tokens[i]?.segment === at?.segment;
        let start = m.from;
        while (start > 0 && inItem(start - 1)) start--;
        let end = m.to;
        while (end + 1 < tokens.length && inItem(end + 1)) end++;
        const before = tokens.slice(start, m.from);
        // A heading names the subject of its sentence only when nothing in it names the other
        // term ("subroutine: one way in. coroutine: can stop halfway", read as one sentence).
        const headed = () =>
          headingOf(tokens, at?.sentence).has(swap.wrongKey) &&
          !tokens.some((t) => t.sentence === at?.sentence && t.keys.includes(topicKey));
        if (!before.some((t) => t.key === swap.wrongKey) && !headed()) return false;
        if (tokens.slice(start, end + 1).some((t) => t.keys.includes(topicKey))) return false;
        matches.push(m);
        return false;
      }
      if (!tokens.slice(m.from, m.to + 1).some((t) => t.key === swap.wrongKey)) return false;
      const sentence = tokens[m.from]?.sentence;
      const alsoRight = findPhrasing(
        index,
        swap.original,
        "misconception",
        (o) => tokens[o.from]?.sentence === sentence,
      );
      if (alsoRight === undefined) matches.push(m);
      return false;
    });
    if (matches.length > 0) found.push({ swap, matches });
  }
  return found;
}

/** Content words a sentence's heading may have: "With a subroutine:", "Threads:" (not "Generalised subroutine:"). */
export const HEADING_WORDS = 1;

/**
 * The keys of the heading a sentence opens with, if it has one: a few words before a colon that
 * comes early ("With a subroutine: you can pause it halfway, ... and resume it later" says all of
 * it of subroutines). Empty when the sentence has no such heading.
 */
function headingOf(tokens: readonly WordToken[], sentence: number | undefined): ReadonlySet<string> {
  const start = tokens.findIndex((t) => t.sentence === sentence);
  if (start < 0) return new Set();
  const keys = new Set<string>();
  for (let i = start; i < tokens.length && tokens[i]?.sentence === sentence; i++) {
    const token = tokens[i];
    if (!token) break;
    if (token.afterColon) return i > start ? keys : new Set();
    if (token.content) keys.add(token.key);
    if (keys.size > HEADING_WORDS || i - start > HEADING_WORDS + 2) return new Set();
  }
  return new Set();
}

/** How a swap is reported, as a misconception: "Says of threads what holds for processes". */
export function swapStatement(swap: { right: string; wrong: string }): string {
  return `Says of ${plural(swap.wrong)} what holds for ${plural(swap.right)}`;
}

function plural(term: string): string {
  if (term.endsWith("bound")) return `${term} work`;
  return /(?:ism|ency|ing)$/.test(term) ? term : term.endsWith("s") ? `${term}es` : `${term}s`;
}
