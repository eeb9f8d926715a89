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
 * Every side of every mapping, analysed in one pass (one line each, so one sentence each): wink's
 * per-call cost, paid once per side, doubled the time an answer took to score. Falls back to a
 * call per side in the rare case a side does not come out as exactly one sentence.
 */
function readSides(sides: readonly string[]): WordToken[][] {
  const text = analyse(sides.join("\n"));
  if (text.sentences.length !== sides.length) return sides.map((side) => analyse(side).tokens);
  return text.sentences.map((span) => text.tokens.slice(span.start, span.end));
}

/**
 * The story words an answer maps to rubric terms, by key. `vocabulary` is every key the rubric's
 * phrasings and prompt use; `excluded` are keys too vague to be mapped to (quantities, "code").
 */
export function findAnalogies(
  answer: string,
  vocabulary: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
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
  const sides = readSides(pairs.flat());
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
