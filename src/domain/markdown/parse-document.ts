// Splits a study note into addressable sections (one per heading or bold sub-heading) and finds
// its question/answer pairs, for the content import and the question generator.
// Pure: markdown in, plain data out. It never throws: notes are uploaded by users, so any string,
// however hostile, must come back as a (possibly degraded) document.
import { createHash } from "node:crypto";
import GithubSlugger, { slug as slugOnce } from "github-slugger";
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { lineStartOffsets, parseMarkdown } from "./safe-parse.ts";

export interface ParsedSection {
  anchor: string;
  heading: string;
  level: number;
  /** 0-based order in the document. */
  position: number;
  /** The exact source text, from the start of the heading line to the end of the last block. */
  markdown: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** sha256 hex of `markdown`. */
  checksum: string;
}

export interface QaPair {
  /** Plain text, without its "Question:" label. */
  question: string;
  /** Markdown source of the answer (lists and code kept), without its "Answer:" label. */
  answer: string;
  sectionAnchor: string;
}

export interface ParsedDocument {
  title: string;
  sections: ParsedSection[];
  qaPairs: QaPair[];
}

/** A section's blocks as the question generator reads them: its body, without the heading. */
export interface SectionContent {
  kind: "heading" | "subheading" | "introduction";
  /** Blocks after the heading line; a sub-heading's own trailing lines come first, as a paragraph. */
  body: RootContent[];
}

const TITLE_MAX_CHARS = 120;

