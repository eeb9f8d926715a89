// The wink-nlp wrapper: turns free text into word tokens that carry a matching key (synonym group
// or stemmed lemma), stop-word, verb and negation flags, and their sentence, clause and list
// segment. Rubric phrasings, prompts and answers all go through `analyse`, so they meet on the same
// keys. The model (about 200 ms to load) is loaded on first use, once per process.
import { createRequire } from "node:module";
import type winkNlpFactory from "wink-nlp";
import type { Model, ModelAddons, PartOfSpeech, WinkMethods } from "wink-nlp";
import { requiredLiterals } from "./literals.ts";
import { markNegationScopes } from "./negation.ts";
import {
  CLAUSE_BREAKERS,
  CONTRAST_BREAKERS,
  LIST_SEPARATORS,
  MEANINGFUL_STOP_WORDS,
  NEGATION_CROSSES,
  NEGATORS,
  REWRITES,
  SECOND_SENSES,
  SHORT_SCOPE_NEGATORS,
  SYNONYM_GROUPS,
} from "./synonyms.ts";

export interface WordToken {
  /** Lower-cased surface form. */
  value: string;
  /** What phrasings match on: "g:<group head>" for synonyms, else "s:<stem of the lemma>". */
  key: string;
  /** `key` and any second sense ("yield" also means "pause"); an answer word matches on any. */
  keys: readonly string[];
  /** Worth matching: not a stop word (unless a meaningful one) and not a negator. */
  content: boolean;
  stop: boolean;
  verb: boolean;
  negator: boolean;
  /** Inside the scope of a negation (wink's flag, a negator earlier in the clause, ...). */
  negated: boolean;
  pos: PartOfSpeech;
  sentence: number;
  /** Index of the list item within the sentence: bumps at "," ";" "/" "and" "or". */
  segment: number;
  /** Clause id (global): bumps at punctuation and at clause-starting words ("because", "which"). */
  clause: number;
  /** Like `clause`, but not bumped by the words a negation reaches past ("when", "which"). */
  negationClause: number;
  /** Assertion id (global): bumps at sentence ends, ";" and contrasts ("but", "while", "whereas"). */
  block: number;
  /** Inside a conditional clause ("if you await it twice, ..."): stated, not asserted. */
  conditional: boolean;
  /** Inside a sentence that ends with "?": asked, not asserted. */
  question: boolean;
  /** Inside brackets: "(and asyncio is single-threaded anyway)". */
  aside: boolean;
  /** The first word after a colon: "the opposite of what people think: I/O does not ...". */
  afterColon: boolean;
  /** The first word after a dash between words: "it's not true that X — the loop runs them all". */
  afterDash: boolean;
}

export interface SentenceSpan {
  /** Index of the first word token; `end` is exclusive. */
  start: number;
  end: number;
}

export interface AnalysedText {
  tokens: WordToken[];
  sentences: SentenceSpan[];
}

interface Engine {
  nlp: WinkMethods;
  stem: (word: string) => string;
  groupOfStem: Map<string, string>;
  alsoOfStem: Map<string, string[]>;
}

/** Verbs after which "when" does not start a time clause: "X is when ...", "decides when ...". */
const DEFINING_VERBS: ReadonlySet<string> = new Set([
  "is",
  "means",
  "'s",
  "are",
  // "the OS decides when threads switch" is one claim about who decides.
  "decide",
  "decides",
  "decided",
  "choose",
  "chooses",
  "controls",
  "determines",
]);
const IN_CLAUSE_MARKS: ReadonlySet<string> = new Set(["`", "(", ")"]);

const require = createRequire(import.meta.url);
let engine: Engine | undefined;

/**
 * Words whose stem would merge them with an unrelated word ("simply" is not "simple", an
 * "awaitable" is not the act of awaiting): they match on the key given here.
 */
