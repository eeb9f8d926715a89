// Analogies in answers: "the waiter = event loop, tables = coroutines", "one notepad (the GIL)",
// "the GIL is that mic". When an answer says outright which word of its story stands for which
// term of the question, the story's word is read as that term as well, so "he goes to the next
// table" can be matched like "he goes to the next coroutine". Only explicit mappings count, only
// from a word the rubric does not use to a term it does, and a word mapped to two different terms
// is not mapped at all.
import { type AnalysedText, analyse, type WordToken } from "./nlp.ts";

const WORD = "[a-z][a-z'-]*";
const PHRASE = `${WORD}(?: ${WORD}){0,2}`;
const ARTICLE = "(?:(?:the|a|an|our|my|your|that|this|these|those|just|basically|kind of|like|sort of)\\s+)*";

/** Each pattern captures two sides; which one is the story and which the term is decided later. */
const MAPPINGS: readonly RegExp[] = [
  // "one notepad (the GIL)", "the kitchen (that's the database)"
  new RegExp(
    `\\b(${WORD})\\s*\\(\\s*(?:(?:that'?s|thats|that is|i\\.?e\\.?,?|aka|=)\\s*)?${ARTICLE}(${PHRASE})\\s*\\)`,
    "g",
  ),
  // "waiter = event loop", "tables -> coroutines"
  new RegExp(`\\b(${WORD})\\s*(?:=|->|→)\\s*${ARTICLE}(${PHRASE})`, "g"),
  // "the loop is the waiter", "threads are the people", "the GIL is that mic", "acts as a bouncer"
  new RegExp(
    `\\b(${WORD}) (?:is|are|being|represents?|stands? for|plays? the role of|acts? as|works like|is like|are like) ${ARTICLE}(${PHRASE})`,
    "g",
  ),
  // "one cutting board, that's the GIL", "the bell - which is the callback"
  new RegExp(
    `\\b(${WORD})\\s*(?:,|-|—|–|:)\\s*(?:that'?s|thats|that is|which is|i\\.?e\\.?,?)\\s+${ARTICLE}(${PHRASE})`,
    "g",
  ),
  // "think of the GIL as a microphone"
  new RegExp(`\\bthink of ${ARTICLE}(${PHRASE}) as ${ARTICLE}(${PHRASE})`, "g"),
];

/** Words that are never the story's side of a mapping: they are too common to stand for anything. */
const NEVER_ALIASED: ReadonlySet<string> = new Set([
  "thing",
  "things",
  "one",
  "way",
  "part",
  "kind",
  "sort",
  "lot",
  "idea",
  "example",
  "point",
  "case",
  "time",
  "job",
  "work",
]);

interface Side {
  /** The last noun that the rubric does not use: the story's word. */
  story?: string;
  /** Rubric terms the side names. */
  terms: string[];
}

function readSide(
  words: readonly WordToken[],
  vocabulary: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
): Side {
  const tokens = words.filter((t) => t.content);
  const terms = tokens.flatMap((t) => t.keys.filter((k) => vocabulary.has(k) && !excluded.has(k)));
  const nouns = tokens.filter(
    (t) =>
      (t.pos === "NOUN" || t.pos === "PROPN") &&
      !t.keys.some((k) => vocabulary.has(k)) &&
      !NEVER_ALIASED.has(t.value),
  );
  const story = nouns[nouns.length - 1]?.key;
  return story === undefined ? { terms } : { story, terms };
}

/**
 * The words of each side of each mapping. A side is a run of the answer's own words, so it is read
 * from the answer's analysis (in context, and without a second pass of wink, which cost an eighth
 * of the time to score an answer); a side that cannot be found there word for word (one the
 * lexicon's rewrites or the tokeniser split differently) is analysed on its own, all such sides in
 * one pass: one line each, so one sentence each.
 */
