// Drafts questions from a parsed study note: explain cards from its question/answer pairs and its
// concept sections, cloze cards from emphasised terms, and "which concept" choices among sibling
// sections. Pure and deterministic: the same document gives the same questions and slugs.
import type { Nodes, Paragraph, RootContent } from "mdast";
import {
  collapseWhitespace,
  type ParsedDocument,
  type ParsedSection,
  parseMarkdown,
  plainText,
  type QaPair,
  qaLabelOf,
  questionFromHeading,
  readSections,
  type SectionContent,
} from "../markdown/parse-document.ts";
import { countBlanks, type QuestionInput } from "./question-spec.ts";

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

type KeyPoint = { text: string; weight: number; phrasings: string[] };

const MAX_CLOZE_PER_SECTION = 2;
const CLOZE_WORDS = { min: 6, max: 40 };
const MAX_TERM_CHARS = 40;
/** Longer "headings" are sentences in bold, not concept names. */
const MAX_CONCEPT_HEADING_CHARS = 120;
const CONCEPT_SENTENCES = 3;
const CONCEPT_MAX_CHARS = 600;
/** Fewer words is a fragment ("See below."), not a sentence worth asking about. */
const MIN_SENTENCE_WORDS = 4;
/** A rubric longer than this asks for an essay; the first points are the core of the answer. */
const MAX_KEY_POINTS = 10;
const DISTRACTORS = 3;
/** Random distractors are drawn from this many nearest siblings. */
const DISTRACTOR_WINDOW = 8;
const LIMITS = {
  prompt: 4000,
  explanation: 4000,
  reference: 5000,
  keyPoint: 500,
  choice: 1000,
  sentence: 600,
};

const SENTENCES = new Intl.Segmenter("en", { granularity: "sentence" });
const SEGMENT_WINDOW = 8192;
const TOKEN = /[\p{L}\p{N}]+(?:['’_./-][\p{L}\p{N}]+)*/gu;
const IMPERATIVE =
  /^(?:what|why|how|when|where|which|who|explain|describe|compare|define|discuss|list|name|give)\b/i;
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being " +
    "below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down " +
    "during each e.g eg etc even every few for from further get gets got had hadn't has hasn't have haven't " +
    "having he her here hers herself him himself his how however i i.e ie if in into is isn't it it's its itself " +
    "just let like likely make makes many may me might more most much must my myself no nor not now of off on " +
    "once one only or other ought our ours ourselves out over own per quite rather really same she should " +
    "shouldn't since so some such than that that's the their theirs them themselves then there there's " +
    "these they this those though through thus to too under until up upon us use used uses using very via vs " +
    "was wasn't we well were weren't what what's when where whether which while who whom why will with " +
    "within without won't would wouldn't yet you your yours yourself yourselves think imagine say says called " +
    "known simply usually always often sometimes something anything everything way ways thing things kind " +
    "type instead still already another either neither different seem seems according decide decides " +
    "ensure ensures represent represents happen happens keep keeps need needs want wanted look looks go goes " +
    "give gives take takes put assume allow allows provide provides help helps mean means able possible " +
    "important certain real whole new old good better best first second last next main basically actually case"
  ).split(" "),
);

interface Sentence {
  text: string;
  words: number;
  /** Emphasised terms in the sentence, each with the sentence where it is blanked out. */
  terms: { term: string; masked: string }[];
}

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

// ---------------------------------------------------------------------------------------------
// Text: sentences, emphasised terms, key points

/** Paragraphs anywhere in the blocks (lists and quotes included), in order; code and HTML skipped. */
function paragraphsIn(blocks: RootContent[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const stack: Nodes[] = [...blocks].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === "paragraph") paragraphs.push(node);
    else if (node.type === "blockquote" || node.type === "list" || node.type === "listItem") {
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index];
        if (child) stack.push(child);
      }
    }
  }
  return paragraphs;
}

interface Span {
  start: number;
  end: number;
}

