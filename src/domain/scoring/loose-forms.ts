// Looser forms of key-point phrasings, tried when no phrasing is found as written: a phrasing
// less one minor word (a word of the prompt, or a generic one like "code"), and, for major key
// points, a phrasing or the key point's own text less up to a quarter of its distinctive words.
// Every form must still say something the prompt does not (novelty).
import { type CompiledPhrasing, findPhrasing, indexAnswer, withoutSlot } from "./matching.ts";
import { type AnalysedText, analyse } from "./nlp.ts";

/**
 * Generic words a phrasing of three or more content words may go without: "only one thread runs
 * python code" is still said by "only one thread runs at a time".
 */
const GENERIC_WORDS =
  "code python program programs cpython bytecode run runs running execute executes use uses make makes get gets do does work works thing things even still actually really always also just whole entire";
const QUANTITY_KEYS: ReadonlySet<string> = new Set(["g:single", "g:multiple", "g:all", "g:other"]);
let genericKeySet: ReadonlySet<string> | undefined;
function genericKeys(): ReadonlySet<string> {
  genericKeySet ??= new Set(analyse(GENERIC_WORDS).tokens.map((t) => t.key));
  return genericKeySet;
}
export function minorKeys(prompt: AnalysedText): Set<string> {
  const keys = new Set(genericKeys());
  // The prompt's topic words ("threads", "the event loop"), not its quantities ("one of them").
  for (const t of prompt.tokens) if (t.content && !QUANTITY_KEYS.has(t.key)) keys.add(t.key);
  return keys;
}

/**
 * Collects looser forms of phrasings: each set of words once, and only forms that say something
 * the prompt does not.
 */
function formCollector(prompt: AnalysedText): {
  forms: CompiledPhrasing[];
  add(form: CompiledPhrasing): void;
} {
  const forms: CompiledPhrasing[] = [];
  const seen = new Set<string>();
  return {
    forms,
    add(form) {
      const id = [...form.slots].sort().join(" ");
      if (seen.has(id)) return;
      seen.add(id);
      if (novelty([form], prompt)[0] === true) forms.push(form);
    },
  };
}

/** Phrasings that may miss one slot before a key point is given up on. */
export const RELAX_MIN_SLOTS = 3;
/** Words a relaxed form keeps that are neither prompt words nor generic ones. */
export const RELAXED_OWN_WORDS = 1;

/**
 * Looser forms of a key point's phrasings: an affirmative phrasing of RELAX_MIN_SLOTS or more
 * content words, less one minor word (a word of the prompt, which the answer's topic makes
 * redundant, or a generic one). A form that only repeats the prompt is no credit.
 */
export function relaxedForms(
  phrasings: readonly CompiledPhrasing[],
  novel: readonly boolean[],
  prompt: AnalysedText,
  minor: ReadonlySet<string>,
): CompiledPhrasing[] {
  const collected = formCollector(prompt);
  phrasings.forEach((p, i) => {
    if (novel[i] !== true || p.negative || p.slots.length < RELAX_MIN_SLOTS) return;
    p.slots.forEach((key, slot) => {
      if (!minor.has(key)) return;
      const form = withoutSlot(p, slot);
      // What is left must still say something of its own, a word neither the prompt's nor generic:
      // "threads and asyncio run concurrently" less "concurrently" is only the prompt's topics.
      if (form.slots.filter((k) => !minor.has(k)).length >= RELAXED_OWN_WORDS) collected.add(form);
    });
  });
  return collected.forms;
}

/** Distinctive words a majority form needs at least; it may miss one in MAJORITY_SHARE of them. */
export const MAJORITY_MIN_WORDS = 4;
export const MAJORITY_SHARE = 4;
/** Words a majority form never leaves out: quantities, exclusivity, identity, order. */
const CLAIM_WORDS =
  "only once single one own separate same each every all many multiple several instead never first any other";
let claimKeySet: ReadonlySet<string> | undefined;
function claimKeys(): ReadonlySet<string> {
  claimKeySet ??= new Set([...analyse(CLAIM_WORDS).tokens.map((t) => t.key), ...QUANTITY_KEYS]);
  return claimKeySet;
}

/** Keys an analogy is never read as: quantities, exclusivity and generic words like "code". */
let vagueKeySet: ReadonlySet<string> | undefined;
export function vagueKeys(): ReadonlySet<string> {
  vagueKeySet ??= new Set([...claimKeys(), ...genericKeys()]);
  return vagueKeySet;
}

/**
 * Looser forms of a major key point: each affirmative phrasing, and the key point's own text, with
 * its minor words (prompt and generic words) set aside, less up to one in MAJORITY_SHARE of its
 * remaining distinctive words, when MAJORITY_MIN_WORDS or more remain. "The loop resumes the
 * coroutine from where it left off" is still said by "it resumes the coroutine where it stopped":
 * a strong majority of the distinctive words in one sentence and one window. Negative phrasings
 * keep every word (the negation is the point), and a form must say something the prompt does not.
 */
export function majorityForms(
  phrasings: readonly CompiledPhrasing[],
  novel: readonly boolean[],
  prompt: AnalysedText,
  minor: ReadonlySet<string>,
): CompiledPhrasing[] {
  const collected = formCollector(prompt);
  phrasings.forEach((p, i) => {
    if (novel[i] === false || p.negative) return;
    let form = p;
    for (let slot = form.slots.length - 1; slot >= 0; slot--) {
      if (minor.has(form.slots[slot] ?? "")) form = withoutSlot(form, slot);
    }
    const n = form.slots.length;
    if (n < MAJORITY_MIN_WORDS) return;
    const drop = Math.floor(n / MAJORITY_SHARE);
    const subsets = (from: number, left: number, base: CompiledPhrasing): CompiledPhrasing[] => {
      if (left === 0) return [base];
      const out: CompiledPhrasing[] = [];
      // Words that carry the claim itself ("only", "once", "own", "same") are never left out.
      for (let slot = from; slot >= 0; slot--) {
        if (!claimKeys().has(base.slots[slot] ?? ""))
          out.push(...subsets(slot - 1, left - 1, withoutSlot(base, slot)));
      }
      return out;
    };
    for (const candidate of subsets(n - 1, drop, form)) collected.add(candidate);
  });
  return collected.forms;
}

/**
 * A phrasing gives no credit when the prompt already says it: all its words are prompt words and
 * the prompt states them in that order, with that polarity. Echoing "why do threads not run in
 * parallel?" earns nothing, while answering "do coroutines run in parallel?" with "they do not run
 * in parallel", or "which of threading and multiprocessing gives parallelism?" with
 * "multiprocessing gives parallelism", does.
 */
export function novelty(phrasings: readonly CompiledPhrasing[], prompt: AnalysedText): boolean[] {
  const index = indexAnswer(prompt, prompt.sentences);
  return phrasings.map((p) => {
    if (p.slots.some((key) => !index.positions.has(key))) return true;
    return findPhrasing(index, p, "statement") === undefined;
  });
}
