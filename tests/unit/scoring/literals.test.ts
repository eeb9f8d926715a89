// requiredLiterals lets prepareText skip a rewrite whose strings are all absent: it must never
// name a string that some match of the pattern lacks, or a rewrite would silently stop applying.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requiredLiterals } from "../../../src/domain/scoring/literals.ts";
import { applyRewrites } from "../../../src/domain/scoring/nlp.ts";
import { REWRITES } from "../../../src/domain/scoring/synonyms.ts";

describe("requiredLiterals", () => {
  it("reads a top-level run that no quantifier makes optional", () => {
    expect(requiredLiterals(/\bglobal\s+interpreter\s+lock\b/gi)).toEqual(["interpreter"]);
    expect(requiredLiterals(/\bcpu-loops?\b/gi)).toEqual(["cpu-loop"]);
    expect(requiredLiterals(/\b(?:a\s+)?second\s+time\b/gi)).toEqual(["second"]);
  });

  it("falls back to the alternatives of the first group that must match", () => {
    expect(requiredLiterals(/\b(?:io|network|disk)[\s-]+(?:bound|heavy)\b/gi)).toEqual([
      "io",
      "network",
      "disk",
    ]);
    expect(requiredLiterals(/\b(?:in\s+charge\s+of|responsible\s+for)\b/gi)).toEqual([
      "charge",
      "responsible",
    ]);
  });

  it("gives one string per top-level alternative, and none when an alternative has none", () => {
    expect(requiredLiterals(/\bipc\b|\binter-process\b/gi)).toEqual(["ipc", "inter-process"]);
    expect(requiredLiterals(/\bipc\b|\s+/gi)).toBeUndefined();
  });

  it("skips lookarounds, classes and optional groups, and keeps escaped punctuation", () => {
    expect(requiredLiterals(/(?<=[\p{L}])\s*=\s*(?=[\p{L}])/gu)).toEqual(["="]);
    expect(requiredLiterals(/([a-z0-9])_+(?=[a-z0-9])/g)).toBeUndefined();
    expect(requiredLiterals(/\b([a-z_]+)\.([a-z_]+)\b/gi)).toEqual(["."]);
    expect(requiredLiterals(/\b(?:the\s+)?(?:[a-z]+)\b/gi)).toBeUndefined();
    expect(requiredLiterals(/(?!foo)\w+/gi)).toBeUndefined();
    // A count's digits are no text: "{2,3}" after a group, a class or an escape.
    expect(requiredLiterals(/(?:ab){2,3}/g)).toEqual(["ab"]);
    expect(requiredLiterals(/[a-z]{2,3}x/g)).toEqual(["x"]);
  });

  it("lower-cases the strings of a pattern that ignores case, and only then", () => {
    expect(requiredLiterals(/\bGIL\b/gi)).toEqual(["gil"]);
    expect(requiredLiterals(/\bGIL\b/g)).toEqual(["GIL"]);
  });
});

/** Every rewrite applied in order, with no guard: what prepareText did before the guards. */
function rewriteUnguarded(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out;
}

/** The pieces the rewrites are written against, so that generated texts do match them. */
const pieces = fc.constantFrom(
  ...new Set(
    REWRITES.flatMap(([pattern]) => pattern.source.match(/[a-z][a-z'-]*/gi) ?? []).filter(
      (word) => word.length > 1,
    ),
  ),
  "1",
  "2",
  "=",
  "/",
  "-",
  ".",
  "_",
  "I/O",
  "CPU",
  "GIL",
);

describe("the guarded rewrites", () => {
  it("rewrite every text exactly as the unguarded rewrites do", () => {
    const texts = fc
      .tuple(fc.array(pieces, { maxLength: 14 }), fc.constantFrom(" ", " - ", "-", ", "))
      .map(([words, glue]) => words.join(glue));
    fc.assert(
      fc.property(texts, fc.boolean(), (text, upper) => {
        const input = upper ? text.toUpperCase() : text;
        expect(applyRewrites(input)).toBe(rewriteUnguarded(input));
      }),
      { numRuns: 5000 },
    );
  });

  it("still apply where they should", () => {
    expect(applyRewrites("It is not true that threads run in parallel.")).toContain("notthecase");
    expect(applyRewrites("Only one coroutine runs at once.")).toContain("one at a time");
    expect(applyRewrites("The Global Interpreter Lock is held")).toContain("GIL");
  });
});
