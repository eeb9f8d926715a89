// Negation and conditional scopes over analysed tokens. wink's negationFlag arrives in `negated`;
// these rules decide, clause by clause, what is really denied or only supposed.
import type { WordToken } from "./nlp.ts";
import { CONDITIONALS, REPORTED_BELIEFS, SENTENCE_NEGATORS, SHORT_SCOPE_NEGATORS } from "./synonyms.ts";

/** Words after a negator that it still negates ("does not release the GIL during CPU work"). */
export const NEGATION_REACH = 8;

const COORDINATORS: ReadonlySet<string> = new Set(["and", "or", "then"]);
const RELATIVES: ReadonlySet<string> = new Set(["which", "that", "where", "who"]);
/** Conditionals that open a clause of their own, which ends where the main clause begins. */
const SUBORDINATORS: ReadonlySet<string> = new Set(["if", "unless"]);
/** "X is not an issue": words after a negator that deny X rather than say something new. */
const NON_ISSUES: ReadonlySet<string> = new Set([
  "issue",
  "issues",
  "problem",
  "problems",
  "concern",
  "worry",
  "risk",
]);

/** Does a new clause (a subject, then a verb within three words) start at `at`? */
function startsClause(tokens: readonly WordToken[], at: number, end: number): boolean {
  const head = tokens[at];
  if (!head || !["PRON", "NOUN", "PROPN", "DET"].includes(head.pos)) return false;
  for (let i = at + 1; i < end && i <= at + 3; i++) {
    const pos = tokens[i]?.pos;
    if (pos === "VERB" || pos === "AUX") return true;
  }
  return false;
}

/**
 * Negation, clause by clause (a clause here ends at punctuation and at clause words such as
 * "because" or "if", but not at "when" or "which": "does not decide when threads switch"):
 * - a negator negates the later tokens of its clause, at most NEGATION_REACH words on and not past
 *   "and" + a new subject ("nothing references it and it may be collected" asserts the collection);
 * - a negator with nothing meaningful after it negates its whole clause ("... but processes do
 *   not"), the elliptical form;
 * - a short-scope negator ("without", "unlike", "instead of") negates only the short noun phrase
 *   after it: "without a reference the task can be collected" still asserts the collection;
 * - wink's flag counts only where none of our negators explains it (it can run on past ":");
 * - a conditional ("if", "would", "who") marks the rest of its clause as not asserted; a negator
 *   inside one stops at the main clause's subject ("if nothing references it the task can be
 *   collected" asserts the collection);
 */
