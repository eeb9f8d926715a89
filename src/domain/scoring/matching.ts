// Where a rubric phrasing is found in an answer. Phrasings and answers are analysed by nlp.ts into
// word tokens with matching keys; a phrasing is its set of content keys ("slots") and a polarity.
//
// - Key-point phrasings match loosely: every slot within WINDOW word tokens, in any order, in one
//   sentence and one assertion (not across "but", "whereas", ";"), none of the tokens negated; the
//   two words of a two-word phrasing in different clauses at most PAIR_REACH apart.
// - Misconception phrasings, and any phrasing written with a negation, match in order, inside one
//   clause; misconceptions never inside a conditional ("if you await it twice, ...").
// - Keyword lists and runs of bare terms are not read (see readableSentences).
import { type AnalysedText, ARROW_CHAIN, analyse, type SentenceSpan, type WordToken } from "./nlp.ts";
import { LIST_SEPARATORS } from "./synonyms.ts";

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
  return { index: phrasing.index, slots, slotOf, sequence, negative: phrasing.negative, agents };
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
  return { index, slots, slotOf, sequence, negative: tokens.some((t) => t.negated || t.negator), agents };
}

/** A sentence that is a list of short items: "GIL, mutex, threads" or "pending, cancelled, done". */
function isList(tokens: readonly WordToken[]): boolean {
  const hasVerb = tokens.some((t) => t.verb);
  const segments = new Map<number, number>();
  for (const t of tokens) {
    if (!LIST_SEPARATORS.has(t.value)) segments.set(t.segment, (segments.get(t.segment) ?? 0) + 1);
  }
  const sizes = [...segments.values()];
  const shortItems = (max: number) => sizes.every((n) => n <= max);
  return (sizes.length >= 3 && shortItems(3) && !hasVerb) || (sizes.length >= 4 && shortItems(2));
}

/** A run of terms with no separator and not a single stop word: "GIL mutex threads multiprocessing". */
function isSalad(tokens: readonly WordToken[]): boolean {
  if (tokens.some((t) => isFunctionWord(t) || t.segment !== tokens[0]?.segment)) return false;
  // A stop word that is no function word ("done", "first") is still a term of the list.
  const terms = tokens.filter((t) => t.content || t.stop).length;
  return (!tokens.some((t) => t.verb && !t.stop) && terms >= 4) || terms >= 6;
}

const FUNCTION_POS: ReadonlySet<string> = new Set(["DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART"]);
/** Articles, prepositions, pronouns, auxiliaries and conjunctions: what a sentence has and a list lacks. */
function isFunctionWord(t: WordToken): boolean {
  return t.negator || (t.stop && FUNCTION_POS.has(t.pos));
}

export interface SentenceReading {
  spans: SentenceSpan[];
  keywordsOnly: boolean;
}

/**
 * The sentences worth reading, and whether the whole answer is a keyword list.
 * - A salad sentence (see isSalad) is never read.
 * - The answer is keywords only when at least KEYWORD_SHARE of its words are in lists or salads,
 *   when it has no verb at all and at least half its sentences are single words ("GIL.
 *   Threads."), or when the whole answer is a list of terms and phrases (see isTermList; it needs
 *   the raw text for its commas). Then nothing is read and it scores 0.
 * - Otherwise list sentences are read like any other: "Kinds: coroutines, Tasks, Futures" inside
 *   an explanation is an answer, and notes like "I/O releases GIL, threads overlap waits" are
 *   often tagged without a verb by wink.
 */
export const KEYWORD_SHARE = 0.6;
export function readableSentences(text: AnalysedText, answer: string): SentenceReading {
  let listWords = 0;
  const spans: SentenceSpan[] = [];
  for (const span of text.sentences) {
    const tokens = text.tokens.slice(span.start, span.end);
    const salad = isSalad(tokens);
    if (salad || isList(tokens)) listWords += tokens.length;
    if (!salad) spans.push(span);
  }
  const words = text.tokens.length;
  const noVerbAtAll = !text.tokens.some((t) => t.verb);
  const singleWords = text.sentences.filter((s) => s.end - s.start <= 1).length;
  const keywordsOnly =
    words > 0 &&
    (listWords >= KEYWORD_SHARE * words ||
      (noVerbAtAll && singleWords * 2 >= text.sentences.length) ||
      isLineList(text) ||
      isTermList(answer, text));
  return { spans: keywordsOnly ? [] : spans, keywordsOnly };
}

/**
 * Lines (or sentences) of a few words, most without a verb: "- mutual exclusion lock\n- CPython
 * only\n- one thread at a time\n- bytecode execution". Bullet points that say something have a
 * verb in most lines.
 */