// "Question: …", "Question 2 - …", "Question …", "Q1: …"; not "Questions", "Question-driven" or
// "Q-learning". The one-letter forms need a colon, so an outline's "A. Basics" stays a sub-heading.
const QUESTION_LABEL = /^(?:question(?:\s*#?\s*\d+)?(?:\s*[:.)]|\s+[-–—]|(?=\s))|q\s*\d*\s*:)\s*/i;
const QUESTION_START = /^(?:question(?=$|\s|\s*[#\d:.)])|q\s*\d*\s*:)/i;
const ANSWER_START = /^(?:answer(?=$|\s|\s*[\d:.)])|a\s*\d*\s*:)/i;
const OPEN_BOLD_TAG = /^<(b|strong)(?:\s[^<>]*)?>$/i;
const LEADING_LINE_BREAK = /^[ \t]*(?:\r\n|\r|\n)/;

/** The heading text without its "Question:" label, or null when it is not a question heading. */
export function questionFromHeading(text: string): string | null {
  const match = QUESTION_LABEL.exec(text);
  if (!match) return null;
  const rest = text.slice(match[0].length).trim();
  return rest === "" ? null : rest;
}

const BLOCK_TYPES = new Set([
  "paragraph",
  "heading",
  "code",
  "blockquote",
  "list",
  "listItem",
  "table",
  "tableRow",
  "thematicBreak",
  "definition",
  "footnoteDefinition",
]);

/**
 * Plain text of nodes: like mdast-util-to-string (image alt kept), but raw HTML is dropped, blocks
 * are separated by newlines and the walk uses its own stack, so any nesting depth is safe.
 */
export function plainText(nodes: Nodes | readonly Nodes[]): string {
  const parts: string[] = [];
  const stack: Nodes[] = isNodeList(nodes) ? [...nodes].reverse() : [nodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (BLOCK_TYPES.has(node.type) && parts.length > 0) parts.push("\n");
    else if (node.type === "tableCell" && parts.length > 0) parts.push(" ");
    switch (node.type) {
      case "html":
        break;
      case "text":
      case "inlineCode":
      case "code":
        parts.push(node.value);
        break;
      case "image":
      case "imageReference":
        parts.push(node.alt ?? "");
        break;
      case "break":
        parts.push("\n");
        break;
      default:
        if ("children" in node) {
          for (let index = node.children.length - 1; index >= 0; index--) {
            const child = node.children[index];
            if (child) stack.push(child);
          }
        }
    }
  }
  return parts.join("");
}

function isNodeList(value: Nodes | readonly Nodes[]): value is readonly Nodes[] {
  return Array.isArray(value);
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

interface LeadingBold {
  text: string;
  /** Offset just after the bold part (after `</b>` or the closing `**`). */
  endOffset: number;
  /** The paragraph's children after the bold part. */
  rest: PhrasingContent[];
  /** The bold part is the whole first line of the paragraph. */
  isWholeLine: boolean;
}

/** A paragraph opening with `<b>…</b>`, `<strong>…</strong>` or `**…**`. */
function leadingBold(paragraph: Paragraph): LeadingBold | null {
  const [first] = paragraph.children;
  if (!first) return null;
  let bold: PhrasingContent[];
  let rest: PhrasingContent[];
  let endOffset: number | undefined;
  if (first.type === "strong") {
    bold = first.children;
    rest = paragraph.children.slice(1);
    endOffset = first.position?.end.offset;
  } else {
    const tag = first.type === "html" ? OPEN_BOLD_TAG.exec(first.value.trim())?.[1] : undefined;
    if (!tag) return null;
    const closing = new RegExp(`^</${tag}\\s*>$`, "i");
    const close = paragraph.children.findIndex(
      (child, index) => index > 0 && child.type === "html" && closing.test(child.value.trim()),
    );
    if (close < 0) return null;
    bold = paragraph.children.slice(1, close);
    rest = paragraph.children.slice(close + 1);
    endOffset = paragraph.children[close]?.position?.end.offset;
  }
  if (endOffset === undefined) return null;
  const raw = plainText(bold);
  const [next] = rest;
  const restOnNextLine =
    next === undefined ||
    next.type === "break" ||
    (next.type === "text" &&
      (LEADING_LINE_BREAK.test(next.value) || (rest.length === 1 && next.value.trim() === "")));
  return {
    text: collapseWhitespace(raw),
    endOffset,
    rest,
    isWholeLine: restOnNextLine && !/[\r\n]/.test(raw),
  };
}

type BlockRole =
  | { role: "heading"; text: string; depth: number }
  | { role: "subheading"; text: string; rest: PhrasingContent[] }
  | { role: "question"; question: string }
  | { role: "answer"; labelEnd: number }
  | { role: "content" };

function blockRole(block: RootContent): BlockRole {
  if (block.type === "heading")
    return { role: "heading", text: collapseWhitespace(plainText(block)), depth: block.depth };
  if (block.type !== "paragraph") return { role: "content" };
  const bold = leadingBold(block);
  if (!bold) return { role: "content" };
  if (QUESTION_START.test(bold.text)) {
    const question = collapseWhitespace(plainText(block)).replace(QUESTION_LABEL, "").trim();
    return question === "" ? { role: "content" } : { role: "question", question };
  }
  if (ANSWER_START.test(bold.text)) return { role: "answer", labelEnd: bold.endOffset };
  if (bold.isWholeLine && bold.text !== "") return { role: "subheading", text: bold.text, rest: bold.rest };
  return { role: "content" };
}

/** A sub-heading's trailing lines (`<b>Future</b>\nA Future is…`) as a paragraph of their own. */
function continuationParagraph(rest: PhrasingContent[]): Paragraph | null {
  const [first, ...others] = rest;
  if (!first) return null;
  let children: PhrasingContent[];
  if (first.type === "break") children = others;
  else if (first.type === "text") {
    const value = first.value.replace(LEADING_LINE_BREAK, "");
    children = value === "" ? others : [{ ...first, value }, ...others];
  } else children = rest;
  return children.length > 0 ? { type: "paragraph", children } : null;
}

/**
 * Re-reads the sections of a parsed document for the question generator, in one parse: the
 * sections are joined by blank lines and each gets the blocks that start inside it. A section
 * whose blocks do not line up with its own text (never seen, but cheap to guard) is parsed alone.
 */
export function readSections(sections: readonly ParsedSection[]): SectionContent[] {
  const separator = "\n\n";
  const starts: number[] = [];
  let offset = 0;
  for (const section of sections) {
    starts.push(offset);
    offset += section.markdown.length + separator.length;
  }
  const blocks = parseMarkdown(sections.map((section) => section.markdown).join(separator))?.children ?? [];
  const grouped: RootContent[][] = sections.map(() => []);
  let current = 0;
  for (const block of blocks) {
    const start = block.position?.start.offset ?? -1;
    while (current + 1 < sections.length && start >= (starts[current + 1] ?? Number.POSITIVE_INFINITY))
      current++;
    grouped[current]?.push(block);
  }
  return sections.map((section, index) => {
    const group = grouped[index] ?? [];
    const start = starts[index] ?? 0;
    const indent = section.markdown.length - section.markdown.trimStart().length;
    const first = group[0]?.position?.start.offset ?? -1;
    const last = group[group.length - 1]?.position?.end.offset ?? Number.POSITIVE_INFINITY;
    const aligned = first >= start && first <= start + indent && last <= start + section.markdown.length;
    return contentOf(aligned ? group : (parseMarkdown(section.markdown)?.children ?? []));
  });
}

function contentOf(blocks: RootContent[]): SectionContent {
  const [first, ...others] = blocks;
  if (!first) return { kind: "introduction", body: [] };
  const role = blockRole(first);
  if (role.role === "heading") return { kind: "heading", body: others };
  if (role.role === "subheading") {
    const continuation = continuationParagraph(role.rest);
    return { kind: "subheading", body: continuation ? [continuation, ...others] : others };
  }
  return { kind: "introduction", body: blocks };
}

/** Whether a top-level block is a QA label paragraph (`<b>Question …</b>`, `**Answer:**`). */
export function qaLabelOf(block: RootContent): "question" | "answer" | null {
  const role = blockRole(block);
  return role.role === "question" || role.role === "answer" ? role.role : null;
}

interface PositionedBlock {
  role: BlockRole;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

interface SectionDraft {
  heading: string;
  level: number;
  isIntroduction: boolean;
  blocks: PositionedBlock[];
}

export function parseDocument(markdown: string): ParsedDocument {
  // micromark drops a leading byte-order mark, and its offsets then count from after it.
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const tree = parseMarkdown(source);
  if (!tree) return unparsedDocument(source);

  const drafts: SectionDraft[] = [];
  let current: SectionDraft | null = null;
  let headingLevel = 0;
  for (const node of tree.children) {
    const { position } = node;
    if (!position || position.start.offset === undefined || position.end.offset === undefined) continue;
    const block: PositionedBlock = {
      role: blockRole(node),
      start: position.start.offset,
      end: position.end.offset,
      startLine: position.start.line,
      endLine: position.end.line,
    };
    if (block.role.role === "heading" || block.role.role === "subheading") {
      // A sub-heading sits one level below the markdown heading it follows.
      const level = block.role.role === "heading" ? block.role.depth : headingLevel + 1;
      if (block.role.role === "heading") headingLevel = block.role.depth;
      current = { heading: block.role.text, level, isIntroduction: false, blocks: [block] };
      drafts.push(current);
    } else if (current) {
      current.blocks.push(block);
    } else {
      current = { heading: "Introduction", level: 1, isIntroduction: true, blocks: [block] };
      drafts.push(current);
    }
  }

  const lineStarts = lineStartOffsets(source);
  const slugger = new GithubSlugger();
  const sections: ParsedSection[] = [];
  const qaPairs: QaPair[] = [];
  for (const draft of drafts) {
    const first = draft.blocks[0];
    const last = draft.blocks[draft.blocks.length - 1];
    if (!first || !last) continue;
    const text = source.slice(lineStarts[first.startLine - 1] ?? first.start, last.end);
    if (draft.isIntroduction && text.trim() === "") continue;
    const anchor = draft.isIntroduction ? slugger.slug("introduction") : anchorFor(slugger, draft.heading);
    sections.push({
      anchor,
      heading: draft.heading,
      level: draft.level,
      position: sections.length,
      markdown: text,
      startLine: first.startLine,
      endLine: last.endLine,
      checksum: createHash("sha256").update(text).digest("hex"),
    });
    qaPairs.push(...sectionQaPairs(source, draft, anchor));
  }
  return { title: documentTitle(tree, drafts), sections, qaPairs };
}

function anchorFor(slugger: GithubSlugger, heading: string): string {
  return slugOnce(heading) === "" ? slugger.slug("section") : slugger.slug(heading);
}

/**
 * Question headings open a pair whose answer is the section body; a bold "Question …" paragraph
 * opens one whose answer is what follows (its "Answer:" label removed). A pair ends at the next
 * question or at the end of the section; a question with nothing after it is dropped.
 */
function sectionQaPairs(source: string, draft: SectionDraft, sectionAnchor: string): QaPair[] {
  const pairs: QaPair[] = [];
  let open: { question: string; start: number | null; end: number } | null = null;
  const close = (pair: typeof open) => {
    if (pair === null || pair.start === null) return;
    const answer = source
      .slice(pair.start, pair.end)
      .replace(/^[\s:.\-–—]+/, "")
      .trim();
    if (answer !== "") pairs.push({ question: pair.question, answer, sectionAnchor });
  };
  for (const [index, block] of draft.blocks.entries()) {
    const { role } = block;
    if (index === 0 && !draft.isIntroduction) {
      const question = role.role === "heading" ? questionFromHeading(role.text) : null;
      if (question) open = { question, start: null, end: block.end };
    } else if (role.role === "question") {
      close(open);
      open = { question: role.question, start: null, end: block.end };
    } else if (open) {
      if (open.start === null) open.start = role.role === "answer" ? role.labelEnd : block.start;
      open.end = block.end;
    }
  }
  close(open);
  return pairs;
}

function documentTitle(tree: Root, drafts: SectionDraft[]): string {
  let best: { text: string; depth: number } | null = null;
  for (const draft of drafts) {
    const role = draft.blocks[0]?.role;
    if (role?.role === "heading" && role.text !== "" && (best === null || role.depth < best.depth)) {
      best = { text: role.text, depth: role.depth };
    }
  }
  if (best) return best.text;
  for (const block of tree.children) {
    const line = plainText(block)
      .split(/\r\n|\r|\n/)
      .map(collapseWhitespace)
      .find((candidate) => candidate !== "");
    if (line) return truncateCodePoints(line, TITLE_MAX_CHARS);
  }
  return "Untitled";
}

function truncateCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join("").trimEnd();
}

/** When even block parsing fails: the whole text as one introduction section. */
function unparsedDocument(source: string): ParsedDocument {
  const firstLine = source
    .split(/\r\n|\r|\n/)
    .map(collapseWhitespace)
    .find((line) => line !== "");
  if (firstLine === undefined) return { title: "Untitled", sections: [], qaPairs: [] };
  const lines = lineStartOffsets(source);
  const section: ParsedSection = {
    anchor: "introduction",
    heading: "Introduction",
    level: 1,
    position: 0,
    markdown: source,
    startLine: 1,
    endLine: lines.length,
    checksum: createHash("sha256").update(source).digest("hex"),
  };
  return { title: truncateCodePoints(firstLine, TITLE_MAX_CHARS), sections: [section], qaPairs: [] };
}
