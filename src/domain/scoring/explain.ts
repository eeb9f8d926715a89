// Deterministic rubric scoring of free-text explanations.
//
// A key point (or misconception) is found when one of its phrasings is found. A phrasing is found
// when every content word of it (stop words dropped, synonyms and inflections merged by nlp.ts)
// occurs in one sentence of the answer within a window of WINDOW word tokens, with the same
// polarity: "does not release the GIL" never matches "releases the GIL", and a phrasing written with
// a negation only matches a negated statement.
//
// Three guards against gaming the matcher:
// - Prompt words: a key-point phrasing made only of words from the prompt gives no credit, so
//   echoing the question earns nothing; the answer has to bring at least one word of its own.
// - Keyword lists: a sentence that is a list of short items without a verb ("GIL, mutex, threads")
//   or a run of four or more content words without a single stop word or verb is not read at all.
//   An answer made only of such sentences scores 0.
// - Misconceptions: any matched misconception caps the score at MISCONCEPTION_CAP and the verdict
//   at partial; with no key point matched the verdict is incorrect.
import type { Rubric } from "../questions/question-spec.ts";
import { type AnalysedText, analyse, type SentenceSpan, type WordToken } from "./nlp.ts";
import { LIST_SEPARATORS } from "./synonyms.ts";

export type Verdict = "correct" | "partial" | "incorrect";

/** Verdict thresholds on the weighted share of key points, tuned on tests/scoring/tuning only. */
export const EXPLAIN_THRESHOLDS = { correct: 0.75, partial: 0.3 } as const;
/** A grade this close to a threshold is flagged for a human. */
export const UNCERTAIN_MARGIN = 0.1;
export const MISCONCEPTION_CAP = 0.5;
/** Word tokens a phrasing's words may spread over (at least; long phrasings get more room). */
export const WINDOW = 10;

interface CompiledPhrasing {
  /** Index in the rubric's phrasings list (some phrasings compile to nothing and are dropped). */
  index: number;
  slots: string[];
  negative: boolean;
}
interface CompiledRubric {
  keyPoints: CompiledPhrasing[][];
  misconceptions: CompiledPhrasing[][];
  prompt: string;
  promptKeys: Set<string>;
}

const compiled = new WeakMap<Rubric, CompiledRubric>();

function compilePhrasing(text: string, index: number): CompiledPhrasing {
  const { tokens } = analyse(text);
  const slots = [...new Set(tokens.filter((t) => t.content).map((t) => t.key))];
  return { index, slots, negative: tokens.some((t) => t.negated || t.negator) };
}

function contentKeys(text: string): Set<string> {
  return new Set(
    analyse(text)
      .tokens.filter((t) => t.content)
      .map((t) => t.key),
  );
}

/** Phrasings are analysed once per rubric object; the prompt's words once per prompt. */
function compileRubric(rubric: Rubric, prompt: string): CompiledRubric {
  const known = compiled.get(rubric);
  if (known && known.prompt === prompt) return known;
  const compile = (phrasings: readonly string[]) =>
    phrasings.map((text, i) => compilePhrasing(text, i)).filter((p) => p.slots.length > 0);
  const result: CompiledRubric = {
    keyPoints: known?.keyPoints ?? rubric.keyPoints.map((k) => compile(k.phrasings)),
    misconceptions: known?.misconceptions ?? (rubric.misconceptions ?? []).map((m) => compile(m.phrasings)),
    prompt,
    promptKeys: contentKeys(prompt),
  };
  compiled.set(rubric, result);
  return result;
}

/** A sentence that is a bare list of terms: the answer names things but says nothing about them. */
function isKeywordSentence(tokens: readonly WordToken[]): boolean {
  const hasVerb = tokens.some((t) => t.verb);
  const segments = new Map<number, number>();
  for (const t of tokens) {
    if (!LIST_SEPARATORS.has(t.value)) segments.set(t.segment, (segments.get(t.segment) ?? 0) + 1);
  }
  const sizes = [...segments.values()];
  const shortItems = (max: number) => sizes.every((n) => n <= max);
  if (sizes.length >= 3 && shortItems(3) && !hasVerb) return true;
  if (sizes.length >= 4 && shortItems(2)) return true;
  const content = tokens.filter((t) => t.content).length;
  const stops = tokens.filter((t) => t.stop).length;
  return stops === 0 && ((!hasVerb && content >= 4) || content >= 6);
}

export interface SentenceReading {
  spans: SentenceSpan[];
  keywordsOnly: boolean;
}

/**
 * The sentences worth reading, and whether the whole answer is a keyword list: nothing readable is
 * left, or no verb anywhere and at least half the sentences are one or two words ("GIL. Threads.",
 * a bullet list of terms). A single verbless sentence is still read: wink's tagger misses verbs in
 * noun-heavy sentences such as "I/O releases the GIL".
 */
export function readableSentences(text: AnalysedText): SentenceReading {
  const spans = text.sentences.filter((s) => !isKeywordSentence(text.tokens.slice(s.start, s.end)));
  const noVerbAtAll = !text.tokens.some((t) => t.verb);
  const tiny = text.sentences.filter((s) => s.end - s.start <= 2).length;
  return { spans, keywordsOnly: spans.length === 0 || (noVerbAtAll && tiny * 2 >= text.sentences.length) };
}

