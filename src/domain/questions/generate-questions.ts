// Drafts questions from a parsed study note: explain cards from its question/answer pairs and its
// concept sections, cloze cards from emphasised terms, and "which concept" choices among sibling
// sections. Pure and deterministic: the same document gives the same questions and slugs.
import type { RootContent } from "mdast";
import {
  collapseWhitespace,
  type ParsedDocument,
  type ParsedSection,
  type QaPair,
  qaLabelOf,
  questionFromHeading,
  readSections,
  type SectionContent,
} from "../markdown/parse-document.ts";
import { parseMarkdown } from "../markdown/safe-parse.ts";
import { countBlanks, type QuestionInput } from "./question-spec.ts";
import {
  clip,
  contentWords,
  isContentWord,
  keyPointsFrom,
  LIMITS,
  MAX_TERM_CHARS,
  paragraphsIn,
  referenceText,
  type Sentence,
  sentencesOf,
  slugPart,
  TOKEN,
  wordCount,
} from "./question-text.ts";

export type GeneratedQuestion = QuestionInput & {
  /** gen-<document>-<anchor>-<type>-<n>: the same for the same document, run after run. */
  slug: string;
  /** Anchor of the source section. */
  section: string;
};

export interface GenerateOptions {
  documentSlug: string;
  /** Prompts already in the bank; a generated question never repeats one. */
  existingPrompts?: string[];
  /** Only used to pick and order distractors; without it the order is deterministic. */
  random?: () => number;
}

const MAX_CLOZE_PER_SECTION = 2;
const CLOZE_WORDS = { min: 6, max: 40 };
/** Longer "headings" are sentences in bold, not concept names. */
const MAX_CONCEPT_HEADING_CHARS = 120;
const CONCEPT_SENTENCES = 3;
const CONCEPT_MAX_CHARS = 600;
/** Fewer words is a fragment ("See below."), not a sentence worth asking about. */
const MIN_SENTENCE_WORDS = 4;
const DISTRACTORS = 3;
/** Random distractors are drawn from this many nearest siblings. */
const DISTRACTOR_WINDOW = 8;

const IMPERATIVE =
  /^(?:what|why|how|when|where|which|who|explain|describe|compare|define|discuss|list|name|give)\b/i;

interface SectionInfo {
  section: ParsedSection;
  content: SectionContent;
  parent: number;
  isConcept: boolean;
  /** Leading prose sentences (before any Question paragraph), for concept cards. */
  prose: Sentence[];
  topic: string;
}

interface Draft {
  anchor: string;
  question: QuestionInput;
}

export function generateQuestions(doc: ParsedDocument, options: GenerateOptions): GeneratedQuestion[] {
  const infos = describeSections(doc.sections, options.documentSlug);
  const pairsBySection = groupBy(doc.qaPairs, (pair) => pair.sectionAnchor);
  // Concept sections under the same parent at the same level, each with its place in the group.
  const siblingGroups = groupBy(
    infos.flatMap((info, index) => (info.isConcept ? [index] : [])),
    (index) => siblingKey(infos[index]),
  );
  const placeInGroup = new Map<number, number>();
  for (const group of siblingGroups.values()) {
    for (const [place, index] of group.entries()) placeInGroup.set(index, place);
  }
  const drafts: Draft[] = [];
  infos.forEach((info, index) => {
    const { anchor } = info.section;
    const add = (question: QuestionInput | null) => {
      if (question) drafts.push({ anchor, question });
    };
    for (const pair of pairsBySection.get(anchor) ?? []) add(qaQuestion(pair, info.topic));
    add(conceptQuestion(info));
    for (const question of clozeQuestions(info)) add(question);
    const siblings = siblingGroups.get(siblingKey(info)) ?? [];
    add(choiceQuestion(infos, index, siblings, placeInGroup.get(index) ?? 0, options.random));
  });
  return finish(drafts, options);
}