/** The paragraph's text (line breaks as spaces) and the spans of its outermost emphasised nodes. */
function textWithEmphasis(paragraph: Paragraph): { text: string; spans: Span[] } {
  const parts: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  let open: Span | null = null;
  const append = (value: string) => {
    const flat = value.replace(/[\r\n\t]/g, " ");
    parts.push(flat);
    length += flat.length;
  };
  const stack: (Nodes | { close: Span })[] = [...paragraph.children].reverse();
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if ("close" in frame) {
      frame.close.end = length;
      spans.push(frame.close);
      open = null;
      continue;
    }
    switch (frame.type) {
      case "text":
        append(frame.value);
        break;
      case "inlineCode":
        if (open === null) spans.push({ start: length, end: length + frame.value.length });
        append(frame.value);
        break;
      case "image":
      case "imageReference":
        append(frame.alt ?? "");
        break;
      case "break":
        append(" ");
        break;
      case "strong":
      case "emphasis":
        if (open === null) {
          open = { start: length, end: length };
          stack.push({ close: open });
        }
        pushChildren(stack, frame);
        break;
      default:
        pushChildren(stack, frame);
    }
  }
  return { text: parts.join(""), spans };
}

function pushChildren(stack: (Nodes | { close: Span })[], node: Nodes): void {
  if (node.type === "html" || node.type === "footnoteReference" || !("children" in node)) return;
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index];
    if (child) stack.push(child);
  }
}

function sentencesOf(paragraph: Paragraph): Sentence[] {
  const { text, spans } = textWithEmphasis(paragraph);
  const sentences: Sentence[] = [];
  let next = 0;
  for (const { segment, index } of segmentSentences(text)) {
    const end = index + segment.length;
    const sentenceText = collapseWhitespace(segment);
    const terms: Sentence["terms"] = [];
    while (next < spans.length && (spans[next]?.start ?? end) < index) next++;
    for (let at = next; at < spans.length; at++) {
      const span = spans[at];
      if (!span || span.start >= end) break;
      if (span.end > end || span.end <= span.start) continue;
      const { start, end: termEnd } = trimTerm(text, span);
      const term = collapseWhitespace(text.slice(start, termEnd));
      const masked = collapseWhitespace(`${text.slice(index, start)}___${text.slice(termEnd, end)}`);
      if (term !== "") terms.push({ term, masked });
    }
    if (sentenceText !== "") sentences.push({ text: sentenceText, words: wordCount(sentenceText), terms });
  }
  return sentences;
}