const STEM_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ["simply", "simply"],
  ["completely", "completely"],
  ["programming", "programming"],
  ["programmer", "programmer"],
  ["programmers", "programmer"],
  ["developer", "programmer"],
  ["developers", "programmer"],
  ["coder", "programmer"],
  ["coders", "programmer"],
  ["general", "general"],
  ["generally", "general"],
  ["generate", "generate"],
  ["generic", "generic"],
  ["commonly", "commonly"],
  ["freedom", "freedom"],
  ["startup", "startup"],
  ["awaitable", "awaitable"],
  // "keep it in a collection" is not "it gets collected".
  ["collection", "collection"],
  ["collections", "collection"],
  // wink lemmatises a sentence-initial "Later" to "late".
  ["later", "later"],
  ["awaitables", "awaitable"],
]);

function loadEngine(): Engine {
  if (engine) return engine;
  const winkNlp: typeof winkNlpFactory = require("wink-nlp");
  const model: Model = require("wink-eng-lite-web-model");
  // Only the stages we read: sentence boundaries, negation flags and POS tags (lemmas need POS).
  const nlp = winkNlp(model, ["sbd", "negation", "pos"]);
  const stemAddon = model.addons.stem;
  if (typeof stemAddon !== "function") throw new Error("the wink English model has no stemmer");
  const memo = new Map<string, string>();
  const stem = (word: string): string => {
    const known = memo.get(word);
    if (known !== undefined) return known;
    const out: unknown = stemAddon(word);
    const stemmed = typeof out === "string" ? out : word;
    // Bounded: answers bring new words, and a long-running server must not grow without limit.
    if (memo.size > 50_000) memo.clear();
    memo.set(word, stemmed);
    return stemmed;
  };
  const groupOfStem = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const head = group[0];
    if (head === undefined) continue;
    for (const word of group) groupOfStem.set(stem(word), `g:${head}`);
  }
  const alsoOfStem = new Map<string, string[]>();
  for (const [word, head] of SECOND_SENSES) {
    const known = alsoOfStem.get(stem(word)) ?? [];
    alsoOfStem.set(stem(word), [...known, `g:${head}`]);
  }
  engine = { nlp, stem, groupOfStem, alsoOfStem };
  return engine;
}

/** Loads the model now rather than on the first answer (call at start-up to keep p99 flat). */
export function warmUpNlp(): void {
  analyse("Warm-up: the event loop does not release the GIL.");
}

/** Each rewrite with the strings one of which a text must contain for it to apply (see literals.ts). */
const GUARDED_REWRITES = REWRITES.map(([pattern, replacement]) => ({
  pattern,
  replacement,
  literals: requiredLiterals(pattern),
}));

/** The lexicon's rewrites in order, each skipped when the text lacks every string it needs. */
export function applyRewrites(text: string): string {
  let out = text;
  let lower = out.toLowerCase();
  for (const { pattern, replacement, literals } of GUARDED_REWRITES) {
    const haystack = pattern.ignoreCase ? lower : out;
    if (literals && !literals.some((literal) => haystack.includes(literal))) continue;
    const next = out.replace(pattern, replacement);
    if (next !== out) {
      out = next;
      lower = out.toLowerCase();
    }
  }
  return out;
}

/** NFKC, straight apostrophes, the lexicon's multi-word rewrites; each line its own paragraph. */
const ARROW = /->|=>|→/g;
/** Three arrows with no comma or semicolon between them. */
export const ARROW_CHAIN = /(?:->|=>|→)[^,;]*(?:->|=>|→)[^,;]*(?:->|=>|→)/;
/** A spaced dash, slash, pipe or arrow between two note items: "one big lock / fine-grained". */
const SPACED_SEPARATOR = /[ \t](?:[-\u2013\u2014/|]|->|=>|\u2192)[ \t]/;
const SPACED_SEPARATORS = new RegExp(SPACED_SEPARATOR, "g");
export const CHAIN_MIN_ITEMS = 4;
export const CHAIN_ITEM_WORDS = 8;
/**
 * A line of four or more short items between spaced dashes, slashes, pipes or arrows: "helper
 * function - called by main - single entry point - ...", "refcount / races -> leak / one big lock".
 * Dashes in prose set off longer asides, and end sentences between them.
 */
