// The text work behind generated questions: sentences, emphasised terms, salient phrases and key
// points, drawn from mdast paragraphs. Pure; used by generate-questions.ts.
import type { Nodes, Paragraph, RootContent } from "mdast";
import { collapseWhitespace, plainText } from "../markdown/parse-document.ts";

export type KeyPoint = { text: string; weight: number; phrasings: string[] };
export const MAX_TERM_CHARS = 40;
/** A rubric longer than this asks for an essay; the first points are the core of the answer. */
export const MAX_KEY_POINTS = 10;
export const LIMITS = {
  prompt: 4000,
  explanation: 4000,
  reference: 5000,
  keyPoint: 500,
  choice: 1000,
  sentence: 600,
};
export const SENTENCES = new Intl.Segmenter("en", { granularity: "sentence" });
export const SEGMENT_WINDOW = 8192;
export const TOKEN = /[\p{L}\p{N}]+(?:['’_./-][\p{L}\p{N}]+)*/gu;
export const STOPWORDS = new Set(
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
export interface Sentence {
  text: string;
  words: number;
  /** Emphasised terms in the sentence, each with the sentence where it is blanked out. */
  terms: { term: string; masked: string }[];
}

/** Paragraphs anywhere in the blocks (lists and quotes included), in order; code and HTML skipped. */
export function paragraphsIn(blocks: RootContent[]): Paragraph[] {
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

export function sentencesOf(paragraph: Paragraph): Sentence[] {
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

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Plain text of an answer: paragraphs as lines, list items as "- " lines, code as it is. */
export function referenceText(blocks: RootContent[]): string {
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

export function keyPointsFrom(sentences: Sentence[], avoid: Set<string>): KeyPoint[] {
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

export function isContentWord(raw: string, avoid: Set<string>): boolean {
  const word = raw.toLowerCase().replaceAll("’", "'");
  if (STOPWORDS.has(word) || /^\d+(?:[.,]\d+)*$/.test(word) || word.length > MAX_TERM_CHARS) return false;
  // Two-letter words only as acronyms (OS, IO, DB); shorter ones carry no meaning on their own.
  if (word.length < 3 && !/^[A-Z]{2}$/.test(raw)) return false;
  const stems = [word, word.replace(/'s$/, ""), word.replace(/e?s$/, ""), `${word}s`, `${word}es`];
  return !stems.some((stem) => avoid.has(stem));
}

export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    if (isContentWord(match[0], new Set())) words.add(match[0].toLowerCase().replaceAll("’", "'"));
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
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
export function slugPart(text: string, max: number): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/, "");
}