export const LINE_LIST_MIN_LINES = 3;
export const LINE_LIST_MAX_WORDS = 5;
export const LINE_LIST_SHARE = 0.75;
function isLineList(text: AnalysedText): boolean {
  const lines = text.sentences;
  if (lines.length < LINE_LIST_MIN_LINES) return false;
  // A verb after a subject makes a sentence; "Yield to another coroutine." is a term.
  const sentence = (tokens: readonly WordToken[]) => {
    const subject = tokens.findIndex((t) => SUBJECT_POS.has(t.pos));
    return subject >= 0 && tokens.slice(subject + 1).some((t) => t.verb);
  };
  const bare = lines.filter((line) => {
    const tokens = text.tokens.slice(line.start, line.end);
    return tokens.length <= LINE_LIST_MAX_WORDS && !sentence(tokens);
  }).length;
  return bare >= LINE_LIST_SHARE * lines.length;
}

/**
 * A list of terms and phrases, mostly commas, hardly a verb and few function words: "GIL, mutex,
 * CPython, one thread at a time, bytecode, multiple cores" or "Keywords: mutex, single thread runs
 * bytecode, refcount". The per-sentence rules above miss it when an item runs to several words;
 * graded as a keyword list. (No labelled answer that is not a keyword list meets all three.)
 */
