// Deterministic rubric scoring of free-text explanations.
//
// score = weight of the key points found / total weight; verdict by EXPLAIN_THRESHOLDS. A key point
// (or misconception) is found when one of its phrasings is found (matching.ts): every content word
// of the phrasing (stop words dropped; synonyms, inflections and multi-word terms merged by nlp.ts
// and synonyms.ts) in one sentence of the answer, within a window of word tokens, with the same
// polarity: "does not release the GIL" never matches "releases the GIL", and a phrasing written
// with a negation only matches a negated statement.
//
// Guards against gaming the matcher and against misreading:
// - Prompt words: a key-point phrasing the prompt itself already states (only prompt words, and
//   not a negation the prompt lacks) gives no credit, so echoing the question earns nothing.
// - Keyword lists: an answer whose words are mostly in comma lists of short items or runs of bare
//   terms (the question copied out in front counting with them), or with no verb at all and
//   mostly one-word sentences, scores 0 ("answer in sentences"); a run of bare terms inside a real
//   answer is skipped.
// - Language: six or more words with under 12% English stop words, unless half of them are the
//   rubric's own terms, score 0 (not English); a whole sentence in another language inside an
//   English answer is not read, and the answer is at most partial.
// - Analogies: a story word the answer maps to a rubric term ("the waiter = event loop") is read
//   as that term too (analogies.ts); with ANALOGY_MAPPINGS of them (or one, in an answer that
//   announces its analogy: "imagine ...") and ANALOGY_CORRECT_SHARE of the weight found, a partial
//   answer is correct.
// - Swapped roles: a key point said of the other of two terms the prompt contrasts ("concurrency
//   runs on several cores") is a misconception (swaps.ts).
// - Not asserted: a sentence that opens as a question gives no key point, and what a later
//   assertion takes back ("..., but that is wrong", "just kidding") states nothing (retractions.ts).
// - Learned evidence (evidence.ts): for the bank's questions, a model per key point trained on
//   labelled answers drops a phrasing's match it finds very unlikely and adds the one missing key
//   point it is sure of to an answer found mostly right and free of misconceptions.
// - Misconceptions: matched in the phrasing's word order (or its passive) inside one clause, never
//   in a conditional, a question or a reported myth; a key point found on the same words does not
//   count; any misconception caps the score at MISCONCEPTION_CAP and the verdict at partial, or
//   incorrect when the key points found weigh under MISCONCEPTION_PARTIAL_SHARE.
import type { Rubric } from "../questions/question-spec.ts";
import { agentOf, otherAgent } from "./agents.ts";
import { applyAnalogies, findAnalogies, tellsAStory } from "./analogies.ts";
import {
  evidenceFeatures,
  keyPointProbabilities,
  modelFor,
  rubricFingerprint,
  weighLearnedEvidence,
} from "./evidence.ts";
import { majorityForms, minorKeys, novelty, relaxedForms, vagueKeys } from "./loose-forms.ts";
import { type CompiledPhrasing, compilePhrasing, findPhrasing, indexAnswer, type Match } from "./matching.ts";
import { analyse } from "./nlp.ts";
import {
  foreignSentences,
  looksEnglish,
  type PromptWords,
  promptWords,
  readableSentences,
} from "./reading.ts";
import { resolveFormerLatter } from "./references.ts";
import { retractedBlocks } from "./retractions.ts";
import { type CompiledSwap, compileSwaps, findSwaps } from "./swaps.ts";
import { saidOfOther, type Topic, topicOf } from "./topics.ts";

export type Verdict = "correct" | "partial" | "incorrect";

/** Verdict thresholds on the weighted share of key points, tuned on tests/scoring/tuning only. */
export const EXPLAIN_THRESHOLDS = { correct: 0.75, partial: 0.2 } as const;
/** A grade this close to a threshold is flagged for a human. */
export const UNCERTAIN_MARGIN = 0.1;
export const MISCONCEPTION_CAP = 0.5;
/** An answer mapping at least this many story words to terms, with this share found, is correct. */
export const ANALOGY_MAPPINGS = 2;
export const ANALOGY_CORRECT_SHARE = 0.5;
/** ... or this share, when the answer also announces its analogy ("imagine ...", "it's like a ..."). */
export const ANALOGY_STORY_SHARE = 0.35;
/** With a misconception, the weighted share of key points that still makes an answer partial. */
export const MISCONCEPTION_PARTIAL_SHARE = 0.3;
/** Key points of at least this weight are major: a correct answer states every one of them. */
export const MAJOR_WEIGHT = 2;
/** Key points of at least this weight are core: a correct answer never misses one. */
export const CORE_WEIGHT = 3;
/** Major (not core) key points a correct answer may miss, provided the score reaches the threshold. */
export const MAJOR_MISSES_FORGIVEN = 1;
/** ... but only in a rubric of at least this many key points. */
export const FORGIVING_POINTS = 3;

