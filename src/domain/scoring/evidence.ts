// Learned evidence: a second, data-driven reading of key points for the bank's own questions.
//
// Rubric phrasings find a key point when the answer says it in words someone foresaw. Answers that
// state a point implicitly ("while it sleeps the loop serves the other requests" for "await hands
// control back to the event loop") slip past them. For each bank question, tests/scoring/train.ts
// fits one logistic regression per key point on the labelled tuning answers, over the words the
// scorer reads as asserted (see evidenceFeatures), and writes the weights to
// seed/evidence-models.json. A model applies only to the exact prompt and key points it was
// trained for (its fingerprint): an edited or authored question is scored by its phrasings alone.
//
// The models only check the phrasings: they drop a match they find very unlikely and complete an
// answer the phrasings already find mostly right (weighLearnedEvidence); they never grade alone.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Rubric } from "../questions/question-spec.ts";
import type { AnalysedText, SentenceSpan } from "./nlp.ts";

/**
 * A key point a phrasing finds is dropped when its model gives it under this probability: the
 * words matched, but nothing else in the answer looks like an answer that states the point (a
 * stray match is what turns most wrong answers partial). Chosen by cross-validation over the
 * tuning batches (0.01, 0.03, 0.1, 0.2 tried; 0.03 best).
 */
export const EVIDENCE_VETO = 0.03;
/** A key point no phrasing finds counts as found by its model at this probability or above ... */
export const EVIDENCE_PROBABILITY = 0.9;
/** ... in an answer without a wrong claim whose phrasings already found this share of the weight ... */
export const EVIDENCE_MIN_SCORE = 0.5;
/** ... at most this many key points per answer. */
export const EVIDENCE_MAX_POINTS = 1;
/** Evidence index of a key point found by its learned model rather than by a phrasing. */
export const LEARNED_EVIDENCE = -2;

export const EVIDENCE_MODELS_FILE = fileURLToPath(
  new URL("../../../seed/evidence-models.json", import.meta.url),
);

const keyPointModel = z.strictObject({ bias: z.number(), weights: z.record(z.string(), z.number()) });
export type KeyPointModel = z.infer<typeof keyPointModel>;

const questionModel = z.strictObject({
  slug: z.string(),
  fingerprint: z.string(),
  keyPoints: z.array(keyPointModel),
});
export type QuestionModel = z.infer<typeof questionModel>;

export const evidenceModelsFile = z.strictObject({
  /** How the weights were trained: the set, the answers, the settings. */
  trainedOn: z.string(),
  models: z.array(questionModel),
});

/** What a model is valid for: the prompt and its key points' texts, in order. */
export function rubricFingerprint(prompt: string, rubric: Rubric): string {
  const hash = createHash("sha256");
  hash.update(prompt);
  for (const point of rubric.keyPoints) hash.update(`\u0001${point.text}`);
  return hash.digest("hex").slice(0, 32);
}

/** A question's models ready for scoring: per feature, its weight in each key point's model. */
export interface CompiledModel {
  source: QuestionModel;
  biases: Float64Array;
  weights: Map<string, Float64Array>;
}

function compileModel(source: QuestionModel): CompiledModel {
  const n = source.keyPoints.length;
  const weights = new Map<string, Float64Array>();
  source.keyPoints.forEach((point, k) => {
    for (const [feature, w] of Object.entries(point.weights)) {
      let row = weights.get(feature);
      if (!row) {
        row = new Float64Array(n);
        weights.set(feature, row);
      }
      row[k] = w;
    }
  });
  return { source, biases: Float64Array.from(source.keyPoints, (p) => p.bias), weights };
}

let byFingerprint: Map<string, CompiledModel> | undefined;

/** The shipped models, read once (an absent file means no learned evidence). */
export function loadEvidenceModels(): QuestionModel[] {
  return [...models().values()].map((model) => model.source);
}

function models(): Map<string, CompiledModel> {
  if (byFingerprint) return byFingerprint;
  const list = existsSync(EVIDENCE_MODELS_FILE)
    ? evidenceModelsFile.parse(JSON.parse(readFileSync(EVIDENCE_MODELS_FILE, "utf8"))).models
    : [];
  return useEvidenceModels(list);
}

/** Replaces the shipped models: for tests and for cross-validating the trainer. */
export function useEvidenceModels(list: readonly QuestionModel[]): Map<string, CompiledModel> {
  byFingerprint = new Map(list.map((model) => [model.fingerprint, compileModel(model)]));
  return byFingerprint;
}

/** The model trained for exactly this prompt and these key points, if any. */
export function modelFor(fingerprint: string, keyPoints: number): CompiledModel | undefined {
  const model = models().get(fingerprint);
  return model && model.biases.length === keyPoints ? model : undefined;
}

/**
 * What a model sees of an answer: the content words the scorer reads as asserted (not asked, not
 * taken back, not part of a wrong claim), each by its lexicon key and marked when negated, and
 * each pair of neighbours within a sentence.
 */
export function evidenceFeatures(
  text: AnalysedText,
  spans: readonly SentenceSpan[],
  asserted: (at: number) => boolean,
): string[] {
  const features = new Set<string>();
  let previous: string | undefined;
  let previousSentence = -1;
  for (const span of spans) {
    for (let at = span.start; at < span.end; at++) {
      const token = text.tokens[at];
      if (!token?.content || !asserted(at)) continue;
      const feature = token.negated ? `!${token.key}` : token.key;
      features.add(feature);
      if (previous !== undefined && previousSentence === token.sentence)
        features.add(`${previous} ${feature}`);
      previous = feature;
      previousSentence = token.sentence;
    }
  }
  return [...features];
}

/**
 * Checks what the phrasings found (per key point, the phrasing's index or null) against the
 * models' probabilities, in place: vetoes doubtful matches, then completes a mostly right answer.
 * Says whether it changed anything: such a grade rests on a model's judgement, worth a human look.
 */
export function weighLearnedEvidence(
  evidence: (number | null)[],
  probabilities: readonly number[],
  shareOf: (evidence: readonly (number | null)[]) => number,
  wrongClaims: boolean,
): boolean {
  let changed = false;
  evidence.forEach((e, k) => {
    if (e !== null && (probabilities[k] ?? 1) < EVIDENCE_VETO) {
      evidence[k] = null;
      changed = true;
    }
  });
  if (wrongClaims || shareOf(evidence) < EVIDENCE_MIN_SCORE) return changed;
  const likely = probabilities
    .map((p, k) => ({ k, p }))
    .filter(({ k, p }) => evidence[k] === null && p >= EVIDENCE_PROBABILITY)
    .sort((a, b) => b.p - a.p)
    .slice(0, EVIDENCE_MAX_POINTS);
  for (const { k } of likely) evidence[k] = LEARNED_EVIDENCE;
  return changed || likely.length > 0;
}

/** Each key point's probability of being stated, given the answer's features. */
export function keyPointProbabilities(model: CompiledModel, features: readonly string[]): number[] {
  const z = Float64Array.from(model.biases);
  for (const feature of features) {
    const row = model.weights.get(feature);
    if (row) for (let k = 0; k < z.length; k++) z[k] = (z[k] ?? 0) + (row[k] ?? 0);
  }
  return Array.from(z, (x) => 1 / (1 + Math.exp(-x)));
}
