// "Processes and threads: the former are lightweight flows ..., the latter independent programs":
// "the former" and "the latter" stand for the two terms of a contrasted pair, in the order the
// answer last named them. They are read as those terms, so that what is said of them is checked
// like anything said of the terms themselves (key points, misconceptions, swapped roles).
import type { AnalysedText } from "./nlp.ts";
import { termPairs } from "./swaps.ts";
import { CONTRASTED_IN_RUBRIC, CONTRASTED_TERMS } from "./synonyms.ts";

const PAIRS = [...CONTRASTED_TERMS, ...CONTRASTED_IN_RUBRIC];

/** Gives each "the former" / "the latter" the key of the term it refers to, in place. */
export function resolveFormerLatter(text: AnalysedText): void {
  const { tokens } = text;
  tokens.forEach((token, at) => {
    if ((token.value !== "former" && token.value !== "latter") || tokens[at - 1]?.value !== "the") return;
    // Where each key was last named before the reference.
    const lastNamed = new Map<string, number>();
    for (let i = 0; i < at; i++) for (const key of tokens[i]?.keys ?? []) lastNamed.set(key, i);
    // The pair named most recently, its two terms in the order they were last named.
    let order: [string, string] | undefined;
    let latest = -1;
    for (const { keys } of termPairs(PAIRS)) {
      const [a, b] = keys;
      const atA = lastNamed.get(a);
      const atB = lastNamed.get(b);
      if (atA === undefined || atB === undefined || Math.max(atA, atB) <= latest) continue;
      latest = Math.max(atA, atB);
      order = atA < atB ? [a, b] : [b, a];
    }
    if (!order) return;
    const key = token.value === "former" ? order[0] : order[1];
    token.key = key;
    token.keys = [key];
    token.content = true;
    token.pos = "NOUN";
  });
}
