// Normalisation and comparison of short typed answers (short_answer, cloze) and of program
// output (code_output). Numbers compare by value, identifiers exactly, plain words with a little
// typo tolerance.

/** Relative tolerance for numeric answers: "4" = "4.0" = "4.0000001". */
export const NUMBER_TOLERANCE = 1e-6;

/** NFKC, case fold, accents stripped, whitespace collapsed. Punctuation is left alone. */
export function foldText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ς/g, "σ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

// Sentence punctuation and quotes; identifier characters (_ . ( ) [ ] - * @ $) are never trimmed
// from the inside, and only quotes and trailing sentence marks from the edges.
const EDGE_PUNCTUATION = /^[\s"'`“”‘’«»„,;:!?]+|[\s"'`“”‘’«»„.,;:!?]+$/gu;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/;

/** The comparable form of an answer: folded, surrounding punctuation and a trailing "()" removed. */
export function normaliseAnswer(text: string): string {
  let out = foldText(text).replace(EDGE_PUNCTUATION, "");
  // "asyncio.run()" names the same thing as "asyncio.run".
  if (/\w\(\)$/.test(out)) out = out.slice(0, -2);
  // A leading article is not part of the answer: "the event loop" is "event loop".
  if (/^(?:the|a|an) [\p{L}]/u.test(out)) out = out.replace(/^(?:the|a|an) /, "");
  return out;
}

export function parseNumber(text: string): number | undefined {
  const compact = foldText(text).replace(EDGE_PUNCTUATION, "").replace(/_/g, "");
  if (!NUMBER.test(compact)) return undefined;
  const value = Number(compact);
  return Number.isFinite(value) ? value : undefined;
}

export function numbersEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= NUMBER_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Code identifiers get no typo tolerance: `_ . ( ) [ ]`, a digit, or camelCase in the original. */
export function isIdentifierLike(original: string): boolean {
  const core = original.normalize("NFKC").trim().replace(EDGE_PUNCTUATION, "");
  return /[_.()[\]\d]/.test(core) || /\p{Ll}\p{Lu}/u.test(core);
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function damerauLevenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0];
  if (first) for (let j = 0; j <= b.length; j++) first[j] = j;
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i];
    if (!row) continue;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Typos allowed in one plain word: 1 from 5 letters, 2 from 9. The first letter must match, so a
 * different word ("sync" for "async", "wait" for "await") is not taken for a typo.
 */
function typoAllowance(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

function plainWordsMatch(given: string, expected: string): boolean {
  const a = given.split(" ");
  const b = expected.split(" ");
  if (a.length !== b.length) return false;
  return b.every((word, i) => {
    const other = a[i] ?? "";
    if (other === word) return true;
    const allowance = typoAllowance(word);
    if (allowance === 0 || other[0] !== word[0]) return false;
    if (!/^\p{L}+$/u.test(word) || !/^\p{L}+$/u.test(other)) return false;
    return damerauLevenshtein(other, word, allowance) <= allowance;
  });
}

/** Does a typed answer match one of the accepted strings? */
export function textAnswerMatches(given: string, accepted: readonly string[]): boolean {
  const givenNumber = parseNumber(given);
  const givenNormal = normaliseAnswer(given);
  for (const option of accepted) {
    const optionNumber = parseNumber(option);
    if (optionNumber !== undefined || givenNumber !== undefined) {
      if (optionNumber !== undefined && givenNumber !== undefined && numbersEqual(optionNumber, givenNumber))
        return true;
      continue;
    }
    const optionNormal = normaliseAnswer(option);
    if (optionNormal === givenNormal) return true;
    if (optionNormal === "" || isIdentifierLike(option) || isIdentifierLike(given)) continue;
    if (plainWordsMatch(givenNormal, optionNormal)) return true;
  }
  return false;
}

/** Program output as lines: any line ending, trailing spaces and trailing blank lines dropped. */
export function outputLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