function readSides(sides: readonly string[], answer: AnalysedText): WordToken[][] {
  const read = sides.map((side) => findRun(answer.tokens, side));
  const missing = sides.filter((_, i) => read[i] === undefined);
  if (missing.length === 0) return read.map((tokens) => tokens ?? []);
  const text = analyse(missing.join("\n"));
  const alone =
    text.sentences.length === missing.length
      ? text.sentences.map((span) => text.tokens.slice(span.start, span.end))
      : missing.map((side) => analyse(side).tokens);
  let next = 0;
  return read.map((tokens) => tokens ?? alone[next++] ?? []);
}

/** The first run of tokens whose values are the side's words, if it has only plain words. */
function findRun(tokens: readonly WordToken[], side: string): WordToken[] | undefined {
  const words = side.split(" ");
  if (!words.every((w) => /^[a-z]+$/.test(w))) return undefined;
  const first = words[0];
  for (let at = 0; at + words.length <= tokens.length; at++) {
    if (tokens[at]?.value !== first) continue;
    if (words.every((w, k) => tokens[at + k]?.value === w)) return tokens.slice(at, at + words.length);
  }
  return undefined;
}

/**
 * The story words an answer maps to rubric terms, by key. `vocabulary` is every key the rubric's
 * phrasings and prompt use; `excluded` are keys too vague to be mapped to (quantities, "code");
 * `analysed` is the answer as `analyse` reads it, when the caller already has it.
 */
export function findAnalogies(
  answer: string,
  vocabulary: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
  analysed: AnalysedText = analyse(answer),
): Map<string, string[]> {
  const text = answer
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
  const found = new Map<string, Set<string>>();
  const add = (story: string, terms: readonly string[]) => {
    const known = found.get(story) ?? new Set<string>();
    for (const term of terms) known.add(term);
    found.set(story, known);
  };
  const pairs: (readonly [string, string])[] = [];
  for (const pattern of MAPPINGS) {
    for (const match of text.matchAll(pattern)) {
      const [whole, left, right] = match;
      if (left === undefined || right === undefined) continue;
      // "the task object is not garbage collected" maps nothing.
      if (/\b(?:not|never|no)\b|n't\b/.test(whole)) continue;
      pairs.push([left, right]);
    }
  }
  if (pairs.length === 0) return new Map();
  const sides = readSides(pairs.flat(), analysed);
  pairs.forEach((_, i) => {
    const a = readSide(sides[2 * i] ?? [], vocabulary, excluded);
    const b = readSide(sides[2 * i + 1] ?? [], vocabulary, excluded);
    if (a.terms.length === 0 && a.story !== undefined && b.terms.length > 0) add(a.story, b.terms);
    else if (b.terms.length === 0 && b.story !== undefined && a.terms.length > 0) add(b.story, a.terms);
  });
  const analogies = new Map<string, string[]>();
  for (const [story, terms] of found) {
    // Mapped to two different terms ("the cook is concurrency ... the cooks are parallelism"): ambiguous.
    if (terms.size === 1) analogies.set(story, [...terms]);
  }
  return analogies;
}

/** Gives every token of a mapped story word the key of the term it stands for, too. */
export function applyAnalogies(text: AnalysedText, analogies: ReadonlyMap<string, readonly string[]>): void {
  if (analogies.size === 0) return;
  for (const token of text.tokens) {
    const terms = analogies.get(token.key);
    if (terms) token.keys = [...token.keys, ...terms.filter((t) => !token.keys.includes(t))];
  }
}

/**
 * Words that announce an analogy: "imagine ...", "think of it as ...", "it's like a waiter who ...".
 * ("like computing a tax amount" gives an example, not an analogy.)
 */
const STORY =
  /\b(?:imagine|picture|think of|analogy|it'?s (?:kind of |a bit |more |basically )?like|(?:is|are|works|acts) (?:kind of |a bit |more |basically )?like|like (?:a|an|one|the) (?:\w+ )?(?:in|at|with|who|that)\b)/i;

/** Does the answer announce that it explains by an analogy? */
export function tellsAStory(answer: string): boolean {
  return STORY.test(answer.replace(/[\u2018\u2019\u02bc]/g, "'"));
}