interface CompiledRubric {
  keyPoints: CompiledPhrasing[][];
  misconceptions: CompiledPhrasing[][];
  prompt: string;
  /** Per key point, per phrasing: does it say something the prompt does not already say? */
  novel: boolean[][];
  /**
   * Per key point, the looser forms of its phrasings (see relaxedForms), tried only when no
   * phrasing of the key point is found as written.
   */
  relaxed: CompiledPhrasing[][];
  /**
   * Per major key point, its phrasings and its own text less up to a quarter of their distinctive
   * words (see majorityForms), tried last.
   */
  majority: CompiledPhrasing[][];
  /** The prompt's content words: a sentence that only repeats them echoes the question. */
  promptWords: PromptWords;
  /** Every key the phrasings and the prompt use: the terms an answer's analogy may stand for. */
  vocabulary: Set<string>;
  /** Key-point phrasings with the two terms the prompt contrasts exchanged (swaps.ts). */
  swaps: CompiledSwap[];
  /** Per key point, the agent its text names (the event loop, the OS), if any: see otherAgent. */
  agents: (string | undefined)[];
  /** Per misconception, the contrasted term its text is about, if any: see saidOfOther. */
  misconceptionTopics: (Topic | undefined)[];
  /** What a learned model must have been trained for to apply here (evidence.ts). */
  fingerprint: string;
}

/** Words a real question opens with. */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(
  "is are was were do does did can could would will should has have what why how who which when where".split(
    " ",
  ),
);

/** The key point's text is read as one more phrasing, its index past the phrasings' own. */
export const TEXT_PHRASING = -1;

/**
 * Compiled rubrics, by object identity and, for rubrics read afresh from the database on every
 * request, by content (bounded: the oldest entry goes first).
 */
const compiled = new WeakMap<Rubric, CompiledRubric>();
const compiledByContent = new Map<string, CompiledRubric>();
const MAX_CACHED_RUBRICS = 1000;

function contentKey(rubric: Rubric, prompt: string): string {
  const phrasings = (list: readonly { text: string; weight?: number; phrasings: readonly string[] }[]) =>
    list.map((item) => [item.text, item.weight ?? 1, ...item.phrasings].join("\u0001")).join("\u0002");
  return [prompt, phrasings(rubric.keyPoints), phrasings(rubric.misconceptions ?? [])].join("\u0003");
}

/** Phrasings are analysed once per rubric; their novelty once per prompt. */
function compileRubric(rubric: Rubric, prompt: string): CompiledRubric {
  const known = compiled.get(rubric);
  if (known && known.prompt === prompt) return known;
  const key = contentKey(rubric, prompt);
  const same = compiledByContent.get(key);
  if (same) {
    compiled.set(rubric, same);
    return same;
  }
  const compile = (phrasings: readonly string[]) =>
    phrasings.map((text, i) => compilePhrasing(text, i)).filter((p) => p.slots.length > 0);
  const keyPoints = known?.keyPoints ?? rubric.keyPoints.map((k) => compile(k.phrasings));
  const promptText = analyse(prompt);
  const novel = keyPoints.map((phrasings) => novelty(phrasings, promptText));
  const minor = minorKeys(promptText);
  const misconceptions =
    known?.misconceptions ?? (rubric.misconceptions ?? []).map((m) => compile(m.phrasings));
  const vocabulary = new Set<string>();
  for (const p of [...keyPoints.flat(), ...misconceptions.flat()])
    for (const key of p.slots) vocabulary.add(key);
  for (const t of promptText.tokens) if (t.content) for (const key of t.keys) vocabulary.add(key);
  const result: CompiledRubric = {
    keyPoints,
    vocabulary,
    promptWords: promptWords(promptText),
    misconceptions,
    prompt,
    novel,
    swaps: compileSwaps(
      keyPoints,
      novel,
      promptText,
      rubric.keyPoints.map((point) => point.text),
    ),
    agents: rubric.keyPoints.map((point) => agentOf(point.text)),
    misconceptionTopics: (rubric.misconceptions ?? []).map((m) => topicOf(m.text)),
    fingerprint: rubricFingerprint(prompt, rubric),
    relaxed: keyPoints.map((phrasings, k) => relaxedForms(phrasings, novel[k] ?? [], promptText, minor)),
    majority: rubric.keyPoints.map((point, k) => {
      if (!(point.weight >= MAJOR_WEIGHT)) return [];
      const own = keyPoints[k] ?? [];
      const text = compilePhrasing(point.text, TEXT_PHRASING);
      return majorityForms([...own, text], [...(novel[k] ?? []), true], promptText, minor);
    }),
  };
  compiled.set(rubric, result);
  if (compiledByContent.size >= MAX_CACHED_RUBRICS) {
    const oldest = compiledByContent.keys().next().value;
    if (oldest !== undefined) compiledByContent.delete(oldest);
  }
  compiledByContent.set(key, result);
  return result;
}