export function isItemChain(line: string): boolean {
  const items = line.trim().split(SPACED_SEPARATOR);
  return (
    items.length >= CHAIN_MIN_ITEMS &&
    items.every((item) => !/[.!?]\s/.test(item) && item.trim().split(/\s+/).length <= CHAIN_ITEM_WORDS)
  );
}

/** A word with an apostrophe inside ("program's", "doesn't") with punctuation right before or after it. */
const APOSTROPHE_WORD_IN_PUNCTUATION =
  /(?<=[^\s\p{L}\p{N}'])[\p{L}\p{N}]+'\p{L}+|[\p{L}\p{N}]+'\p{L}+(?=[^\s\p{L}\p{N}'])/gu;

export function prepareText(text: string): string {
  let out = applyRewrites(text.normalize("NFKC").replace(/[\u2018\u2019\u02bc]/g, "'"));
  // A hyphen inside a word ("module-level set") joins, it does not end a clause.
  if (out.includes("-")) out = out.replace(/([\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, "$1 ");
  // wink splits "program's" into "program" + "'s", but keeps "program's." whole as a new word and
  // from then on, in this process, every "program's": the same answer would read differently
  // depending on what was graded before it. Punctuation touching such a word is set apart, so it
  // always takes the first path.
  if (out.includes("'")) out = out.replace(APOSTROPHE_WORD_IN_PUNCTUATION, (word) => ` ${word} `);
  // A line break ends a sentence (bullet lists have no full stops); wink splits on blank lines.
  return (
    out
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*+•·]|\d{1,2}[.)])\s+/, "").trim())
      // A chain of arrows is a list: "GIL -> mutex -> one thread at a time" (arrows in pairs,
      // "threading -> concurrency, multiprocessing -> parallelism", are notes).
      .map((line) => (ARROW_CHAIN.test(line) ? line.replace(ARROW, ",") : line))
      // So is a line of items between spaced separators: "helper function - called by main - ...".
      .map((line) => (isItemChain(line) ? line.replaceAll(SPACED_SEPARATORS, ", ") : line))
      .filter((line) => line !== "")
      .join("\n\n")
  );
}

function isTrue(flag: unknown): boolean {
  return flag === true;
}

/** Dashes between words, as wink tokenises them. */
const DASH_MARKS: ReadonlySet<string> = new Set(["—", "–", "-", "--"]);

