// Learned evidence (evidence.ts): what the models see of an answer, when they may add or drop a key
// point, that a model only applies to the question it was trained for, and that the shipped models
// are what training gives today.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredQuestion } from "../../../src/domain/questions/question-spec.ts";
import {
  EVIDENCE_MAX_POINTS,
  EVIDENCE_MODELS_FILE,
  EVIDENCE_PROBABILITY,
  EVIDENCE_VETO,
  evidenceModelsFile,
  LEARNED_EVIDENCE,
  loadEvidenceModels,
  type QuestionModel,
  rubricFingerprint,
  useEvidenceModels,
  weighLearnedEvidence,
} from "../../../src/domain/scoring/evidence.ts";
import { answerFeatures, scoreExplanation } from "../../../src/domain/scoring/explain.ts";
import { trainEvidenceModels } from "../../scoring/train.ts";
import { explain } from "./fixtures.ts";

const shipped = loadEvidenceModels();
afterEach(() => useEvidenceModels(shipped));

const q = explain();
const rubric = q.answerKey.rubric ?? { referenceAnswer: "", keyPoints: [], misconceptions: [] };
const score = (answer: string, question: StoredQuestion = q) =>
  scoreExplanation(question.prompt, question.answerKey.rubric ?? rubric, answer);
const features = (answer: string) => answerFeatures(q.prompt, rubric, answer);

/** A model for the fixture whose key points have these fixed probabilities (a bias, no weights). */
function fixedModel(probabilities: number[], prompt = q.prompt): QuestionModel {
  const logit = (p: number) => Math.log(p / (1 - p));
  return {
    slug: "fixture",
    fingerprint: rubricFingerprint(prompt, rubric),
    keyPoints: probabilities.map((p) => ({ bias: logit(p), weights: {} })),
  };
}

// States the first two key points (weights 2 and 1 of 5) in words the phrasings know.
const FIRST_TWO =
  "Only one thread executes bytecode at a time. I/O releases the GIL, so threads still help with waiting.";

describe("learned evidence: what a model sees", () => {
  it("reads content words by their lexicon key, marks negated ones and pairs neighbours", () => {
    const seen = features("Threads do not run in parallel.");
    expect(seen.some((f) => f.startsWith("!") && !f.includes(" "))).toBe(true);
    expect(seen.some((f) => f.includes(" "))).toBe(true);
  });

  it("skips what the answer only asks or takes back", () => {
    const asserted = features("Multiprocessing starts separate processes.");
    expect(asserted.length).toBeGreaterThan(0);
    expect(features("Does multiprocessing start separate processes?")).toEqual([]);
    const retracted = features("Multiprocessing starts separate processes. Just kidding.");
    expect(retracted.filter((f) => asserted.includes(f))).toEqual([]);
  });
});

describe("learned evidence: in scoring", () => {
  it("completes a mostly right answer with the missing key point its model is sure of", () => {
    useEvidenceModels([]);
    expect(score(FIRST_TWO).keyPointsMatched).toEqual([true, true, false]);
    useEvidenceModels([fixedModel([0.5, 0.5, 0.95])]);
    const completed = score(FIRST_TWO);
    expect(completed.keyPointsMatched).toEqual([true, true, true]);
    expect(completed.evidence.keyPoints[2]).toBe(LEARNED_EVIDENCE);
    expect(completed.verdict).toBe("correct");
    expect(completed.uncertain).toBe(true);
  });

  it("does not complete an answer its phrasings find less than half right", () => {
    useEvidenceModels([fixedModel([0.5, 0.99, 0.99])]);
    expect(score("Only one thread executes bytecode at a time.").keyPointsMatched).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("does not complete an answer that states a misconception", () => {
    useEvidenceModels([fixedModel([0.5, 0.5, 0.99])]);
    const result = score(`${FIRST_TWO} Threads run in parallel on multiple cores.`);
    expect(result.misconceptionsMatched).toEqual([true]);
    expect(result.keyPointsMatched[2]).toBe(false);
  });

  it("drops a phrasing's match that its model finds very unlikely", () => {
    useEvidenceModels([fixedModel([0.5, EVIDENCE_VETO / 2, 0.5])]);
    const vetoed = score(FIRST_TWO);
    expect(vetoed.keyPointsMatched).toEqual([true, false, false]);
    expect(vetoed.uncertain).toBe(true);
  });

  it("applies a model only to the prompt and key points it was trained for", () => {
    useEvidenceModels([fixedModel([0.5, 0.01, 0.99], "Some other prompt?")]);
    expect(score(FIRST_TWO).keyPointsMatched).toEqual([true, true, false]);
  });
});

describe("learned evidence: weighing", () => {
  const cases = fc.record({
    found: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    // Spread evenly over [0, 1] with the thresholds themselves (fc.double crowds near 0).
    probabilities: fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
        fc.constantFrom(EVIDENCE_VETO, EVIDENCE_PROBABILITY),
      ),
      { minLength: 6, maxLength: 6 },
    ),
    wrongClaims: fc.boolean(),
  });
  const weigh = (found: boolean[], probabilities: number[], wrongClaims: boolean) => {
    const evidence: (number | null)[] = found.map((f) => (f ? 0 : null));
    const share = (e: readonly (number | null)[]) => e.filter((x) => x !== null).length / e.length;
    const changed = weighLearnedEvidence(evidence, probabilities, share, wrongClaims);
    return { after: evidence, changed };
  };

  it("drops only matches under the veto and adds only sure points, never beside a wrong claim", () => {
    fc.assert(
      fc.property(cases, ({ found, probabilities, wrongClaims }) => {
        const { after, changed } = weigh(found, probabilities, wrongClaims);
        expect(changed).toBe(after.some((e, k) => (e !== null) !== found[k]));
        const added = after.flatMap((e, k) => (e === LEARNED_EVIDENCE ? [k] : []));
        found.forEach((f, k) => {
          const p = probabilities[k] ?? 0;
          if (f) expect(after[k] === null).toBe(p < EVIDENCE_VETO);
        });
        expect(added.length).toBeLessThanOrEqual(wrongClaims ? 0 : EVIDENCE_MAX_POINTS);
        for (const k of added) {
          expect(found[k]).toBe(false);
          expect(probabilities[k]).toBeGreaterThanOrEqual(EVIDENCE_PROBABILITY);
        }
      }),
    );
  });
});

describe("learned evidence: the shipped models", () => {
  it("are what training on the tuning answers gives today (rerun npm run train:scoring)", () => {
    const file = evidenceModelsFile.parse(JSON.parse(readFileSync(EVIDENCE_MODELS_FILE, "utf8")));
    const trained = trainEvidenceModels();
    expect(file.trainedOn).toBe(trained.trainedOn);
    expect(file.models.map((m) => [m.slug, m.fingerprint])).toEqual(
      trained.models.map((m) => [m.slug, m.fingerprint]),
    );
    file.models.forEach((model, i) => {
      model.keyPoints.forEach((point, k) => {
        const fresh = trained.models[i]?.keyPoints[k];
        expect(Math.abs(point.bias - (fresh?.bias ?? Number.NaN))).toBeLessThan(1e-3);
        const drift = Object.entries(point.weights).filter(
          ([f, w]) => !(Math.abs(w - (fresh?.weights[f] ?? Number.NaN)) < 1e-3),
        );
        expect(drift, `${model.slug} key point ${k}`).toEqual([]);
        expect(Object.keys(fresh?.weights ?? {}).length).toBe(Object.keys(point.weights).length);
      });
    });
  }, 120_000);
});