/** Is the phrasing found in one sentence, inside the window, with the right polarity? */
function findsPhrasing(
  text: AnalysedText,
  spans: readonly SentenceSpan[],
  phrasing: CompiledPhrasing,
): boolean {
  const window = Math.max(WINDOW, phrasing.slots.length + 6);
  const slotOf = new Map(phrasing.slots.map((key, i) => [key, i]));
  for (const span of spans) {
    const hits: { at: number; slot: number; negated: boolean }[] = [];
    for (let i = span.start; i < span.end; i++) {
      const t = text.tokens[i];
      if (!t?.content) continue;
      const slot = slotOf.get(t.key);
      if (slot !== undefined) hits.push({ at: i, slot, negated: t.negated });
    }
    if (new Set(hits.map((h) => h.slot)).size < phrasing.slots.length) continue;
    for (let a = 0; a < hits.length; a++) {
      const first = hits[a];
      if (!first) continue;
      const plain = new Set<number>();
      const any = new Set<number>();
      let sawNegated = false;
      for (let b = a; b < hits.length; b++) {
        const hit = hits[b];
        if (!hit || hit.at - first.at >= window) break;
        any.add(hit.slot);
        if (hit.negated) sawNegated = true;
        else plain.add(hit.slot);
        if (
          phrasing.negative
            ? any.size === phrasing.slots.length && sawNegated
            : plain.size === phrasing.slots.length
        )
          return true;
      }
    }
  }
  return false;
}

export interface ExplainResult {
  score: number;
  verdict: Verdict;
  uncertain: boolean;
  keywordsOnly: boolean;
  empty: boolean;
  keyPointsMatched: boolean[];
  misconceptionsMatched: boolean[];
  /** For each key point / misconception, the index of the first phrasing found (diagnostics). */
  evidence: { keyPoints: (number | null)[]; misconceptions: (number | null)[] };
}

export function verdictFor(score: number): Verdict {
  if (score >= EXPLAIN_THRESHOLDS.correct) return "correct";
  if (score >= EXPLAIN_THRESHOLDS.partial) return "partial";
  return "incorrect";
}

export function scoreExplanation(prompt: string, rubric: Rubric, answer: string): ExplainResult {
  const rules = compileRubric(rubric, prompt);
  const none = (n: number) => new Array<boolean>(n).fill(false);
  const nothing = {
    score: 0,
    verdict: "incorrect" as const,
    uncertain: false,
    keyPointsMatched: none(rubric.keyPoints.length),
    misconceptionsMatched: none(rules.misconceptions.length),
    evidence: {
      keyPoints: rubric.keyPoints.map(() => null),
      misconceptions: rules.misconceptions.map(() => null),
    },
  };
  if (answer.trim() === "") return { ...nothing, keywordsOnly: false, empty: true };
  const text = analyse(answer);
  const reading = readableSentences(text);
  if (reading.keywordsOnly) return { ...nothing, keywordsOnly: true, empty: false };

  const found = (p: CompiledPhrasing) => findsPhrasing(text, reading.spans, p);
  // A phrasing entirely made of prompt words proves nothing: the answer could have copied them.
  const novel = (p: CompiledPhrasing) => p.slots.some((key) => !rules.promptKeys.has(key));
  const keyPointEvidence = rules.keyPoints.map((ps) => ps.find((p) => novel(p) && found(p))?.index ?? null);
  const misconceptionEvidence = rules.misconceptions.map((ps) => ps.find(found)?.index ?? null);
  const keyPointsMatched = keyPointEvidence.map((e) => e !== null);
  const misconceptionsMatched = misconceptionEvidence.map((e) => e !== null);

  const weightOf = (i: number) => {
    const w = rubric.keyPoints[i]?.weight;
    return typeof w === "number" && Number.isFinite(w) && w > 0 ? w : 1;
  };
  let total = 0;
  let got = 0;
  keyPointsMatched.forEach((matched, i) => {
    total += weightOf(i);
    if (matched) got += weightOf(i);
  });
  let score = total > 0 ? got / total : 0;
  let verdict = verdictFor(score);
  const anyKeyPoint = keyPointsMatched.some(Boolean);
  const anyMisconception = misconceptionsMatched.some(Boolean);
  if (anyMisconception) {
    score = Math.min(score, MISCONCEPTION_CAP);
    verdict = anyKeyPoint ? (verdict === "incorrect" ? "incorrect" : "partial") : "incorrect";
  }
  const near = (t: number) => Math.abs(score - t) < UNCERTAIN_MARGIN;
  const uncertain =
    (anyMisconception && anyKeyPoint) || near(EXPLAIN_THRESHOLDS.correct) || near(EXPLAIN_THRESHOLDS.partial);
  return {
    score,
    verdict,
    uncertain,
    keywordsOnly: false,
    empty: false,
    keyPointsMatched,
    misconceptionsMatched,
    evidence: { keyPoints: keyPointEvidence, misconceptions: misconceptionEvidence },
  };
}