function siblingKey(info: SectionInfo | undefined): string {
  return `${info?.parent}:${info?.section.level}`;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Slugs first (so they never depend on existingPrompts), then duplicates dropped. */
function finish(drafts: Draft[], options: GenerateOptions): GeneratedQuestion[] {
  const documentPart = slugPart(options.documentSlug, 40) || "document";
  const counters = new Map<string, number>();
  const slugs = new Set<string>();
  const seen = new Set((options.existingPrompts ?? []).map(promptKey));
  const result: GeneratedQuestion[] = [];
  for (const { anchor, question } of drafts) {
    const kind = question.type.replaceAll("_", "-");
    const counterKey = `${anchor}\n${kind}`;
    const n = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, n);
    const base = `gen-${documentPart}-${slugPart(anchor, 50) || "section"}-${kind}-${n}`;
    let slug = base;
    for (let suffix = 2; slugs.has(slug); suffix++) slug = `${base}-${suffix}`;
    slugs.add(slug);
    const key = promptKey(question.prompt);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ ...question, slug, section: anchor });
  }
  return result;
}

/** Lower-cased, every run of non-alphanumerics collapsed to one space. */
function promptKey(prompt: string): string {
  return prompt
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function describeSections(sections: ParsedSection[], documentSlug: string): SectionInfo[] {
  const infos: SectionInfo[] = [];
  const ancestors: number[] = [];
  const contents = readSections(sections);
  sections.forEach((section, index) => {
    while (
      ancestors.length > 0 &&
      (infos[ancestors[ancestors.length - 1] ?? -1]?.section.level ?? 0) >= section.level
    ) {
      ancestors.pop();
    }
    const content = contents[index] ?? { kind: "introduction", body: [] };
    const heading = section.heading.trim();
    infos.push({
      section,
      content,
      parent: ancestors[ancestors.length - 1] ?? -1,
      isConcept:
        content.kind !== "introduction" &&
        heading !== "" &&
        heading.length <= MAX_CONCEPT_HEADING_CHARS &&
        questionFromHeading(heading) === null,
      prose: leadingProse(content.body),
      topic: "",
    });
    ancestors.push(infos.length - 1);
  });
  const fallbackTopic = slugPart(documentSlug, 60) || "general";
  for (const info of infos) info.topic = topicOf(infos, info, fallbackTopic);
  return infos;
}

/** The nearest level 1-3 heading at or above the section that names a subject, not a question. */
function topicOf(infos: SectionInfo[], info: SectionInfo, fallback: string): string {
  for (let current: SectionInfo | undefined = info; current; current = infos[current.parent]) {
    const { section, content } = current;
    if (content.kind === "heading" && section.level <= 3 && !isQuestionLike(section.heading)) {
      const topic = slugPart(section.anchor, 60);
      if (topic) return topic;
    }
  }
  return fallback;
}

function isQuestionLike(heading: string): boolean {
  return questionFromHeading(heading) !== null || /\?\s*$/.test(heading) || IMPERATIVE.test(heading.trim());
}

function leadingProse(body: RootContent[]): Sentence[] {
  const prose: Sentence[] = [];
  let chars = 0;
  for (const block of body) {
    if (block.type !== "paragraph") continue;
    const label = qaLabelOf(block);
    if (label === "question") break;
    if (label === "answer") continue;
    for (const sentence of sentencesOf(block)) {
      if (sentence.words < MIN_SENTENCE_WORDS || sentence.text.endsWith(":")) continue;
      prose.push(sentence);
      chars += sentence.text.length;
      if (prose.length >= CONCEPT_SENTENCES || chars >= CONCEPT_MAX_CHARS) return prose;
    }
  }
  return prose;
}

// ---------------------------------------------------------------------------------------------
// Question kinds

function qaQuestion(pair: QaPair, topic: string): QuestionInput | null {
  const blocks = parseMarkdown(pair.answer)?.children ?? [];
  const referenceAnswer = clip(referenceText(blocks), LIMITS.reference);
  const units = paragraphsIn(blocks).flatMap((paragraph) => sentencesOf(paragraph));
  const keyPoints = keyPointsFrom(units, contentWords(pair.question));
  if (referenceAnswer === "" || keyPoints.length === 0) return null;
  return {
    type: "explain",
    prompt: clip(pair.question, LIMITS.prompt),
    difficulty: "medium",
    topics: [topic],
    rubric: { referenceAnswer, keyPoints },
  };
}

function conceptQuestion(info: SectionInfo): QuestionInput | null {
  if (!info.isConcept || info.prose.length === 0) return null;
  const prompt = conceptPrompt(info.section.heading);
  const keyPoints = keyPointsFrom(info.prose, contentWords(prompt));
  if (keyPoints.length === 0) return null;
  return {
    type: "explain",
    prompt,
    difficulty: "medium",
    topics: [info.topic],
    rubric: { referenceAnswer: clip(info.prose.map((s) => s.text).join(" "), LIMITS.reference), keyPoints },
  };
}

/** "What is Event Loop?", "What are Coroutines?", "Compare Coroutine and Thread.", or the heading's own question. */
function conceptPrompt(heading: string): string {
  const trimmed = collapseWhitespace(heading);
  if (trimmed.endsWith("?")) return trimmed;
  const name = trimmed.replace(/[\s.:;,!]+$/, "");
  if (IMPERATIVE.test(name))
    return /^(?:what|why|how|when|where|which|who)\b/i.test(name) ? `${name}?` : `${name}.`;
  if (/\b(?:vs\.?|versus)(?=\s)/i.test(name))
    return `Compare ${name.replace(/\s+(?:vs\.?|versus)\s+/gi, " and ")}.`;
  const words = name.split(" ");
  if (words.length > 5 || /\b(?:and|or)\b|[,&/]/i.test(name)) return `Explain ${name}.`;
  const last = (words[words.length - 1] ?? "").toLowerCase();
  const plural = /[a-z]s$/.test(last) && !/(?:ss|us|is|ics)$/.test(last);
  return `What ${plural ? "are" : "is"} ${name}?`;
}

function clozeQuestions(info: SectionInfo): QuestionInput[] {
  const questions: QuestionInput[] = [];
  const used = new Set<string>();
  for (const paragraph of paragraphsIn(info.content.body)) {
    for (const sentence of sentencesOf(paragraph)) {
      if (sentence.words < CLOZE_WORDS.min || sentence.words > CLOZE_WORDS.max) continue;
      // One blank per sentence: two cards from one sentence test the same reading twice.
      const found = sentence.terms.find(
        ({ term, masked }) => isClozeTerm(term, masked) && !used.has(term.toLowerCase()),
      );
      if (!found) continue;
      used.add(found.term.toLowerCase());
      questions.push({
        type: "cloze",
        prompt: found.masked,
        difficulty: "easy",
        topics: [info.topic],
        answer: [found.term],
        explanation: clip(sentence.text, LIMITS.explanation),
      });
      if (questions.length >= MAX_CLOZE_PER_SECTION) return questions;
    }
  }
  return questions;
}

function isClozeTerm(term: string, masked: string): boolean {
  return (
    term.length <= MAX_TERM_CHARS &&
    /[\p{L}\p{N}]/u.test(term) &&
    !term.endsWith(":") &&
    masked.length <= LIMITS.choice &&
    countBlanks(masked) === 1 &&
    // A term repeated elsewhere in the sentence would give the answer away.
    !masked.toLowerCase().includes(term.toLowerCase())
  );
}

function choiceQuestion(
  infos: SectionInfo[],
  index: number,
  siblings: number[],
  at: number,
  random?: () => number,
): QuestionInput | null {
  const info = infos[index];
  const [first] = info?.prose ?? [];
  if (!info?.isConcept || !first) return null;
  const heading = collapseWhitespace(info.section.heading);
  // The nearest siblings, those after this one first and wrapping round, make plausible
  // distractors; a bounded window keeps a document of thousands of siblings linear.
  const window: string[] = [];
  const taken = new Set([heading.toLowerCase()]);
  for (let step = 1; step < siblings.length && window.length < DISTRACTOR_WINDOW; step++) {
    const sibling = infos[siblings[(at + step) % siblings.length] ?? -1];
    const text = collapseWhitespace(sibling?.section.heading ?? "");
    if (text === "" || taken.has(text.toLowerCase())) continue;
    taken.add(text.toLowerCase());
    window.push(text);
  }
  const distractors = (random ? shuffle(window, random) : window).slice(0, DISTRACTORS);
  if (distractors.length < DISTRACTORS) return null;
  const description = maskConcept(clip(first.text, LIMITS.sentence), heading).replace(/[\s.!;:]+$/, "");
  if (wordCount(description.replaceAll("___", "")) < MIN_SENTENCE_WORDS) return null;
  const wrong = distractors.map((text) => ({ text, correct: false }));
  const right = { text: heading, correct: true };
  // Without a random source the right answer still moves around, by section position.
  const slot = info.section.position % (DISTRACTORS + 1);
  const choices = random
    ? shuffle([right, ...wrong], random)
    : [...wrong.slice(0, slot), right, ...wrong.slice(slot)];
  return {
    type: "single_choice",
    prompt: `Which concept is described here: "${description}"?`,
    difficulty: "easy",
    topics: [info.topic],
    choices,
    explanation: clip(`${heading}: ${first.text}`, LIMITS.explanation),
  };
}

/**
 * Blanks out the concept's name: the whole heading, and the head word (the last) of each side of
 * a "vs"/"and" heading, plural or singular. "Python Coroutine" keeps "Python" in the clue.
 */
function maskConcept(sentence: string, heading: string): string {
  const lower = (word: string) => word.toLowerCase().replaceAll("’", "'");
  const singular = (word: string) => word.replace(/e?s$/, "");
  const phrase = [...heading.matchAll(TOKEN)].map((match) => lower(match[0]));
  const names = new Set(
    heading
      .split(/\s+(?:vs\.?|versus|and|or)\s+|[,&/]/i)
      .flatMap((side) =>
        [...side.matchAll(TOKEN)]
          .map((match) => match[0])
          .filter((w) => isContentWord(w, new Set()))
          .slice(-1),
      )
      .flatMap((word) => [lower(word), singular(lower(word))]),
  );
  const sameWord = (word: string, name: string) =>
    word === name || singular(word) === name || singular(word) === singular(name);
  const tokens = [...sentence.matchAll(TOKEN)].map((match) => ({
    word: lower(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const masked: [number, number][] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    const run = tokens.slice(index, index + phrase.length);
    const isPhrase =
      phrase.length > 1 &&
      run.length === phrase.length &&
      run.every(
        (t, k) =>
          sameWord(t.word, phrase[k] ?? "") &&
          (k === 0 || /^\s+$/.test(sentence.slice(run[k - 1]?.end, t.start))),
      );
    const last = run[run.length - 1];
    if (isPhrase && last) {
      masked.push([token.start, last.end]);
      index += phrase.length - 1;
    } else if ([...names].some((name) => sameWord(token.word, name))) {
      masked.push([token.start, token.end]);
    }
  }
  let result = "";
  let copied = 0;
  for (const [start, end] of masked) {
    result += `${sentence.slice(copied, start)}___`;
    copied = end;
  }
  return `${result}${sentence.slice(copied)}`.replace(/___(?:\s+___)+/g, "___");
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const value = random();
    const pick = Number.isFinite(value) ? Math.min(index, Math.max(0, Math.floor(value * (index + 1)))) : 0;
    const current = copy[index];
    const other = copy[pick];
    if (current === undefined || other === undefined) continue;
    copy[index] = other;
    copy[pick] = current;
  }
  return copy;
}
