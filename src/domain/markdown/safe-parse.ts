// Parsing untrusted markdown without letting it take the process down: remark on a same-length
// copy of the text with pathological constructs defused, so every node offset still indexes the
// original. Used by parse-document.ts and the question generator.
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

// Hostile-input guards (measured on micromark 4 / remark-gfm 4). micromark opens one container,
// and several stack frames, per `>` or list marker and post-processes lists quadratically: 10,000
// nested blockquotes overflow the stack and a deeply indented list takes minutes. Its emphasis and
// link matching is quadratic in the delimiters of one paragraph (40 KB of `*`: 40 s, then a stack
// overflow), and with GFM its text merging is quadratic in a paragraph's length (400 KB of short
// lines: 10 s instead of 1 s; NUL characters do the same). No real note nests past a handful of
// levels or writes such paragraphs, so past these limits the parser reads plain text instead.
const MAX_CONTAINER_MARKERS = 32;
const MAX_INDENT_COLUMNS = 128;
const MAX_INLINE_DELIMITERS_PER_BLOCK = 2000;
const MAX_GFM_BLOCK_CHARS = 64 * 1024;
/** Same-width look-alikes, so a defused delimiter keeps every offset in place. */
const DEFUSED_DELIMITERS: Record<string, string> = {
  "*": "\u2217",
  _: "\uff3f",
  "[": "\uff3b",
  "]": "\uff3d",
  "~": "\u223c",
};
/** Inline constructs switched off for the last attempt, when the others still fail. */
const INLINE_CONSTRUCTS = [
  "attention",
  "autolink",
  "codeText",
  "htmlText",
  "labelStartImage",
  "labelStartLink",
  "labelEnd",
];

const gfmParser = unified().use(remarkParse).use(remarkGfm);
const commonmarkParser = unified().use(remarkParse);
const blockParser = unified()
  .use(remarkParse)
  .data("micromarkExtensions", [{ disable: { null: INLINE_CONSTRUCTS } }]);

/**
 * Parses `markdown` (the guards above applied to a same-length copy, so node offsets still index
 * the original). Falls back to inline-free parsing, then to null, rather than throwing.
 */
export function parseMarkdown(markdown: string): Root | null {
  // micromark reads NUL as U+FFFD anyway; replacing it first keeps text runs unbroken.
  const copy = limitNesting(markdown.replaceAll("\0", "\ufffd"));
  const blocks = measureBlocks(copy);
  const guarded = defuseDelimiters(copy, blocks.crowded);
  try {
    return (blocks.longest > MAX_GFM_BLOCK_CHARS ? commonmarkParser : gfmParser).parse(guarded);
  } catch {
    // Nesting that slipped past the guards overflowed micromark's stack; the blocks can still be read.
  }
  try {
    return blockParser.parse(guarded);
  } catch {
    return null;
  }
}

/**
 * Same-length copy of `markdown` in which no line opens more than MAX_CONTAINER_MARKERS containers
 * or is indented past MAX_INDENT_COLUMNS: the character that crosses the limit becomes a no-break
 * space, so the rest of the line is text.
 */
function limitNesting(markdown: string): string {
  const replaced: number[] = [];
  const length = markdown.length;
  let lineStart = 0;
  while (lineStart < length) {
    let index = lineStart;
    let column = 0;
    let markers = 0;
    while (index < length) {
      const code = markdown.charCodeAt(index);
      const start = index;
      if (code === 32 || code === 9) {
        column = code === 9 ? column + 4 - (column % 4) : column + 1;
        index++;
      } else if (code === 62 || (isBulletCode(code) && isSpaceOrEnd(markdown, index + 1))) {
        markers++;
        column++;
        index++;
      } else if (isDigitCode(code)) {
        let end = index;
        while (end < length && end - index < 9 && isDigitCode(markdown.charCodeAt(end))) end++;
        const delimiter = markdown.charCodeAt(end);
        if ((delimiter !== 46 && delimiter !== 41) || !isSpaceOrEnd(markdown, end + 1)) break;
        markers++;
        column += end + 1 - index;
        index = end + 1;
      } else {
        break;
      }
      if (markers > MAX_CONTAINER_MARKERS || column > MAX_INDENT_COLUMNS) {
        if (hasTextBeforeLineEnd(markdown, index)) replaced.push(start);
        break;
      }
    }
    lineStart = nextLineStart(markdown, index);
  }
  return replaceAt(
    markdown,
    replaced.map((at) => [at, at + 1]),
    () => "\u00a0",
  );
}

/** Blank-line-separated blocks: the longest one, and those crowded with inline delimiters. */
function measureBlocks(markdown: string): { longest: number; crowded: [number, number][] } {
  const crowded: [number, number][] = [];
  let longest = 0;
  let blockStart = 0;
  let delimiters = 0;
  const endBlock = (end: number) => {
    longest = Math.max(longest, end - blockStart);
    if (delimiters > MAX_INLINE_DELIMITERS_PER_BLOCK) crowded.push([blockStart, end]);
    delimiters = 0;
  };
  for (let lineStart = 0; lineStart < markdown.length; ) {
    const lineEnd = nextLineStart(markdown, lineStart);
    if (hasTextBeforeLineEnd(markdown, lineStart)) {
      for (let index = lineStart; index < lineEnd; index++) {
        if (DEFUSED_DELIMITERS[markdown.charAt(index)] !== undefined) delimiters++;
      }
    } else {
      endBlock(lineStart);
      blockStart = lineEnd;
    }
    lineStart = lineEnd;
  }
  endBlock(markdown.length);
  return { longest, crowded };
}

/** Replaces the delimiters of crowded blocks by look-alikes, which are plain text. */
function defuseDelimiters(markdown: string, crowded: [number, number][]): string {
  return replaceAt(markdown, crowded, (slice) =>
    slice.replace(/[*_[\]~]/g, (char) => DEFUSED_DELIMITERS[char] ?? char),
  );
}

/** Replaces ordered, non-overlapping [start, end) ranges; `replace` must keep the length. */
function replaceAt(text: string, ranges: [number, number][], replace: (slice: string) => string): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(copied, start), replace(text.slice(start, end)));
    copied = end;
  }
  parts.push(text.slice(copied));
  return parts.join("");
}

function isBulletCode(code: number): boolean {
  return code === 45 || code === 42 || code === 43;
}
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isSpaceOrEnd(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13;
}
function hasTextBeforeLineEnd(text: string, from: number): boolean {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return false;
    if (code !== 32 && code !== 9) return true;
  }
  return false;
}
function nextLineStart(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) return index + 1;
    if (code === 13) return text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1;
  }
  return text.length;
}

/** Offsets where each line starts, with micromark's line endings (CRLF, CR, LF). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = nextLineStart(text, 0); index < text.length; index = nextLineStart(text, index)) {
    starts.push(index);
  }
  return starts;
}
