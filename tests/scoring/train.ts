// Trains the learned evidence of the bank's explain questions (src/domain/scoring/evidence.ts) on
// the tuning answers and writes seed/evidence-models.json (`npm run train:scoring`). Only
// tests/scoring/tuning/ is read: validation, fresh and held-out answers stay unseen, so the eval
// still measures answers the models never met. Rerun after changing the lexicon, the reading rules,
// a key point's text or the tuning set; a unit test fails while the shipped file is stale.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  EVIDENCE_MODELS_FILE,
  type KeyPointModel,
  type QuestionModel,
  rubricFingerprint,
} from "../../src/domain/scoring/evidence.ts";
import { answerFeatures } from "../../src/domain/scoring/explain.ts";
import { loadBank, loadSet, root } from "./labelled-sets.ts";

/** Plain stochastic gradient descent in a fixed order: the same data always gives the same weights. */
const EPOCHS = 60;
const LEARNING_RATE = 0.3;
/** L2 penalty, spread over the examples. */
const L2 = 1;
/** Weights this close to 0 change no decision and are not shipped. */
const PRUNE_BELOW = 0.05;
/** Weights are stored rounded: a smaller file, and the same file from machine to machine. */
const DECIMALS = 4;

export function fitLogistic(examples: readonly string[][], labels: readonly boolean[]): KeyPointModel {
  const weights = new Map<string, number>();
  let bias = 0;
  const decay = L2 / Math.max(1, examples.length);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    examples.forEach((features, i) => {
      let z = bias;
      for (const f of features) z += weights.get(f) ?? 0;
      const error = 1 / (1 + Math.exp(-z)) - (labels[i] ? 1 : 0);
      bias -= LEARNING_RATE * error;
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - LEARNING_RATE * (error + decay * w));
      }
    });
  }
  const round = (x: number) => Number(x.toFixed(DECIMALS));
  const kept = [...weights]
    .filter(([, w]) => Math.abs(w) >= PRUNE_BELOW)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { bias: round(bias), weights: Object.fromEntries(kept.map(([f, w]) => [f, round(w)])) };
}

export function trainEvidenceModels(): { trainedOn: string; models: QuestionModel[] } {
  const bank = loadBank();
  const tuning = loadSet(join(root, "tests/scoring/tuning"), bank);
  const models: QuestionModel[] = [];
  for (const [slug, question] of bank) {
    const rubric = question.answerKey.rubric;
    if (!rubric) continue;
    const answers = tuning.filter((c) => c.slug === slug);
    const examples = answers.map((c) => answerFeatures(question.prompt, rubric, c.text));
    models.push({
      slug,
      fingerprint: rubricFingerprint(question.prompt, rubric),
      keyPoints: rubric.keyPoints.map((_, k) =>
        fitLogistic(
          examples,
          answers.map((c) => c.keyPoints.includes(k)),
        ),
      ),
    });
  }
  return {
    trainedOn: `tests/scoring/tuning (${tuning.length} answers); logistic regression, ${EPOCHS} epochs, rate ${LEARNING_RATE}, L2 ${L2}`,
    models,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const trained = trainEvidenceModels();
  writeFileSync(EVIDENCE_MODELS_FILE, `${JSON.stringify(trained)}\n`);
  const weights = trained.models.reduce(
    (n, m) => n + m.keyPoints.reduce((k, p) => k + Object.keys(p.weights).length, 0),
    0,
  );
  console.log(`wrote ${EVIDENCE_MODELS_FILE}: ${trained.models.length} questions, ${weights} weights`);
}
