// What of an answer is read at all: keyword lists without sentences (in commas, lines, chains,
// term pairs, marked-up tags or runs of bare terms) and answers in another language score 0 before
// any phrasing is tried.
import {
  type AnalysedText,
  ARROW_CHAIN,
  isItemChain,
  type SentenceSpan,
  SUBJECT_POS,
  type WordToken,
} from "./nlp.ts";
import { LIST_SEPARATORS } from "./synonyms.ts";

/** A sentence that is a list of short items: "GIL, mutex, threads" or "pending, cancelled, done". */
function isList(tokens: readonly WordToken[]): boolean {
  const hasVerb = tokens.some((t) => t.verb);
  const segments = new Map<number, number>();
  for (const t of tokens) {
    // Examples in brackets are an aside, not items of the sentence: "CPU-heavy work (images, ML,
    // encryption) gets hurt" is a sentence.
    if (t.aside) continue;
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
/** Content words a sentence needs before it counts as an echo of the prompt. */
export const ECHO_MIN_WORDS = 2;
export function readableSentences(
  text: AnalysedText,
  answer: string,
  prompt: PromptWords = { keys: new Set(), sequence: "" },
): SentenceReading {
  let listWords = 0;
  const spans: SentenceSpan[] = [];
  for (const span of text.sentences) {
    const tokens = text.tokens.slice(span.start, span.end);
    const salad = isSalad(tokens);
    // A sentence that only repeats the question ("What is an asyncio Future? Describe its states")
    // is no prose of the answer's own: the list after it is still a keyword list.
    if (salad || isList(tokens) || isEcho(tokens, prompt)) listWords += tokens.length;
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
      isMappingList(answer) ||
      isMarkedTermList(answer) ||
      isTermList(answer, text));
  return { spans: keywordsOnly ? [] : spans, keywordsOnly };
}

/**
 * Does the sentence repeat the question: asked in the prompt's words only, or a run of the prompt's
 * words copied in its order? "multiprocessing gives parallelism" uses only prompt words too, but
 * answers it.
 */
function isEcho(tokens: readonly WordToken[], prompt: PromptWords): boolean {
  const content = tokens.filter((t) => t.content);
  if (content.length < ECHO_MIN_WORDS) return false;
  if (content.every((t) => t.question && t.keys.some((key) => prompt.keys.has(key)))) return true;
  // A run copied from the prompt has only prompt words: most sentences fail here, cheaply.
  if (!content.every((t) => prompt.keys.has(t.key))) return false;
  const copied = content.map((t) => t.key).join(" ");
  return prompt.sequence.includes(` ${copied} `);
}

/** The prompt's content keys, as a set and in order (space-delimited). */
export interface PromptWords {
  keys: ReadonlySet<string>;
  sequence: string;
}
export function promptWords(prompt: AnalysedText): PromptWords {
  const content = prompt.tokens.filter((t) => t.content);
  return {
    keys: new Set(content.flatMap((t) => t.keys)),
    sequence: ` ${content.map((t) => t.key).join(" ")} `,
  };
}

/**
 * Term-to-term pairs and nothing else: "concurrency = interleaving; parallelism = multiple cores;
 * threading/asyncio = concurrency; multiprocessing = parallelism". Each side of a pair is a term of
 * a few words; a note that says something ("parallelism = truly simultaneous on multiple cores")
 * has a longer side.
 */
export const MAPPING_MIN_ITEMS = 3;
export const MAPPING_SIDE_WORDS = 3;
export const MAPPING_SHARE = 0.75;
const MAPPING = /^([^=:>→]{1,40}?)\s*(?:=|:|->|=>|→)\s*([^=:>→]{1,40}?)\.?$/;
function isMappingList(answer: string): boolean {
  // A comma ends a pair only when another pair follows: "kinds = coroutine, Task, Future" is one.
  const items = answer
    .split(/[;\n]|,\s(?=[^,;\n]*(?:=|:|->|=>|→))/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length < MAPPING_MIN_ITEMS) return false;
  const short = (side: string | undefined) => (side?.trim().split(/\s+/).length ?? 99) <= MAPPING_SIDE_WORDS;
  const pairs = items.filter((item) => {
    const match = MAPPING.exec(item);
    return match !== null && short(match[1]) && short(match[2]);
  }).length;
  return pairs >= MAPPING_SHARE * items.length;
}

/**
 * Nothing but terms each marked up on its own: "**many entry points** **suspend/resume** **yield
 * control**", "[I/O-bound] [GIL released] [CPU-bound]", "`create_task` `gather` `await`". Tags of
 * a few words each, with no sentence end inside; only separators between them.
 */
export const MARKED_MIN_TERMS = 3;
export const MARKED_TERM_WORDS = 4;
const MARKED_TERM = /\*\*([^*]+)\*\*|__([^_]+)__|\[([^\]]+)\]|`([^`]+)`/g;
function isMarkedTermList(answer: string): boolean {
  const terms = [...answer.matchAll(MARKED_TERM)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? "");
  if (terms.length < MARKED_MIN_TERMS) return false;
  const between = answer.replace(MARKED_TERM, " ");
  return (
    /^[\s,;|/•·-]*$/.test(between) &&
    terms.every(
      (term) => term.trim().split(/\s+/).length <= MARKED_TERM_WORDS && !/[.!?]\s*$/.test(term.trim()),
    )
  );
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
  const bareLines = lines.filter((line) => {
    const tokens = text.tokens.slice(line.start, line.end);
    return tokens.length <= LINE_LIST_MAX_WORDS && !sentence(tokens);
  });
  // Most of the words too: a real definition followed by terse notes ("Threads: concurrency, not
  // parallelism. asyncio: concurrency.") is an answer with a summary, not a list.
  const bareWords = bareLines.reduce((n, line) => n + line.end - line.start, 0);
  return bareLines.length >= LINE_LIST_SHARE * lines.length && bareWords * 2 >= text.tokens.length;
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
/** Code: calls with their arguments ("set()", "add_done_callback(discard)"), snake_case, dotted and dunder names ("__await__"). */
const CODE_NAME =
  /\b[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\([^()]*\)|\b[a-z][a-z0-9]*(?:[_.]+[a-z0-9]+)+\b|\b__[a-z0-9_]+__\b/g;
/** "Keywords: a, b, c": an answer that says it is a list of terms. */
const DECLARED_LIST = /^\s*(?:key ?words|buzz ?words|key terms|terms|tags|tl;? ?dr)\s*:/i;
/** Lines after a "Keywords:" heading that are still items of its list, not sentences. */
export const DECLARED_LINE_WORDS = 6;
const VERSUS: ReadonlySet<string> = new Set(["vs", "versus"]);
/** A written word: letters or digits, joined by hyphens, dots, underscores or apostrophes. */
const WRITTEN_WORD = /[\p{L}\p{N}]+(?:['_.-]+[\p{L}\p{N}]+)*/gu;
/** "I/O", "A/B": one word, whose slash separates no items. */
const SLASHED_LETTERS = /\b(\p{L})\/(\p{L})\b/gu;
/**
 * Examples in brackets after a space: "io-bound (db, http, cache)" sets them aside from the
 * sentence; their commas separate no items of the answer's own. (A call, "gather(a, b)", has none.)
 */
const BRACKETED_ASIDE = /(?<=\s)\([^()]*\)/g;
function isTermList(written: string, text: AnalysedText): boolean {
  const answer = written.replace(SLASHED_LETTERS, "$1$2");
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
  const separators = (answer.replace(BRACKETED_ASIDE, " ").match(/[,;/|•·]/g)?.length ?? 0) + arrows;
  // An answer that calls itself a list ("Keywords: ...") or chains its items with arrows or dashes
  // on one line.
  const lines = answer
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  // A heading declares the list only when nothing but short lines follow it: "TL;DR: pause, loop
  // runs others. Details: the await suspends the coroutine and ..." goes on to explain.
  const headed =
    DECLARED_LIST.test(answer) &&
    lines.slice(1).every((line) => line.split(/\s+/).length <= DECLARED_LINE_WORDS);
  const declared = headed || lines.some((line) => ARROW_CHAIN.test(line) || isItemChain(line));
  if (separators / terms < TERM_LIST_SEPARATOR_SHARE && !declared) return false;
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
  // A declared or chained list is one whenever most items lack a verb, however long they are.
  if (declared && items.size >= 3 && mostlyVerbless) return true;
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

/** A word with a letter of another script than Latin (Cyrillic, Greek, Han, ...). */
const OTHER_SCRIPT_LETTER = /[^\P{L}\p{Script=Latin}]/u;
const inOtherScript = (t: WordToken) => OTHER_SCRIPT_LETTER.test(t.value);

/**
 * Words in another language: two or more of its function words making up `share` of them, or
 * words in another script (Chinese, Russian or Greek with English terms sprinkled in).
 */
function inAnotherLanguage(
  tokens: readonly WordToken[],
  isForeignWord: (t: WordToken) => boolean,
  share: number,
): boolean {
  const words = tokens.length;
  const foreign = tokens.filter(isForeignWord).length;
  if (foreign >= 2 && foreign / words >= share) return true;
  return words > 0 && tokens.filter(inOtherScript).length / words >= MAX_OTHER_SCRIPT_SHARE;
}

export function looksEnglish(text: AnalysedText, vocabulary?: ReadonlySet<string>): boolean {
  const words = text.tokens.length;
  const foreignWord = (t: WordToken) => FOREIGN_FUNCTION_WORDS.has(t.value);
  if (inAnotherLanguage(text.tokens, foreignWord, MAX_FOREIGN_WORD_SHARE)) return false;
  if (words < 6) return true;
  if (text.tokens.filter((t) => t.stop).length / words >= MIN_STOP_WORD_SHARE) return true;
  if (!vocabulary) return false;
  const terms = text.tokens.filter((t) => t.keys.some((k) => vocabulary.has(k))).length;
  return terms / words >= MIN_TERM_SHARE;
}

/**
 * More function words of those languages, which English uses rarely ("en route", "du jour"): a
 * whole sentence with a fifth of its words foreign is in another language, though the same words
 * spread thin over an English answer mean nothing.
 */
const RARE_IN_ENGLISH: ReadonlySet<string> = new Set(
  (
    "dem zu auf sich nur noch schon sehr wie genau eigentlich ganz " +
    "se su sus lo en " +
    "donc chaque du au aux ces cette très sur leur elle ses"
  ).split(" "),
);

/** A sentence of at least this many words is read for its language on its own. */
export const SENTENCE_LANGUAGE_MIN_WORDS = 4;
/** ... and is in another language with this share of foreign function words (two at least). */
export const FOREIGN_SENTENCE_SHARE = 0.2;

/**
 * The sentences in another language: an answer that switches language for a sentence
 * ("... which runs another ready task. Mais en vrai chaque coroutine a son propre thread.") is
 * read without it, and since what it says is not read, the answer cannot be judged wholly right.
 */
export function foreignSentences(text: AnalysedText): Set<SentenceSpan> {
  const foreignWord = (t: WordToken) => FOREIGN_FUNCTION_WORDS.has(t.value) || RARE_IN_ENGLISH.has(t.value);
  const foreign = new Set<SentenceSpan>();
  for (const span of text.sentences) {
    if (span.end - span.start < SENTENCE_LANGUAGE_MIN_WORDS) continue;
    const tokens = text.tokens.slice(span.start, span.end);
    if (inAnotherLanguage(tokens, foreignWord, FOREIGN_SENTENCE_SHARE)) foreign.add(span);
  }
  return foreign;
}