export function markNegationScopes(tokens: WordToken[]): void {
  // wink flags a whole sentence when a negator sits in a relative clause ("its own memory that
  // other processes can't see"): where one of our negators is in the sentence, ours decide alone.
  const sentencesWithNegator = new Set(tokens.filter((t) => t.negator).map((t) => t.sentence));
  let start = 0;
  let sentence = -1;
  let negatorInSentence = false;
  let lastUnlike = -1;
  let contrastedClause = -1;
  while (start < tokens.length) {
    if (tokens[start]?.sentence !== sentence) {
      sentence = tokens[start]?.sentence ?? -1;
      negatorInSentence = false;
      lastUnlike = -1;
    }
    const clause = tokens[start]?.negationClause;
    let end = start;
    while (end < tokens.length && tokens[end]?.negationClause === clause) end++;
    let conditional = false;
    /** After "if": its verb not yet seen ("open"), seen ("verb"); "none" for other conditionals. */
    let condition: "none" | "open" | "verb" = "none";
    let shortScopeOnly = false;
    let shortScopeEnd = -1;
    let lastNegator = -1;
    let conditionalNegator = false;
    let wordAfterNegator = false;
    for (let i = start; i < end; i++) {
      const token = tokens[i];
      if (!token) continue;
      // "if nothing references it the task can be collected": a negator inside a condition ends
      // with it, where the main clause's subject comes after a word it negates.
      if (conditionalNegator && wordAfterNegator && lastNegator >= 0 && startsClause(tokens, i, end))
        lastNegator = -1;
      if (lastNegator >= 0 && i > lastNegator && token.content) wordAfterNegator = true;
      // A bracketed aside has its own polarity: "does not make code thread-safe (you still need a lock)".
      const inScope =
        lastNegator >= 0 && i - lastNegator <= NEGATION_REACH && tokens[lastNegator]?.aside === token.aside;
      const wink =
        token.negated &&
        !shortScopeOnly &&
        !negatorInSentence &&
        lastNegator < 0 &&
        !sentencesWithNegator.has(token.sentence);
      token.negated = inScope || i <= shortScopeEnd || wink;
      // "if one runs too long the loop preempts it": without a comma the condition still ends
      // where the main clause's subject comes after the condition's own verb, as it does at one.
      if (condition === "open" && token.verb) condition = "verb";
      else if (condition === "verb" && startsClause(tokens, i, end)) {
        conditional = false;
        condition = "none";
      }
      if (conditional || token.clause === contrastedClause) token.conditional = true;
      if (CONDITIONALS.has(token.value)) {
        conditional = true;
        condition = SUBORDINATORS.has(token.value) ? "open" : "none";
      }
      // "Unlike time.sleep, which freezes the thread, ...": the relative clause describes what is
      // contrasted; it is not the answer's claim.
      if (RELATIVES.has(token.value) && lastUnlike >= 0 && i - lastUnlike <= 5) {
        contrastedClause = token.clause;
        token.conditional = true;
      }
      if (token.value === "unlike") lastUnlike = i;
      if (COORDINATORS.has(token.value) && startsClause(tokens, i + 1, end)) lastNegator = -1;
      if (SHORT_SCOPE_NEGATORS.has(token.value)) {
        shortScopeOnly = !inScope;
        shortScopeEnd = i;
        for (let j = i + 1; j < end && j <= i + 4; j++) {
          shortScopeEnd = j;
          const next = tokens[j];
          if (!next || next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "PRON") break;
        }
      } else if (token.negator) {
        shortScopeOnly = false;
        lastNegator = i;
        conditionalNegator = conditional;
        wordAfterNegator = false;
        negatorInSentence = true;
      }
    }
    // An ellipsis has no word of its own after the negator ("can't see" is not one); "garbage
    // collection is not an issue" denies its subject the same way.
    const ownWord = (t: WordToken) => (t.content || t.pos === "VERB") && !NON_ISSUES.has(t.value);
    if (lastNegator >= 0 && !tokens.slice(lastNegator + 1, end).some(ownWord)) {
      // "... share memory with each other and threads don't": the ellipsis denies only its own
      // conjunct, from the last "and" / "or" before the negator.
      let from = start;
      for (let i = lastNegator - 1; i > start; i--) {
        if (COORDINATORS.has(tokens[i]?.value ?? "")) {
          from = i + 1;
          break;
        }
      }
      for (let i = from; i < end; i++) {
        const token = tokens[i];
        if (token) token.negated = true;
      }
    }
    start = end;
  }
  // "It is not true that X": all of X, past any clause break.
  let denied = -1;
  for (const token of tokens) {
    // "It is not true that only one runs at a time — the loop runs them all at once": the denial
    // ends with its assertion, or at a dash that goes on to say what is true instead.
    if (SENTENCE_NEGATORS.has(token.value)) denied = token.block;
    else if (token.afterDash || token.afterColon) denied = -1;
    else if (token.block === denied) token.negated = true;
  }
  // "People often think that because of the GIL, this code is thread-safe, but ...": a reported
  // belief runs to the end of its assertion, past commas, up to the "but" that answers it or the
  // colon that says what is true instead ("the opposite of what people think: I/O does not ...").
  // (A sentence headed "Myth:" is taken back whole: see retractions.ts.)
  let reported = -1;
  for (const token of tokens) {
    if (token.afterColon) reported = -1;
    if (REPORTED_BELIEFS.has(token.value)) reported = token.block;
    else if (token.block === reported) token.conditional = true;
  }
}
