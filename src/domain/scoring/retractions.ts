// Retractions: "Some textbooks say a subroutine is a helper function with one entry point, but
// that is wrong: it is a thread." An assertion that the answer itself disowns is not its claim,
// for key points and misconceptions alike:
// - a later assertion calls it wrong ("that's wrong", "that is a myth", "I disagree"): the
//   assertion before, or the whole sentence before when the verdict opens a sentence ("They
//   don't." after "You might assume threads use every core.");
// - a later one takes back everything ("all of that is false", "just kidding", "forget it", a
//   guess's "but I really don't know" or "Dunno.", "none of these are real issues", "I copied
//   that, I don't understand any of it");
// - it passes itself off as someone else's line ("that's the theory", "that's what the docs
//   claim", "that's what people think", "if you believe the docs") or calls itself false ("I/O
//   releases the GIL is false");
// - it was asked and the next one answers no ("X? Never happens.", "X? Y? Both useless.");
// - the speaker corrects it ("X. Wait, no, ...", "X... er, actually no, Y");
// - a heading labels it false ("Wrong: X.", "Myth: X. Fact: Y.").
import type { AnalysedText } from "./nlp.ts";

/** Words that may open a verdict without changing it: "ha, no, just kidding", "honestly, that's ...". */
const LEAD_WORDS = "ha|haha|lol|oh|ok|okay|well|honestly|of course|but|and|so|no|nope";
const LEAD = `(?:(?:${LEAD_WORDS}) )*`;
const BACK =
  "(?:that|this|it|which|all (?:of )?(?:that|this|it)|everything(?: above| i said)?|none of (?:that|this))";
const VERDICT =
  "(?:wrong|false|nonsense|rubbish|garbage|a myth|a lie|not true|untrue|incorrect|not correct|not right|outdated)";
/**
 * "that's the theory", "that's what the docs claim", "that's what people think" (which the lexicon
 * has made "what myth"): what the answer goes on to contradict.
 */
const STORY =
  "(?:(?:the )?(?:theory|official (?:story|line|answer)|textbook (?:answer|line|version)|docs?'? (?:answer|version|line))|what (?:the )?(?:docs?|textbooks?|books?|slides|notes?|everyone|people|they) (?:say|says|claim|claims|tell you|tells you)|what myth|if you believe (?:the )?(?:docs?|textbooks?|slides|notes?))";
const HEDGE = "(?:i (?:'m|am) |i'm )?(?:pretty |quite |fairly |very )?sure ";
/** "You might assume threads use every core. They don't.": a bare denial of what came before. */
const DENIED =
  "(?:it|they|that|this) (?:do|does|did|is|are|was|were|ca|can|wo|will|has|have) (?:n't|not)(?: really| actually| at all)?$";
/** A verdict on the assertion (or sentence) before. */
const RETRACTION = new RegExp(
  `^${LEAD}(?:${HEDGE})?(?:${BACK} (?:'s|is|was|are|were) (?:all |completely |totally |just |simply |actually |of course |obviously )?${VERDICT}\\b(?! (?:for|of|about|with) )|${BACK} (?:'s|is|was) ${STORY}|i disagree\\b|(?:wrong|false|not true|untrue|nope)$|(?:not true|untrue|not so) (?:in|at all|anymore)\\b|${DENIED})`,
);
/** A verdict on everything before it. */
const EVERYTHING = new RegExp(
  `^${LEAD}(?:all(?: of)?(?: that| this| it)?(?: 's| is| was)?(?: completely| totally)? ${VERDICT}\\b|none of (?:these|those|the above|this|that) (?:is|are|was|were) (?:a |an |really |actually )?(?:real|true|right|correct|relevant|needed|necessary|an issue|issues|the case)\\b|except none of\\b)`,
);
/**
 * A joke, a "forget it" or an "I don't know" that is a clause of its own, read with "|" between
 * clauses: "Ha, no, just kidding, it's a process", "Forget it: all three give parallelism", "That's
 * my guess but I really don't know" (not "forget it and the task may be collected", nor "I don't
 * know why it exists").
 */
const CUT_OFF = new RegExp(
  `^(?:(?:${LEAD_WORDS}|\\|) )*(?:(?:just )?kidding|jk|(?:forget|scratch|ignore) (?:it|that|this|all (?:of )?(?:that|this)|everything)|i (?:really |honestly |just )?(?:do n't|dont) know|dunno|no (?:idea|clue))(?: (?:really|honestly|tbh|sorry))?(?: \\||$)`,
);
/** "..., er, actually no, it's ...", "No wait, I mean ...": the speaker corrects what came just before. */
const SELF_CORRECTION =
  /^(?:(?:er|erm|um|uh|hmm|oh|well|sorry|actually|wait|\|) )*(?:no(?: wait)?|i mean)(?: \||$)/;
