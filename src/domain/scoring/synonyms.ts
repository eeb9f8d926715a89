// The scorer's small domain lexicon: multi-word rewrites, synonym groups, negators and the few
// stop words that carry meaning in answers about concurrency. Both rubric phrasings and answers go
// through the same tables, so adding a synonym here widens every rubric at once. Keep entries to
// words that are interchangeable in this domain; a wrong merge gives credit for a wrong answer.

/**
 * Rewrites applied to the raw text (case-insensitive) before tokenising. They turn multi-word or
 * punctuated terms that the tokeniser would split ("I/O", "CPU-bound", "at the same time") into one
 * token, so that a phrasing and an answer meet on the same word.
 */
export const REWRITES: readonly (readonly [RegExp, string])[] = [
  // "not only X but also Y" asserts X; keep the negation detector away from it.
  [/\bnot\s+(only|just|merely)\b/gi, "$1"],
  [/\bglobal\s+interpreter\s+lock\b/gi, " GIL "],
  [/\bmutual[\s-]+exclusion(?:\s+lock)?\b/gi, " mutex "],
  [/\binput\s*(?:\/|and|&)\s*output\b/gi, " io "],
  [/\bi\s*\/\s*o\b/gi, " io "],
  [/\b(?:io|network|disk)[\s-]+(?:bound|heavy|intensive)\b/gi, " iobound "],
  [
    /\b(?:cpu|compute|computation|processor|number)[\s-]+(?:bound|heavy|intensive|crunching)\b/gi,
    " cpubound ",
  ],
  [/\bcrunch(?:es|ing)?\s+numbers\b/gi, " cpubound work "],
  [/\b(?:at\s+the\s+same\s+time|at\s+once|in\s+parallel|side\s+by\s+side)\b/gi, " simultaneously "],
  [/\bmulti[\s-]+thread(?:ed|ing)?\b/gi, " multithreading "],
  [/\bmulti[\s-]+process(?:ing)?\b/gi, " multiprocessing "],
  [/\bprocess\s*pool(?:\s*executor)?\b/gi, " multiprocessing "],
  [/\bmulti[\s-]+core\b/gi, " multicore "],
  [/\bsingle[\s-]+threaded\b/gi, " singlethreaded "],
  [/\boperating[\s-]+system\b/gi, " os "],
  [/\baddress\s+space\b/gi, " memory "],
  [/\bref(?:erence)?[\s-]+count(?:s|ing|er)?\b/gi, " refcount "],
  [/\bbyte[\s-]+code\b/gi, " bytecode "],
  [/\bgarbage[\s-]+collect(?:ed|or|ion|s)?\b/gi, " gc "],
  [/\brace\s+conditions?\b/gi, " race "],
  [/\bthread[\s-]+safe(?:ty)?\b/gi, " threadsafe "],
  [/\bfine[\s-]+grained\b/gi, " finegrained "],
  [/\bevent[\s-]+loop\b/gi, " eventloop "],
  [/\b(?:give|gives|giving|gave|given)\s+(?:up|away|back)\b/gi, " release "],
  [/\bhand(?:s|ed|ing)?\s+(?:back|over|off)\b/gi, " release "],
  [/\blet(?:s|ting)?\s+go\s+of\b/gi, " release "],
  [/\btak(?:e|es|ing)\s+turns?\b/gi, " alternate "],
  [/\b(?:instead\s+of|rather\s+than|as\s+opposed\s+to)\b/gi, " unlike "],
  [/\bspeed[\s-]*up\b/gi, " speedup "],
];