export const TERM_LIST_SEPARATOR_SHARE = 0.25;
export const TERM_LIST_FUNCTION_SHARE = 0.2;
export const TERM_LIST_VERB_SHARE = 0.1;
export const TERM_LIST_BARE_FUNCTION_SHARE = 0.05;
export const TERM_LIST_MIN_ITEMS = 5;
export const TERM_LIST_ITEM_WORDS = 2.7;
/** Code: calls with their arguments ("set()", "add_done_callback(discard)"), snake_case and dotted names. */
const CODE_NAME =
  /\b[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\([^()]*\)|\b[a-z][a-z0-9]*(?:[_.]+[a-z0-9]+)+\b/g;
const VERSUS: ReadonlySet<string> = new Set(["vs", "versus"]);
/** What a clause's subject is: a noun or a pronoun. */
const SUBJECT_POS: ReadonlySet<string> = new Set(["NOUN", "PROPN", "PRON"]);
/** A written word: letters or digits, joined by hyphens, dots, underscores or apostrophes. */
const WRITTEN_WORD = /[\p{L}\p{N}]+(?:['_.-]+[\p{L}\p{N}]+)*/gu;
function isTermList(answer: string, text: AnalysedText): boolean {
  // A code name ("run_until_complete", "asyncio.gather") is one term, not the words it is made of:
  // its parts are set aside, and the name counts as one word.
  const nameParts: string[] = [];
  let names = 0;
  for (const [name] of answer.toLowerCase().matchAll(CODE_NAME)) {
    names++;
    nameParts.push(...name.split(/[^a-z0-9]+/).filter(Boolean));
  }
  const tokens = text.tokens.filter((t) => {
    const at = nameParts.indexOf(t.value);
    if (at < 0) return true;
    nameParts.splice(at, 1);
    return false;
  });
  const terms = tokens.length + names;
  if (terms === 0) return false;
  // A chain of arrows ("GIL -> mutex -> one thread at a time -> ...") separates terms too; one or
  // two arrows are notes ("threading -> concurrency, multiprocessing -> parallelism").
  const arrows = ARROW_CHAIN.test(answer) ? (answer.match(/->|=>|→/g)?.length ?? 0) : 0;
  const separators = (answer.match(/[,;/|•·]/g)?.length ?? 0) + arrows;
  if (separators / terms < TERM_LIST_SEPARATOR_SHARE) return false;
  // Shares of function words and verbs are of the words as written: the lexicon makes one token
  // of "reference counting" or "multi-core", which would make a list look more like prose.
  const words = Math.max(terms, answer.match(WRITTEN_WORD)?.length ?? 0);
  // "preemptive vs cooperative" contrasts two terms: "vs" is a separator here, not a negation.
  const functionWords = tokens.filter((t) => isFunctionWord(t) && !VERSUS.has(t.value)).length;
  // A lone "-ing" word in a list ("interleaving, threading") is a term, whatever wink tags it.
  const isVerb = (t: WordToken) => t.pos === "VERB" && !t.value.endsWith("ing");
  const verbs = tokens.filter(isVerb).length;
  if (functionWords / words < TERM_LIST_FUNCTION_SHARE && verbs / words <= TERM_LIST_VERB_SHARE) return true;
  // An item has a verb when it has a subject before it ("other tasks run"); a verb that opens the
  // item ("suspend", "resume after await", "tracks tasks") is a term of the list.
  const items = new Map<string, boolean>();
  const subjects = new Set<string>();
  for (const t of tokens) {
    const item = `${t.sentence}:${t.segment}`;
    if (!items.has(item)) items.set(item, false);
    if (isVerb(t) && subjects.has(item)) items.set(item, true);
    if (SUBJECT_POS.has(t.pos)) subjects.add(item);
  }
  const verbless = [...items.values()].filter((hasVerb) => !hasVerb).length;
  const mostlyVerbless = verbless * 2 >= items.size;
  // Many short items, most without a verb: "preemptive vs cooperative; OS scheduler; await /
  // yield; context switch; time slice", whatever function words a few items carry.
  if (
    items.size >= TERM_LIST_MIN_ITEMS &&
    tokens.length <= TERM_LIST_ITEM_WORDS * items.size &&
    mostlyVerbless
  )
    return true;
  // No function word at all, and half the items without a verb: "many entry points,
  // suspend/resume, yield, cooperative multitasking" lists bare verbs as terms too. ("Threads give
  // concurrency, asyncio gives concurrency" has a verb in every item.)
  return functionWords / words < TERM_LIST_BARE_FUNCTION_SHARE && mostlyVerbless;
}

/**
 * English prose is about a third function words ("the", "is", "of"); French, Spanish or German
 * answers share only a handful with English. Below MIN_STOP_WORD_SHARE the answer is not read,
 * unless most of its words are the rubric's own terms: "threads give concurrency, multiprocessing
 * gives parallelism" is terse English.
 */
export const MIN_STOP_WORD_SHARE = 0.12;
export const MIN_TERM_SHARE = 0.5;
export const MAX_OTHER_SCRIPT_SHARE = 0.3;
/**
 * Function words of German, Spanish, French, Italian, Portuguese and a few more languages that English never uses: an
 * answer that switches language half-way ("Der GIL ist ein Mutex in CPython, only one thread ...")
 * is not an English answer.
 */
const FOREIGN_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "der das und ist mit auch nicht ein eine einen wegen sind wird werden oder aber wenn dann " +
    "el los las es que por una con del pero también muy porque cuando " +
    "les est et des une avec dans pour pas qui sont mais aussi quand " +
    "il di che è della sono gli anche perché quando " +
    "não sem uma também com faz são pelo pela mas quando " +
    // Dutch, Polish, Swedish, Czech, Turkish and Indonesian: only words English never uses.
    "het een niet zijn wordt worden ook maar omdat wanneer alleen deze dit " +
    "jest nie się że przez tylko ale czy który która które oraz są można gdy kiedy " +
    "och är inte att som också när bara " +
    "není nebo protože jsou také " +
    "ve bir için ile değil ama çünkü olarak " +
    "yang tidak dengan untuk ini itu adalah atau juga karena"
  ).split(" "),
);
export const MAX_FOREIGN_WORD_SHARE = 0.08;

export function looksEnglish(text: AnalysedText, vocabulary?: ReadonlySet<string>): boolean {
  const words = text.tokens.length;
  const foreign = text.tokens.filter((t) => FOREIGN_FUNCTION_WORDS.has(t.value)).length;
  if (foreign >= 2 && foreign / words >= MAX_FOREIGN_WORD_SHARE) return false;
  // Chinese, Russian or Greek with English terms sprinkled in is not English either.
  const otherScript = text.tokens.filter((t) => /[^\P{L}\p{Script=Latin}]/u.test(t.value)).length;
  if (words > 0 && otherScript / words >= MAX_OTHER_SCRIPT_SHARE) return false;
  if (words < 6) return true;
  if (text.tokens.filter((t) => t.stop).length / words >= MIN_STOP_WORD_SHARE) return true;
  if (!vocabulary) return false;
  const terms = text.tokens.filter((t) => t.keys.some((k) => vocabulary.has(k))).length;
  return terms / words >= MIN_TERM_SHARE;
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
  const usable = (hit: Hit, first: Hit) =>
    hit.token.clause === first.token.clause && (phrasing.negative || !hit.token.negated);
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

const PREPOSITIONS: ReadonlySet<string> = new Set(["of", "in", "inside", "within", "from", "between"]);
const NOUN_PHRASE_STARTERS: ReadonlySet<string> = new Set(["DET", "NUM", "ADJ"]);

/**
 * Does the token at `at` modify an earlier noun ("threads of one process", "memory in the same
 * process")? "Each of the threads" still has "threads" for its subject.
 */
function objectOfPreposition(text: AnalysedText, at: number): boolean {
  const sentence = text.tokens[at]?.sentence;
  for (let i = at - 1; i >= 1 && i >= at - 3; i--) {
    const token = text.tokens[i];
    if (!token || token.sentence !== sentence) return false;
    if (PREPOSITIONS.has(token.value)) {
      const before = text.tokens[i - 1];
      return before?.sentence === sentence && (before.pos === "NOUN" || before.pos === "PROPN");
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