/** A verdict (RETRACTION) on all of it: "all of that is false", "everything above is wrong". */
const TOTAL = new RegExp(`^${LEAD}(?:${HEDGE})?(?:all |everything|none of)`);
/** The answer disowns what it wrote: copied, not understood, or believed wrong. */
const DISOWNED =
  /\b(?:i (?:just |simply )?copied (?:that|this|it|them)\b|copied (?:from|off) (?:the |my )?(?:slides|notes|docs?|book|textbook|internet|web)\b|do n't understand any of (?:it|this|that)\b|do n't know which is which\b|(?:i (?:'m|am) |i'm )(?:pretty |quite |fairly )?sure (?:that|this|it) (?:'s|is) (?:all )?(?:wrong|false|not right)\b)/;
/** "X -- that's the theory, but ...", "I/O releases the GIL is false": X takes itself back. */
const SELF_STORY = new RegExp(`\\b(?:that|this) (?:'s|is) ${STORY}`);
// Anchored, with "\W*\w" for the first word: an unanchored "\w.*" rescans the block from every word.
const CALLED_FALSE = new RegExp(
  `^\\W*\\w.* (?:is|are) (?:simply |just |plain )?${VERDICT}(?: too| as well)?$`,
);
/** "X? No, ...", "X? Never happens.": an answer to the question it just asked, taking it back. */
const DENIAL =
  /^(?:ha |haha |lol )?(?:no|nope|nah|wrong|also no|never|not (?:related|relevant|needed|really|true)|irrelevant|useless|pointless|(?:both|all|neither) (?:useless|wrong|false|irrelevant|pointless))\b/;

/** Headings that label a sentence as false: "Wrong: X.", "Myth: X. Fact: Y." */
const FALSE_HEADINGS: ReadonlySet<string> = new Set([
  "wrong",
  "false",
  "incorrect",
  "untrue",
  "myth",
  "misconception",
]);

/** The ids of the blocks (assertions: see nlp.ts) that the answer takes back. */
export function retractedBlocks(text: AnalysedText): ReadonlySet<number> {
  /** Each block's words, with "|" where a clause ends. */
  const marked = new Map<number, string[]>();
  const sentenceOf = new Map<number, number>();
  const firstOfSentence = new Set<number>();
  const asked = new Set<number>();
  const labelledFalse = new Set<number>();
  let previous: (typeof text.tokens)[number] | undefined;
  for (const [at, t] of text.tokens.entries()) {
    if (t.sentence !== previous?.sentence && FALSE_HEADINGS.has(t.value) && text.tokens[at + 1]?.afterColon)
      labelledFalse.add(t.sentence);
    const list = marked.get(t.block);
    if (list) {
      if (t.clause !== previous?.clause) list.push("|");
      list.push(t.value);
    } else {
      marked.set(t.block, [t.value]);
      sentenceOf.set(t.block, t.sentence);
      if (t.sentence !== previous?.sentence) firstOfSentence.add(t.block);
    }
    previous = t;
    if (t.question) asked.add(t.block);
  }
  const ids = [...marked.keys()];
  const retracted = new Set<number>();
  for (const id of ids) if (labelledFalse.has(sentenceOf.get(id) ?? -1)) retracted.add(id);
  ids.forEach((id, i) => {
    const withClauses = marked.get(id) ?? [];
    const words = withClauses.filter((word) => word !== "|");
    const all = words.join(" ");
    const opening = words.slice(0, 10).join(" ");
    const cutOff = CUT_OFF.test(withClauses.slice(0, 14).join(" "));
    const total = cutOff || EVERYTHING.test(opening) || (RETRACTION.test(opening) && TOTAL.test(opening));
    if (i > 0 && (total || DISOWNED.test(all))) {
      for (const block of ids.slice(0, i)) retracted.add(block);
      if (total) return;
    }
    if ((SELF_STORY.test(all) || CALLED_FALSE.test(all)) && !RETRACTION.test(opening)) retracted.add(id);
    if (i === 0) return;
    if (asked.has(ids[i - 1] ?? -1) && DENIAL.test(opening)) {
      // Every question just before: "Store it in a set? Await it? Both useless."
      for (let j = i - 1; j >= 0 && asked.has(ids[j] ?? -1); j--) retracted.add(ids[j] ?? -1);
      return;
    }
    if (!RETRACTION.test(opening) && !SELF_CORRECTION.test(withClauses.slice(0, 8).join(" "))) return;
    // A verdict that opens a sentence judges the whole sentence before; one after a comma or a
    // "but", the assertion before.
    const previous = ids[i - 1] ?? -1;
    if (!firstOfSentence.has(id)) retracted.add(previous);
    else
      for (const block of ids.slice(0, i))
        if (sentenceOf.get(block) === sentenceOf.get(previous)) retracted.add(block);
  });
  return retracted;
}