/**
 * Words that mean the same thing here. Every word of a group (and its lemma and stem) is replaced
 * by the group's first word. Concurrency is deliberately NOT merged with parallelism: telling the
 * two apart is what many questions test.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["parallel", "simultaneous", "simultaneously", "parallelism", "parallelly"],
  ["mutex", "lock", "mutexes", "locks"],
  ["thread", "threads", "threading", "multithreading", "multithreaded"],
  ["multiprocessing", "multiprocess"],
  ["process", "processes", "program", "programs"],
  ["cpubound", "cpu-heavy", "compute-heavy", "cpu-intensive"],
  ["iobound"],
  ["io", "network", "disk", "socket", "sockets"],
  ["release", "releases", "drop", "relinquish", "yield", "surrender", "unlock", "free"],
  ["coroutine", "coroutines"],
  ["core", "cores", "cpu", "cpus", "processor", "processors"],
  ["execute", "run", "execution", "runs", "running", "executes"],
  ["separate", "own", "independent", "isolated", "distinct", "dedicated", "private"],
  ["share", "shared", "common"],
  ["memory", "ram", "heap"],
  ["bypass", "sidestep", "circumvent", "avoid", "escape"],
  ["suspend", "pause", "suspends", "pauses"],
  ["resume", "continue", "resumes"],
  ["switch", "swap", "interleave", "alternate", "switching"],
  ["schedule", "scheduler", "scheduling"],
  ["os", "kernel"],
  ["preempt", "preemptive", "preemptively", "preemption", "interrupt", "forcibly"],
  ["cooperative", "cooperatively", "voluntarily", "voluntary", "cooperate"],
  ["lightweight", "cheap", "light", "cheaper", "lighter"],
  ["expensive", "heavyweight", "costly", "heavy"],
  ["prevent", "stop", "forbid", "disallow", "preclude"],
  ["limit", "restrict", "constrain", "hinder", "hamper", "bottleneck", "cap"],
  ["need", "require", "must"],
  ["use", "utilize", "utilise", "leverage", "employ"],
  ["spawn", "create", "start", "launch", "fork"],
  ["task", "job"],
  ["protect", "guard", "safeguard", "serialize", "serialise"],
  ["wait", "waiting", "idle"],
  ["block", "blocking", "blocked", "stall", "freeze"],
  ["single", "one", "sole"],
  ["multiple", "many", "several"],
  ["all", "every"],
  ["fast", "faster", "quick", "quicker", "speedy"],
  ["slow", "slower", "sluggish"],
  ["simple", "simpler", "simplify", "simplicity", "easy"],
  ["finish", "complete", "completed", "done", "finished"],
  ["result", "value", "outcome"],
  ["extension", "extensions"],
];

/** Words wink flags as stop words that still carry meaning in a technical answer. */
export const MEANINGFUL_STOP_WORDS: ReadonlySet<string> = new Set([
  "all",
  "every",
  "own",
  "one",
  "many",
  "several",
  "once",
  "first",
  "last",
  "same",
]);

/** Words whose scope negates what follows within the clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "n't",
  "without",
  "neither",
  "nor",
  "cannot",
  "none",
  "nothing",
  "nobody",
  "myth",
  "misconception",
  "mistakenly",
  "wrongly",
  "falsely",
  "incorrectly",
  "erroneously",
  "untrue",
]);

/**
 * Contrast markers negate only the short noun phrase that follows ("processes instead of
 * threads", "unlike threads"), not the rest of the clause. The rewrites above turn the multi-word
 * ones into "unlike".
 */
export const CONTRASTS: ReadonlySet<string> = new Set(["unlike", "versus", "vs"]);

/** Words that start a new clause: a negation before them does not reach past them. */
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set([
  "but",
  "because",
  "while",
  "whilst",
  "whereas",
  "although",
  "though",
  "however",
  "since",
  "so",
  "unless",
  "yet",
  "hence",
  "therefore",
  "thus",
  "which",
  "whereby",
]);

/** Separators of list items: "GIL, mutex, threads" or "GIL / mutex / threads". */
export const LIST_SEPARATORS: ReadonlySet<string> = new Set([",", ";", "/", "|", "•", "·", "and", "or", "&"]);