/** `"pending"` blanks as "___" between quotes, `(GIL)` as (___): the answer is the word itself. */
function trimTerm(text: string, span: Span): Span {
  let { start, end } = span;
  const wrapper = /[\s"'“”‘’`]/;
  for (let pass = 0; pass < 2; pass++) {
    while (start < end && wrapper.test(text.charAt(start))) start++;
    while (end > start && wrapper.test(text.charAt(end - 1))) end--;
    if (pass === 0 && text.charAt(start) === "(" && text.charAt(end - 1) === ")" && end - start > 2) {
      start++;
      end--;
    }
  }
  return { start, end };
}

/**
 * Intl.Segmenter slows down quadratically on long texts (200 KB: 0.6 s, 1 MB: many seconds), so
 * a long paragraph is segmented in windows cut after a ". " (or a space) near SEGMENT_WINDOW.
 */
function* segmentSentences(text: string): Generator<{ segment: string; index: number }> {
  for (let offset = 0; offset < text.length; ) {
    let cut = text.length;
    if (text.length - offset > SEGMENT_WINDOW) {
      const limit = offset + SEGMENT_WINDOW;
      const sentenceEnd = text.lastIndexOf(". ", limit);
      const space = text.lastIndexOf(" ", limit);
      cut = sentenceEnd > offset + SEGMENT_WINDOW / 2 ? sentenceEnd + 2 : space > offset ? space + 1 : limit;
    }
    for (const { segment, index } of SENTENCES.segment(text.slice(offset, cut))) {
      yield { segment, index: offset + index };
    }
    offset = cut;
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Plain text of an answer: paragraphs as lines, list items as "- " lines, code as it is. */
function referenceText(blocks: RootContent[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === "html" || block.type === "definition") continue;
    if (block.type === "code") lines.push(block.value.trimEnd());
    else if (block.type === "list")
      for (const item of block.children) lines.push(`- ${collapseWhitespace(plainText(item))}`);
    else lines.push(collapseWhitespace(plainText(block)));
  }
  return lines.filter((line) => line.trim() !== "" && line.trim() !== "-").join("\n");
}

function keyPointsFrom(sentences: Sentence[], avoid: Set<string>): KeyPoint[] {
  const points: KeyPoint[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.words < 2 || points.length >= MAX_KEY_POINTS) continue;
    const text = clip(sentence.text, LIMITS.keyPoint);
    const phrasings = salientPhrases(sentence.text, avoid);
    if (phrasings.length === 0 || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    points.push({ text, weight: 1, phrasings });
  }
  // An answer made only of the question's own words still needs a point to score.
  return points.length > 0 || avoid.size === 0 ? points : keyPointsFrom(sentences, new Set());
}

/**
 * Up to four keyword groups of a sentence: runs of up to three adjacent content words (no
 * stop-words, no words of the question), longest first, given back in sentence order.
 */
function salientPhrases(sentence: string, avoid: Set<string>): string[] {
  const groups: { words: string[]; order: number }[] = [];
  let run: string[] = [];
  let lastEnd = -1;
  const flush = () => {
    // English noun phrases end in their head noun, so a long run keeps its last three words.
    const chunks: string[][] = [];
    for (let end = run.length; end > 0; end -= 3) chunks.unshift(run.slice(Math.max(0, end - 3), end));
    for (const words of chunks) groups.push({ words, order: groups.length });
    run = [];
  };
  for (const match of sentence.matchAll(TOKEN)) {
    const word = match[0].toLowerCase().replaceAll("’", "'");
    const adjacent = lastEnd >= 0 && /^[ \t]+$/.test(sentence.slice(lastEnd, match.index));
    lastEnd = match.index + match[0].length;
    if (!isContentWord(match[0], avoid)) {
      flush();
      continue;
    }
    if (!adjacent) flush();
    run.push(word);
  }
  flush();
  const ranked = [...groups].sort((a, b) => phraseScore(b.words) - phraseScore(a.words) || a.order - b.order);
  const picked: { text: string; order: number }[] = [];
  for (const group of ranked) {
    const text = group.words.join(" ");
    if (picked.some((other) => other.text === text)) continue;
    picked.push({ text, order: group.order });
    if (picked.length === 4) break;
  }
  return picked.sort((a, b) => a.order - b.order).map((group) => group.text);
}

/**
 * More words first, then sentence order; among single words a long one (a technical term) beats
 * a short one, and a lone verb or adverb form ("running", "simply") comes last.
 */
function phraseScore(words: string[]): number {
  const [only = ""] = words;
  if (words.length > 1) return words.length * 2;
  return 2 + (only.length >= 8 ? 1 : 0) - (/(?:ing|ly|ed)$/.test(only) ? 1 : 0);
}

function isContentWord(raw: string, avoid: Set<string>): boolean {
  const word = raw.toLowerCase().replaceAll("’", "'");
  if (STOPWORDS.has(word) || /^\d+(?:[.,]\d+)*$/.test(word) || word.length > MAX_TERM_CHARS) return false;
  // Two-letter words only as acronyms (OS, IO, DB); shorter ones carry no meaning on their own.
  if (word.length < 3 && !/^[A-Z]{2}$/.test(raw)) return false;
  const stems = [word, word.replace(/'s$/, ""), word.replace(/e?s$/, ""), `${word}s`, `${word}es`];
  return !stems.some((stem) => avoid.has(stem));
}

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    if (isContentWord(match[0], new Set())) words.add(match[0].toLowerCase().replaceAll("’", "'"));
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** At most `max` characters, cut at a word boundary with an ellipsis. */
function clip(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  let cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  if (space > max * 0.6) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair behind.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** ASCII slug: lower-case letters and digits joined by single hyphens, at most `max` characters. */
function slugPart(text: string, max: number): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "");
}