export interface ExplainResult {
  score: number;
  verdict: Verdict;
  uncertain: boolean;
  keywordsOnly: boolean;
  empty: boolean;
  /** Six or more words and almost no English function words: graded 0 rather than half-read. */
  notEnglish: boolean;
  /** An English answer with a sentence in another language, which is not read: at most partial. */
  switchesLanguage: boolean;
  keyPointsMatched: boolean[];
  misconceptionsMatched: boolean[];
  /** Key points the answer states of the wrong term (swaps.ts): misconceptions too. */
  swapped: { keyPoint: number; right: string; wrong: string }[];
  /** For each key point / misconception, the index of the first phrasing found (diagnostics). */
  evidence: { keyPoints: (number | null)[]; misconceptions: (number | null)[] };
}

export function verdictFor(score: number): Verdict {
  if (score >= EXPLAIN_THRESHOLDS.correct) return "correct";
  if (score >= EXPLAIN_THRESHOLDS.partial) return "partial";
  return "incorrect";
}

export function scoreExplanation(prompt: string, rubric: Rubric, answer: string): ExplainResult {
  return readExplanation(prompt, rubric, answer, false).result;
}

/** What the learned models see of an answer (evidence.ts): for training them. */
export function answerFeatures(prompt: string, rubric: Rubric, answer: string): string[] {
  return readExplanation(prompt, rubric, answer, true).features;
}

