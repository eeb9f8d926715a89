// Agents: who does what. A key point about what the event loop does ("decides which coroutine runs
// next") is not stated by an answer in which the OS does it ("the kernel decides which coroutine
// to wake up"), and the other way round. Only these two agents are told apart: they are the ones
// answers confuse, and a subject is read only where it is plain (the nouns before the verb).
import type { Match } from "./matching.ts";
import { type AnalysedText, analyse } from "./nlp.ts";

const AGENT_KEYS: ReadonlySet<string> = new Set(["g:eventloop", "g:os"]);
const SUBJECT_STOP: ReadonlySet<string> = new Set(["PRON", "PUNCT"]);

/** The key point's agent: the one agent its text names ("by the event loop, not by the OS" has none). */
export function agentOf(text: string): string | undefined {
  const named = new Set(analyse(text).tokens.flatMap((t) => (AGENT_KEYS.has(t.key) ? [t.key] : [])));
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * Is the match said of another agent than `agent`: does the noun before its first verb (with the
 * nouns compounded with it: "the OS scheduler") name another agent and not this one?
 */
export function otherAgent(text: AnalysedText, m: Match, agent: string | undefined): boolean {
  if (agent === undefined) return false;
  let verb = m.from;
  for (let at = m.from; at <= m.to; at++) {
    if (text.tokens[at]?.verb) {
      verb = at;
      break;
    }
  }
  const sentence = text.tokens[verb]?.sentence;
  const keys = new Set<string>();
  for (let at = verb - 1; at >= 0; at--) {
    const token = text.tokens[at];
    if (!token || token.sentence !== sentence || SUBJECT_STOP.has(token.pos)) break;
    const noun = token.pos === "NOUN" || token.pos === "PROPN";
    if (noun) for (const key of token.keys) keys.add(key);
    else if (keys.size > 0) break;
  }
  return !keys.has(agent) && [...keys].some((key) => AGENT_KEYS.has(key) && key !== agent);
}