export function analyse(text: string): AnalysedText {
  const { nlp, stem, groupOfStem, alsoOfStem } = loadEngine();
  const its = nlp.its;
  // wink declares its.lemma with (index, rdd, addons) but token.out() expects the four-argument
  // TokenItsFunction; a method-typed view bridges the two declarations without a cast.
  const lemmaReader: { lemma(index: number, token: unknown, cache: unknown, addons: ModelAddons): string } =
    its;
  const doc = nlp.readDoc(prepareText(text));
  const all = doc.tokens();
  const values = all.out(its.value);
  const lemmas = all.out(lemmaReader.lemma);
  const tags = all.out(its.pos);
  const stops = all.out(its.stopWordFlag);
  const winkNegations = all.out(its.negationFlag);

  // Sentence spans as [first, last] token indexes.
  const sentenceOf: number[] = [];
  const spans: unknown = doc.sentences().out(its.span);
  if (Array.isArray(spans)) {
    spans.forEach((span: unknown, n: number) => {
      if (!Array.isArray(span)) return;
      const [first, last] = span;
      if (typeof first !== "number" || typeof last !== "number") return;
      for (let k = first; k <= last; k++) sentenceOf[k] = n;
    });
  }

  const tokens: WordToken[] = [];
  const sentences: SentenceSpan[] = [];
  let clause = 0;
  let negationClause = 0;
  let block = 0;
  let segment = 0;
  let currentSentence = -1;
  let openBrackets = 0;
  let previous = "";
  /** The last punctuation mark since the last word ("" after a word). */
  let previousMark = "";
  for (let k = 0; k < values.length; k++) {
    const sentence = sentenceOf[k] ?? currentSentence;
    if (sentence !== currentSentence) {
      currentSentence = sentence;
      sentences.push({ start: tokens.length, end: tokens.length });
      clause++;
      negationClause++;
      block++;
      segment = 0;
    }
    const raw = values[k] ?? "";
    const value = raw.toLowerCase();
    // Punctuation, symbols and line breaks carry no letter or digit.
    if (!/[\p{L}\p{N}]/u.test(value)) {
      previousMark = value;
      // "Do coroutines run in parallel? No: ..." echoes a question; a question asserts nothing.
      if (value === "?") {
        const span = sentences[sentences.length - 1];
        for (let i = span?.start ?? tokens.length; i < tokens.length; i++) {
          const asked = tokens[i];
          if (asked) asked.question = true;
        }
      }
      // Inline code and a bracketed gloss stay in their clause: "by calling `thread.yield()`",
      // "the owner (the OS) doesn't assign them".
      if (IN_CLAUSE_MARKS.has(value)) {
        // A bracketed aside is an item of its own: "threading gives concurrency (the GIL stops
        // code running in parallel)" does not say that threading gives parallelism.
        // ("1) many entry points 2) ..." numbers a list: a ")" with no "(" opens nothing.)
        if (value === "(") openBrackets++;
        if (value === "(" || (value === ")" && openBrackets > 0)) segment++;
        if (value === ")") openBrackets = Math.max(0, openBrackets - 1);
        continue;
      }
      clause++;
      negationClause++;
      if (value === ";") block++;
      if (LIST_SEPARATORS.has(value)) segment++;
      continue;
    }
    // "concurrency is when tasks take turns" is one claim: a definition, not a time clause.
    const defining = (value === "when" || value === "where") && DEFINING_VERBS.has(previous);
    previous = value;
    if (CLAUSE_BREAKERS.has(value) && !defining) {
      clause++;
      if (!NEGATION_CROSSES.has(value)) negationClause++;
    }
    if (CONTRAST_BREAKERS.has(value)) block++;
    if (LIST_SEPARATORS.has(value)) segment++;
    const lemma = (lemmas[k] ?? raw).toLowerCase();
    const tag = tags[k];
    const pos: PartOfSpeech = isPartOfSpeech(tag) ? tag : "X";
    const stop = isTrue(stops[k]);
    const negator = NEGATORS.has(value) || NEGATORS.has(lemma) || SHORT_SCOPE_NEGATORS.has(value);
    const exception = STEM_EXCEPTIONS.get(value);
    const stemmed = stem(lemma);
    const key = exception ? `w:${exception}` : (groupOfStem.get(stemmed) ?? `s:${stemmed}`);
    const also = exception ? undefined : alsoOfStem.get(stemmed);
    tokens.push({
      value,
      key,
      keys: also ? [key, ...also] : [key],
      content: !negator && (!stop || MEANINGFUL_STOP_WORDS.has(value)),
      stop,
      verb: pos === "VERB" || pos === "AUX",
      negator,
      negated: isTrue(winkNegations[k]),
      pos,
      sentence: sentences.length - 1,
      segment,
      clause,
      negationClause,
      block,
      conditional: false,
      question: false,
      aside: openBrackets > 0,
      afterColon: previousMark === ":",
      afterDash: DASH_MARKS.has(previousMark),
    });
    previousMark = "";
    const span = sentences[sentences.length - 1];
    if (span) span.end = tokens.length;
  }
  markNegationScopes(tokens);
  return { tokens, sentences: sentences.filter((s) => s.end > s.start) };
}

/** What a clause's subject is: a noun or a pronoun. */
export const SUBJECT_POS: ReadonlySet<string> = new Set(["NOUN", "PROPN", "PRON"]);

const partsOfSpeech: ReadonlySet<string> = new Set([
  "ADJ",
  "ADP",
  "ADV",
  "AUX",
  "CCONJ",
  "DET",
  "INTJ",
  "NOUN",
  "NUM",
  "PART",
  "PRON",
  "PROPN",
  "PUNCT",
  "SCONJ",
  "SYM",
  "VERB",
  "X",
  "SPACE",
]);
function isPartOfSpeech(tag: unknown): tag is PartOfSpeech {
  return typeof tag === "string" && partsOfSpeech.has(tag);
}
