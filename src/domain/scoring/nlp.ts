// The wink-nlp wrapper: turns free text into word tokens that carry a matching key (synonym group
// or stemmed lemma), stop-word, verb and negation flags, and their sentence, clause and list
// segment. Rubric phrasings, prompts and answers all go through `analyse`, so they meet on the same
// keys. The model (about 200 ms to load) is loaded on first use, once per process.
import { createRequire } from "node:module";
import type winkNlpFactory from "wink-nlp";
import type { ItemSentence, Model, ModelAddons, PartOfSpeech, WinkMethods } from "wink-nlp";
import {
  CLAUSE_BREAKERS,
  CONTRASTS,
  LIST_SEPARATORS,
  MEANINGFUL_STOP_WORDS,
  NEGATORS,
  REWRITES,
  SYNONYM_GROUPS,
} from "./synonyms.ts";

export interface WordToken {
  /** Lower-cased surface form. */
  value: string;
  /** What phrasings match on: "g:<group head>" for synonyms, else "s:<stem of the lemma>". */
  key: string;
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
}

const require = createRequire(import.meta.url);
let engine: Engine | undefined;

/** Words whose stem would merge them with an unrelated synonym ("simply" is not "simple"). */
const STEM_EXCEPTIONS: ReadonlySet<string> = new Set([
  "simply",
  "completely",
  "programming",
  "programmer",
  "general",
  "generally",
  "generate",
  "generic",
  "commonly",
  "freedom",
  "startup",
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
  engine = { nlp, stem, groupOfStem };
  return engine;
}

/** Loads the model now rather than on the first answer (call at start-up to keep p99 flat). */
export function warmUpNlp(): void {
  analyse("Warm-up: the event loop does not release the GIL.");
}

/** NFKC, straight apostrophes, the lexicon's multi-word rewrites; each line its own paragraph. */
export function prepareText(text: string): string {
  let out = text.normalize("NFKC").replace(/[\u2018\u2019\u02bc]/g, "'");
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  // A line break ends a sentence (bullet lists have no full stops); wink splits on blank lines.
  return out
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+•·]|\d{1,2}[.)])\s+/, "").trim())
    .filter((line) => line !== "")
    .join("\n\n");
}

function isTrue(flag: unknown): boolean {
  return flag === true;
}

export function analyse(text: string): AnalysedText {
  const { nlp, stem, groupOfStem } = loadEngine();
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
  const types = all.out(its.type);

  const sentenceOf: number[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const inner = sentence.tokens();
    const first = inner.itemAt(0).index();
    for (let k = 0; k < inner.length(); k++) sentenceOf[first + k] = sentence.index();
  });

  const tokens: WordToken[] = [];
  const clauseOf: number[] = [];
  const sentences: SentenceSpan[] = [];
  let clause = 0;
  let segment = 0;
  let currentSentence = -1;
  for (let k = 0; k < values.length; k++) {
    const sentence = sentenceOf[k] ?? currentSentence;
    if (sentence !== currentSentence) {
      currentSentence = sentence;
      sentences.push({ start: tokens.length, end: tokens.length });
      clause++;
      segment = 0;
    }
    const raw = values[k] ?? "";
    const value = raw.toLowerCase();
    const type = types[k];
    if (type === "punctuation" || type === "tabCRLF" || type === "spaces" || value.trim() === "") {
      clause++;
      if (LIST_SEPARATORS.has(value)) segment++;
      continue;
    }
    if (CLAUSE_BREAKERS.has(value)) clause++;
    if (LIST_SEPARATORS.has(value)) segment++;
    const lemma = (lemmas[k] ?? raw).toLowerCase();
    const tag = tags[k];
    const pos: PartOfSpeech = isPartOfSpeech(tag) ? tag : "X";
    const stop = isTrue(stops[k]);
    const negator = NEGATORS.has(value) || NEGATORS.has(lemma);
    const stemmed = STEM_EXCEPTIONS.has(value) ? value : stem(lemma);
    const key = groupOfStem.get(stemmed) ?? `s:${stemmed}`;
    tokens.push({
      value,
      key,
      content: !negator && (!stop || MEANINGFUL_STOP_WORDS.has(value)) && /[\p{L}\p{N}]/u.test(value),
      stop,
      verb: pos === "VERB" || pos === "AUX",
      negator,
      negated: isTrue(winkNegations[k]),
      pos,
      sentence: sentences.length - 1,
      segment,
    });
    clauseOf.push(clause);
    const span = sentences[sentences.length - 1];
    if (span) span.end = tokens.length;
  }
  markNegationScopes(tokens, clauseOf);
  return { tokens, sentences: sentences.filter((s) => s.end > s.start) };
}

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

/**
 * Adds our own negation scopes to wink's flags, clause by clause:
 * - a negator negates every later token of its clause ("does not release the GIL");
 * - a negator with nothing meaningful after it negates its whole clause ("... but processes
 *   do not"), the elliptical form;
 * - a contrast marker negates only the short noun phrase after it ("instead of threads").
 */
function markNegationScopes(tokens: WordToken[], clauseOf: number[]): void {
  let start = 0;
  while (start < tokens.length) {
    let end = start;
    while (end < tokens.length && clauseOf[end] === clauseOf[start]) end++;
    let inScope = false;
    let lastNegator = -1;
    for (let i = start; i < end; i++) {
      const token = tokens[i];
      if (!token) continue;
      if (inScope) token.negated = true;
      if (token.negator) {
        inScope = true;
        lastNegator = i;
      }
      if (CONTRASTS.has(token.value)) {
        for (let j = i + 1; j < end && j <= i + 4; j++) {
          const next = tokens[j];
          if (!next) break;
          next.negated = true;
          if (next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "PRON") break;
        }
      }
    }
    if (lastNegator >= 0 && !tokens.slice(lastNegator + 1, end).some((t) => t.content)) {
      for (let i = start; i < end; i++) {
        const token = tokens[i];
        if (token) token.negated = true;
      }
    }
    start = end;
  }
}