function readExplanation(
  prompt: string,
  rubric: Rubric,
  answer: string,
  wantFeatures: boolean,
): { result: ExplainResult; features: string[] } {
  const rules = compileRubric(rubric, prompt);
  const none = (n: number) => new Array<boolean>(n).fill(false);
  const nothing = {
    switchesLanguage: false,
    score: 0,
    verdict: "incorrect" as const,
    uncertain: false,
    swapped: [],
    keyPointsMatched: none(rubric.keyPoints.length),
    misconceptionsMatched: none(rules.misconceptions.length),
    evidence: {
      keyPoints: rubric.keyPoints.map(() => null),
      misconceptions: rules.misconceptions.map(() => null),
    },
  };
  const unread = (result: ExplainResult) => ({ result, features: [] });
  if (answer.trim() === "")
    return unread({ ...nothing, keywordsOnly: false, empty: true, notEnglish: false });
  const text = analyse(answer);
  const reading = readableSentences(text, answer, rules.promptWords);
  if (reading.keywordsOnly)
    return unread({ ...nothing, keywordsOnly: true, empty: false, notEnglish: false });
  if (!looksEnglish(text, rules.vocabulary))
    return unread({ ...nothing, keywordsOnly: false, empty: false, notEnglish: true });
  // An English answer that switches language for a sentence is read without it.
  const foreign = foreignSentences(text);
  const spans = reading.spans.filter((span) => !foreign.has(span));

  resolveFormerLatter(text);
  const analogies = findAnalogies(answer, rules.vocabulary, vagueKeys(), text);
  // Wrong claims are read in the answer's own words: a story word mapped to a term ("threads and
  // asyncio are the single cook ... three cooks is parallelism") is evidence of understanding,
  // never of a misconception.
  const literal = indexAnswer(text, spans);
  const retracted = retractedBlocks(text);
  const taken = (m: Match) => retracted.has(text.tokens[m.from]?.block ?? -1);
  // A question that opens like one ("Is it ...?", "Does it ...?"), not a hedged statement ("I
  // think it gets collected?") or a quoted one ("keeps asking 'who is ready?'").
  const asked = (m: Match) => {
    const token = text.tokens[m.from];
    const span = token ? text.sentences[token.sentence] : undefined;
    return token?.question === true && QUESTION_OPENERS.has(text.tokens[span?.start ?? -1]?.value ?? "");
  };
  // Every place a misconception is stated, by any of its phrasings ("both are switched by the
  // OS; coroutines are preempted" states it twice), and the first phrasing found (evidence).
  const misconceptionHits = rules.misconceptions.map((phrasings, i) => {
    const matches: Match[] = [];
    let first: number | undefined;
    const topic = rules.misconceptionTopics[i];
    for (const p of phrasings) {
      findPhrasing(literal, p, "misconception", (m) => {
        if (taken(m) || saidOfOther(text, m, topic)) return false;
        matches.push(m);
        first ??= p.index;
        return false;
      });
    }
    return first === undefined ? undefined : { index: first, matches };
  });
  // The words that state a misconception are no evidence of understanding: a key point found in
  // the same list item ("spawns a thread to run it in the background" is not "runs in the
  // background"; "manages them, and runs them in parallel" keeps "manages them") does not count.
  // An item is one list segment of one assertion: "... slower, but it protects the counts" keeps
  // the second half.
  const itemOf = (at: number) => {
    const token = text.tokens[at];
    return token ? `${token.sentence}:${token.segment}:${token.block}` : "";
  };
  // A swap stated in the words of a listed misconception is that misconception: reported once.
  const stated = misconceptionHits.flatMap((hit) => hit?.matches ?? []);
  const overlaps = (m: Match) => stated.some((o) => o.from <= m.to && m.from <= o.to);
  // Nor is a swap the answer takes back ("Myth: each thread gets its own memory. Fact: ...").
  const swaps = findSwaps(literal, rules.swaps)
    .map((found) => ({ ...found, matches: found.matches.filter((m) => !taken(m)) }))
    .filter((found) => found.matches.length > 0 && !found.matches.every(overlaps));
  applyAnalogies(text, analogies);
  const index = analogies.size > 0 ? indexAnswer(text, spans) : literal;
  const wrongItems = new Set<string>();
  for (const hit of [...misconceptionHits, ...swaps]) {
    for (const m of hit?.matches ?? []) for (let at = m.from; at <= m.to; at++) wrongItems.add(itemOf(at));
  }
  // Nor are words the answer asks ("Is it a mutex with one thread at a time? No idea.") or takes
  // back ("..., but that is wrong").
  const clear = (m: Match) => {
    if (taken(m) || asked(m)) return false;
    for (let at = m.from; at <= m.to; at++) if (wrongItems.has(itemOf(at))) return false;
    return true;
  };
  const keyPointEvidence = rules.keyPoints.map((phrasings, k) => {
    const agent = rules.agents[k];
    const ok = (m: Match) => clear(m) && !otherAgent(text, m, agent);
    return (
      (
        phrasings.find((p, i) => rules.novel[k]?.[i] === true && findPhrasing(index, p, "key-point", ok)) ??
        rules.relaxed[k]?.find((p) => findPhrasing(index, p, "key-point", ok)) ??
        rules.majority[k]?.find((p) => findPhrasing(index, p, "key-point", ok))
      )?.index ?? null
    );
  });
  const misconceptionEvidence = misconceptionHits.map((hit) => hit?.index ?? null);
  const misconceptionsMatched = misconceptionEvidence.map((e) => e !== null);
  const anyMisconception = misconceptionsMatched.some(Boolean) || swaps.length > 0;

  const weightOf = (i: number) => {
    const w = rubric.keyPoints[i]?.weight;
    return typeof w === "number" && Number.isFinite(w) && w > 0 ? w : 1;
  };
  const shareOf = (evidence: readonly (number | null)[]) => {
    let total = 0;
    let got = 0;
    evidence.forEach((e, i) => {
      total += weightOf(i);
      if (e !== null) got += weightOf(i);
    });
    return total > 0 ? got / total : 0;
  };
  // The learned models check the phrasings' findings and complete an answer they find mostly right.
  const model = modelFor(rules.fingerprint, keyPointEvidence.length);
  let learned = false;
  const features =
    wantFeatures || model ? evidenceFeatures(text, spans, (at) => clear({ from: at, to: at })) : [];
  if (model) {
    const probabilities = keyPointProbabilities(model, features);
    learned = weighLearnedEvidence(keyPointEvidence, probabilities, shareOf, anyMisconception);
  }
  const keyPointsMatched = keyPointEvidence.map((e) => e !== null);
  let score = shareOf(keyPointEvidence);
  let verdict = verdictFor(score);
  // A correct answer states the major points: a missed key point of weight CORE_WEIGHT or more, or
  // more than one missed key point of weight MAJOR_WEIGHT, keeps the verdict at partial even when
  // the others add up past the threshold. One missed weight-2 point is forgiven: answers that reach
  // the threshold and state every core point are judged correct by graders even when they skip a
  // secondary detail (the timer, "cooperatively") or state it in words no phrasing foresaw.
  const missedMajors = keyPointsMatched.filter((matched, i) => !matched && weightOf(i) >= MAJOR_WEIGHT);
  const coreMissed = keyPointsMatched.some((matched, i) => !matched && weightOf(i) >= CORE_WEIGHT);
  const forgiven = keyPointsMatched.length >= FORGIVING_POINTS ? MAJOR_MISSES_FORGIVEN : 0;
  if (verdict === "correct" && (coreMissed || missedMajors.length > forgiven)) verdict = "partial";
  // Any key point found is partial understanding, however light its weight.
  if (verdict === "incorrect" && keyPointsMatched.some(Boolean)) verdict = "partial";
  const anyKeyPoint = keyPointsMatched.some(Boolean);
  // An answer built on an analogy it spells out ("the waiter = event loop, tables = coroutines")
  // states the rest of its points in the story's words, which no phrasing reads; graders judge
  // such answers correct once half the weight is found in plain terms.
  // One mapping is enough when the answer announces its analogy ("imagine a waiter ..."), and an
  // announced analogy with two mappings tells even more of its points in the story.
  const story = analogies.size > 0 && tellsAStory(answer);
  const spelledOut = (analogies.size >= ANALOGY_MAPPINGS || story) && score >= ANALOGY_CORRECT_SHARE;
  const toldInTheStory = story && analogies.size >= ANALOGY_MAPPINGS && score >= ANALOGY_STORY_SHARE;
  if (verdict === "partial" && !anyMisconception && (spelledOut || toldInTheStory)) verdict = "correct";
  // What a sentence in another language says is not read: it may well be wrong.
  const switched = foreign.size > 0;
  if (switched && verdict === "correct") verdict = "partial";
  if (anyMisconception) {
    // A misconception next to a real part of the answer is partial understanding; next to a
    // fragment (under MISCONCEPTION_PARTIAL_SHARE of the weight) the misconception is the answer.
    const substantial = anyKeyPoint && score >= MISCONCEPTION_PARTIAL_SHARE;
    score = Math.min(score, MISCONCEPTION_CAP);
    verdict = substantial ? "partial" : "incorrect";
  }
  const near = (t: number) => Math.abs(score - t) < UNCERTAIN_MARGIN;
  const uncertain =
    learned ||
    (anyMisconception && anyKeyPoint) ||
    near(EXPLAIN_THRESHOLDS.correct) ||
    near(EXPLAIN_THRESHOLDS.partial);
  const result: ExplainResult = {
    score,
    verdict,
    uncertain,
    keywordsOnly: false,
    empty: false,
    notEnglish: false,
    switchesLanguage: switched,
    swapped: swaps
      .map(({ swap }) => ({ keyPoint: swap.keyPoint, right: swap.right, wrong: swap.wrong }))
      .filter((s, i, all) => all.findIndex((o) => o.keyPoint === s.keyPoint && o.wrong === s.wrong) === i),
    keyPointsMatched,
    misconceptionsMatched,
    evidence: { keyPoints: keyPointEvidence, misconceptions: misconceptionEvidence },
  };
  return { result, features };
}

