// The labelled answers under tests/scoring/ and the bank questions they answer, as the eval
// (run-eval.ts) and the evidence trainer (train.ts) read them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import {
  questionInputSchema,
  type StoredQuestion,
  toStoredQuestion,
} from "../../src/domain/questions/question-spec.ts";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const VERDICTS = ["incorrect", "partial", "correct"] as const;
export type Verdict = (typeof VERDICTS)[number];

const labelledFile = z.strictObject({
  question: z.string().min(1),
  answers: z.array(
    z.strictObject({
      text: z.string(),
      label: z.enum(VERDICTS),
      keyPoints: z.array(z.number().int().nonnegative()).default([]),
      kind: z.string().min(1),
      note: z.string().optional(),
    }),
  ),
});

const bankFile = z.looseObject({ questions: z.array(z.looseObject({ slug: z.string(), type: z.string() })) });

/** The bank's explain questions by slug, validated and stored exactly as the API stores them. */
export function loadBank(): Map<string, StoredQuestion> {
  const dir = join(root, "seed/questions");
  const bank = new Map<string, StoredQuestion>();
  let n = 0;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const doc = bankFile.parse(parse(readFileSync(join(dir, file), "utf8")));
    for (const entry of doc.questions) {
      if (entry.type !== "explain") continue;
      const { slug, section: _section, ...input } = entry;
      const parsed = questionInputSchema.safeParse(input);
      if (!parsed.success)
        throw new Error(`${file}: ${slug} is not a valid question: ${parsed.error.message}`);
      bank.set(
        slug,
        toStoredQuestion(parsed.data, () => `choice-${++n}`),
      );
    }
  }
  return bank;
}

export interface Case {
  /** "<set>/<file>#<index>": how second-labeller.json names the answer. */
  id: string;
  file: string;
  slug: string;
  question: StoredQuestion;
  text: string;
  label: Verdict;
  keyPoints: number[];
  kind: string;
}

export function loadSet(dir: string, bank: Map<string, StoredQuestion>): Case[] {
  if (!existsSync(dir)) return [];
  const cases: Case[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const doc = labelledFile.parse(parse(readFileSync(join(dir, file), "utf8")));
    const question = bank.get(doc.question);
    if (!question) throw new Error(`${file}: no explain question "${doc.question}" in the bank`);
    const points = question.answerKey.rubric?.keyPoints.length ?? 0;
    for (const [at, a] of doc.answers.entries()) {
      const bad = a.keyPoints.find((k) => k >= points);
      if (bad !== undefined)
        throw new Error(`${file}: key point ${bad} does not exist (the rubric has ${points})`);
      cases.push({
        id: `${basename(dir)}/${file}#${at}`,
        file,
        slug: doc.question,
        question,
        text: a.text,
        label: a.label,
        keyPoints: a.keyPoints,
        kind: a.kind,
      });
    }
  }
  return cases;
}
