// The lexicon's rewrites are some 85 regular expressions, and running each over every answer was a
// fifth of the time to score one. Most of them cannot match a given answer: each needs a word the
// answer does not contain. `requiredLiterals` reads, from a pattern's source, strings of which at
// least one must occur in any text it matches, so that a rewrite whose strings are all absent is
// skipped without running its expression.

/** Characters that stand for themselves in a pattern's source, outside a class or escape. */
const LITERAL = /[\p{L}\p{N} '",;:!%&=<>~`@#_-]/u;
const QUANTIFIER = /[?*+{]/;

/**
 * Strings of which at least one occurs in every text `pattern` matches (lower-cased when the
 * pattern ignores case), or undefined when none can be read off its source. Reads a top-level run
 * of plain characters that no quantifier makes optional, else the alternatives of the first
 * group that must match, else each top-level alternative in turn.
 */
export function requiredLiterals(pattern: RegExp): string[] | undefined {
  const found = literalsOf(pattern.source);
  if (!found || found.some((s) => s === "")) return undefined;
  return pattern.ignoreCase ? found.map((s) => s.toLowerCase()) : found;
}

function literalsOf(source: string): string[] | undefined {
  const alternatives = splitTopLevel(source);
  if (alternatives.length > 1) {
    const each = alternatives.map(literalsOf);
    return each.every((x) => x !== undefined) ? each.flat() : undefined;
  }
  return sequenceLiterals(source);
}

/** The source's alternatives: split at each "|" outside any group or class. */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** One alternative (no top-level "|"): its longest mandatory literal run, else its first mandatory group's literals. */
function sequenceLiterals(source: string): string[] | undefined {
  let best = "";
  let run = "";
  let firstGroup: string[] | undefined;
  let firstGroupSeen = false;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? "";
    const next = source[i + 1] ?? "";
    if (c === "\\") {
      const escaped = source[i + 1] ?? "";
      // \p{L}, \u{...}: skip the braces too.
      const braces = (escaped === "p" || escaped === "P" || escaped === "u") && source[i + 2] === "{";
      const end = braces ? source.indexOf("}", i) : i + 1;
      const optional = QUANTIFIER.test(source[end + 1] ?? "");
      // An escaped punctuation mark is itself ("\.", "\("); a letter is a class or an assertion.
      if (/[^\p{L}\p{N}]/u.test(escaped) && !optional) run += escaped;
      else endRun();
      i = skipCount(source, end);
      continue;
    }
    if (c === "[") {
      endRun();
      i = skipCount(source, classEnd(source, i));
      continue;
    }
    if (c === "(") {
      endRun();
      const close = groupEnd(source, i);
      const optional = QUANTIFIER.test(source[close + 1] ?? "") && !/^\{[1-9]/.test(source.slice(close + 1));
      const body = source.slice(i + 1, close);
      const lookaround = /^\?<?[=!]/.test(body);
      if (!firstGroupSeen && !optional && !lookaround) {
        firstGroupSeen = true;
        firstGroup = literalsOf(body.replace(/^\?(?::|<[\p{L}\p{N}_]+>)/u, ""));
      }
      i = skipCount(source, close);
      continue;
    }
    if (LITERAL.test(c) && !QUANTIFIER.test(next)) {
      run += c;
      continue;
    }
    // A quantified character, "." or "^"/"$": the run ends here.
    endRun();
    if (next === "{") i = source.indexOf("}", i);
  }
  endRun();
  if (best.length > 0) return [best];
  return firstGroup;
}

/** Past a "{m,n}" count right after `at`: its digits are not literal text. */
function skipCount(source: string, at: number): number {
  return source[at + 1] === "{" ? source.indexOf("}", at + 1) : at;
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]") return i;
  }
  return source.length;
}

function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") i = classEnd(source, i);
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return source.length;
}