/**
 * What keeps a rubric from grading well, for authors and the bank's tests: phrasings without a
 * content word, key-point phrasings that only repeat the prompt (they can never give credit) and a
 * reference answer that does not itself score correct.
 */
export function rubricProblems(prompt: string, rubric: Rubric): string[] {
  const rules = compileRubric(rubric, prompt);
  const problems: string[] = [];
  rubric.keyPoints.forEach((point, k) => {
    const compiledPoint = rules.keyPoints[k] ?? [];
    point.phrasings.forEach((text, i) => {
      const at = compiledPoint.findIndex((p) => p.index === i);
      if (at < 0) problems.push(`key point ${k + 1}: "${text}" has no content word`);
      else if (rules.novel[k]?.[at] !== true)
        problems.push(`key point ${k + 1}: "${text}" only repeats the prompt`);
    });
  });
  (rubric.misconceptions ?? []).forEach((m, k) => {
    m.phrasings.forEach((text, i) => {
      if (!rules.misconceptions[k]?.some((p) => p.index === i))
        problems.push(`misconception ${k + 1}: "${text}" has no content word`);
    });
  });
  const reference = scoreExplanation(prompt, rubric, rubric.referenceAnswer);
  if (reference.verdict !== "correct")
    problems.push(`the reference answer scores ${reference.score.toFixed(2)} (${reference.verdict})`);
  return problems;
}
