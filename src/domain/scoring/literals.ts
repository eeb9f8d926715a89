// The lexicon's rewrites are some 85 regular expressions, and running each over every answer was a
// fifth of the time to score one. Most of them cannot match a given answer: each needs words the
// answer does not contain. `requiredLiterals` reads, from a pattern's source, groups of strings
// such that every text it matches contains at least one string of each group, so that a rewrite
// missing a whole group is skipped without running its expression. All groups, not just one:
// "it's not true" needs one of "it"/"that" and one of "not"/"false"/..., and the first alone is in
// nearly every answer.

/** Characters that stand for themselves in a pattern's source, outside a class or escape. */
const LITERAL = /[\p{L}\p{N} '",;:!%&=<>~`@#_-]/u;
const QUANTIFIER = /[?*+{]/;

/** Groups of strings: every match contains one string of each group. */
export type LiteralGroups = string[][];

/**
 * The groups of strings one of which occurs in every text `pattern` matches (lower-cased when the
 * pattern ignores case), or undefined when none can be read off its source. Reads each top-level
 * run of plain characters that no quantifier makes optional and each group that must match;
 * across top-level alternatives, one group per alternative, merged.
 */
export function requiredLiterals(pattern: RegExp): LiteralGroups | undefined {
  const found = groupsOf(pattern.source);
  if (!found) return undefined;
  return pattern.ignoreCase ? found.map((group) => group.map((s) => s.toLowerCase())) : found;
}

/** Whether `text` has a string of every group (true when there are no groups to check). */
export function hasRequiredLiterals(text: string, groups: LiteralGroups | undefined): boolean {
  return !groups || groups.every((group) => group.some((literal) => text.includes(literal)));
}

function groupsOf(source: string): LiteralGroups | undefined {
  const alternatives = splitTopLevel(source);
  if (alternatives.length === 1) return sequenceGroups(source);
  // A match matches one alternative: each contributes the group it needs most surely to one
  // merged group.
  const merged: string[] = [];
  for (const alternative of alternatives) {
    const groups = groupsOf(alternative);
    if (!groups) return undefined;
    merged.push(...mostSelective(groups));
  }
  return [merged];
}

/** The group whose shortest string is longest: the least likely to be in any text by chance. */
function mostSelective(groups: LiteralGroups): string[] {
  const shortest = (group: string[]) => Math.min(...group.map((s) => s.length));
  return groups.reduce((best, group) => (shortest(group) > shortest(best) ? group : best));
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

/** One alternative (no top-level "|"): each mandatory literal run, and the groups of each mandatory group. */
function sequenceGroups(source: string): LiteralGroups | undefined {
  const groups: LiteralGroups = [];
  let run = "";
  const endRun = () => {
    if (run.trim() !== "") groups.push([run]);
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
      if (!optional && !lookaround) {
        const inner = groupsOf(body.replace(/^\?(?::|<[\p{L}\p{N}_]+>)/u, ""));
        if (inner) groups.push(...inner);
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
  return groups.length > 0 ? groups : undefined;
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
