// Retractions: "Some textbooks say a subroutine is a helper function with one entry point, but
// that is wrong: it is a thread." An assertion that the next one calls wrong ("that's wrong",
// "that is a myth", "just kidding", "I disagree") is not the answer's claim, for key points and
// misconceptions alike. "All of that is false" takes back everything before it.
import type { AnalysedText } from "./nlp.ts";

const BACK =
  "(?:that|this|it|which|all (?:of )?(?:that|this|it)|everything(?: above| i said)?|none of (?:that|this))";
const VERDICT =
  "(?:wrong|false|nonsense|rubbish|garbage|a myth|a lie|not true|untrue|incorrect|not correct|not right|outdated)";
/** "that's the theory", "that is the textbook answer": what the answer goes on to contradict. */
const STORY =
  "(?:the )?(?:theory|official (?:story|line|answer)|textbook (?:answer|line|version)|docs?'? (?:answer|version|line))";
const RETRACTION = new RegExp(
  `^(?:but |and |, )*(?:${BACK} (?:'s|is|was|are|were) (?:all |completely |totally |just |simply |actually |of course |obviously )?${VERDICT}\\b|${BACK} (?:'s|is|was) ${STORY}|(?:just )?kidding\\b|jk\\b|i disagree\\b|none of (?:that|this|it) is true\\b|except none of\\b)`,
);
/** "X -- that's the theory, but ...": X takes itself back. */
const SELF = new RegExp(`\\b(?:that|this) (?:'s|is) ${STORY}`);
/** "X? No, ...": an answer to the question it just asked, taking it back. */
const DENIAL = /^(?:ha |haha |lol )?(?:no|nope|nah|wrong|also no)\b/;
const EVERYTHING = /^(?:but |and )*(?:all |everything|none of)/;

/** The ids of the blocks (assertions: see nlp.ts) that a later block takes back. */
export function retractedBlocks(text: AnalysedText): ReadonlySet<number> {
  const blocks = new Map<number, string[]>();
  const asked = new Set<number>();
  for (const t of text.tokens) {
    const words = blocks.get(t.block);
    if (words) words.push(t.value);
    else blocks.set(t.block, [t.value]);
    if (t.question) asked.add(t.block);
  }
  const ids = [...blocks.keys()];
  const retracted = new Set<number>();
  ids.forEach((id, i) => {
    if (SELF.test((blocks.get(id) ?? []).join(" "))) retracted.add(id);
    const opening = (blocks.get(id) ?? []).slice(0, 8).join(" ");
    const previousAsked = asked.has(ids[i - 1] ?? -1);
    if (i === 0 || !(RETRACTION.test(opening) || (previousAsked && DENIAL.test(opening)))) return;
    const previous = EVERYTHING.test(opening) ? ids.slice(0, i) : ids.slice(i - 1, i);
    for (const block of previous) retracted.add(block);
  });
  return retracted;
}
