// The scorer's small domain lexicon: multi-word rewrites, synonym groups, negators and the few
// stop words that carry meaning in answers about concurrency. Both rubric phrasings and answers go
// through the same tables, so adding a synonym here widens every rubric at once. Keep entries to
// words that are interchangeable in this domain; a wrong merge gives credit for a wrong answer.

/**
 * Rewrites applied to the raw text (case-insensitive) before tokenising. Most turn multi-word or
 * punctuated terms that the tokeniser would split ("I/O", "CPU-bound", "at the same time") into one
 * token, so that a phrasing and an answer meet on the same word; a few say an idiom plainly ("no
 * matter" is no negation, "an 8-core server" has multiple cores).
 */
export const REWRITES: readonly (readonly [RegExp, string])[] = [
  // "It is not true that X", "it's false that X", "so it is wrong to say X": the whole of X is
  // denied, however long.
  [
    /\b(?:it\s+is|it'?s|that\s+is|that'?s)\s+(?:not\s+(?:true|the\s+case|correct|right)|false|untrue|wrong|incorrect|a\s+myth)\s+(?:(?:to\s+(?:say|think|believe|assume|claim)\s+)?that\b|to\s+(?:say|think|believe|assume|claim)\b)/gi,
    " notthecase ",
  ],
  // Typed without apostrophes: "wasnt", "didnt", "arent" are negations the tokeniser keeps whole;
  // "its a function" is "it is a function" (a possessive "its" is followed by a noun).
  [/\b(was|were|did|are|has|had|have|could|would|should|must|need)nt\b/gi, "$1 not"],
  [/\bits\s+(?=(?:a|an|the|just|basically|like|not|what|how|when|where|because)\b)/gi, "it is "],
  // Chat shorthand, so that its words meet the lexicon's: "w/o" is a negation, "b/c" a reason.
  [/\bw\/o\b/gi, " without "],
  [/\bw\/(?=\s|\w)/gi, " with "],
  [/\b(?:b\/c|bc|cuz|coz)\b/gi, " because "],
  [/\b(?:smth|sth|smthg)\b/gi, " something "],
  [/\bu\b(?!\/)/gi, " you "],
  [/\bur\b/gi, " your "],
  [/\bthru\b/gi, " through "],
  [/\bppl\b/gi, " people "],
  // Notes: "subroutine = ordinary helper function" is a sentence, not a run of bare terms.
  [/(?<=[\p{L}\p{N})\]`'"])\s*=\s*(?=[\p{L}\p{N}(`'"])/gu, " = is "],
  // "not only X but also Y" asserts X; keep the negation detector away from it.
  [/\bnot\s+(only|just|merely)\b/gi, "$1"],
  // "never more than one coroutine running at once" is one at a time, not "running at once".
  [
    /\b(?:never|not|no)\s+more\s+than\s+one\s+((?:[\w'-]+\s+){0,3}?)at\s+(?:once|the\s+same\s+time)\b/gi,
    " only one $1 one at a time ",
  ],
  // "create_task returns at once": immediately, not "in parallel".
  [/\b(returns?|returned|returning|comes?\s+back|came\s+back)\s+at\s+once\b/gi, " $1 immediately "],
  // "only 1 thread", "1 core": the number as a word, so it meets "one".
  [/\b1\s+(?=(?:thread|process|core|cpu|coroutine|task|lock|interpreter|gil)s?\b)/gi, "one "],
  // "only one coroutine runs at once" says one at a time, not "runs at once".
  [
    /\b(?:only|just)\s+(?:one|a\s+single)\s+((?:[\w'-]+\s+){0,3}?)(?:at\s+once|at\s+the\s+same\s+time)\b/gi,
    " only one $1 one at a time ",
  ],
  // "a long CPU loop", "a for loop": a loop in the code, not the event loop.
  [/\b(cpu|for|while|busy|tight|hot|inner|outer|infinite|python)[\s-]+loops?\b/gi, " $1 iteration "],
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
  [
    /\b(?:(?:heavy|intensive|long|pure[\s-]+python)\s+(?:computation|computing|calculations?|math|maths|number[\s-]+crunching|processing)|computationally\s+(?:heavy|intensive|expensive)|(?:math|calculation|computation)[\s-]+heavy)\b/gi,
    " cpubound work ",
  ],
  [
    /\b(?:concurrently|simultaneously|at\s+once)\s+on\s+(multiple|several|many|different|all|separate|the)\s+(cores?|cpus?|processors?)\b/gi,
    " simultaneously on $1 $2 ",
  ],
  [/\bat\s+(?:the\s+)?(?:same|exact\s+same|very\s+same)\s+(?:instant|moment|time)\b/gi, " simultaneously "],
  [/\b(?:literally|truly|really|physically)\s+(?:simultaneously|at\s+once)\b/gi, " simultaneously "],
  [/\b(?:in\s+the\s+mean\s*time|meanwhile|in\s+the\s+meantime)\b/gi, " meanwhile "],
  [/\bone\s+(?:after\s+(?:the\s+)?(?:another|other)|by\s+one)\b/gi, " one at a time "],
  [/\b(?:sequentially|serially|in\s+turns?)\b/gi, " one at a time "],
  [/\bzero\s+(speed[\s-]*up|benefit|gain|improvement)\b/gi, " no $1 "],
  // "less expensive than a process", "costs less" are cheaper: "less" alone is a stop word, and the cost would read reversed.
  [
    /\b(?:less|not\s+as)\s+(?:expensive|costly|heavy|heavyweight)\b|\bcost(?:s|ing)?\s+(?:much\s+|far\s+|a\s+lot\s+)?less\b/gi,
    " cheaper ",
  ],
  [/\b(?:in\s+charge\s+of|responsible\s+for)\b/gi, " manages "],
  [/\bback\s+and\s+forth\b/gi, " alternately "],
  [/\b(?:wake|wakes|woke|waking|woken)\s+(?:it\s+|them\s+|the\s+\w+\s+)?up\b/gi, " resume "],
  [/\b(?:at\s+the\s+same\s+time|at\s+once|in\s+parallel|side\s+by\s+side)\b/gi, " simultaneously "],
  [/\bmulti[\s-]+thread(?:ed|ing)?\b/gi, " multithreading "],
  [/\bmulti[\s-]+process(?:ing)?\b/gi, " multiprocessing "],
  [/\bprocess\s*pool(?:\s*executor)?\b/gi, " multiprocessing "],
  [/\bmulti[\s-]+core\b/gi, " multicore "],
  [/\bsingle[\s-]+threaded\b/gi, " singlethreaded "],
  [/\boperating[\s-]+system\b/gi, " os "],
  [/\baddress[\s-]+spaces?\b/gi, " memory "],
  // "CPU time" is a share of time, not a core: "its own memory and CPU time" gives it no core.
  [/\b(?:cpu|processor)[\s-]+time\b|\btime\s+on\s+the\s+(?:cpu|processor)\b/gi, " cputime "],
  // "inter-process communication ... a shared memory segment" names a mechanism; it does not say
  // that processes share memory.
  [/\binter[\s-]*process(?:[\s-]+communication)?\b|\bipc\b/gi, " ipc "],
  [/\bshared[\s-]+memory[\s-]+(?:segment|block|region|object|array|value)s?\b/gi, " shm "],
  // Snake-case names: "create_task" is "create task", "__await__" is "await" (an underscore would
  // otherwise end the clause in the middle of the name).
  [/([a-z0-9])_+(?=[a-z0-9])/gi, "$1 "],
  [/(^|[^a-z0-9_])_+(?=[a-z0-9])/gi, "$1"],
  [/([a-z0-9])_+(?![a-z0-9_])/gi, "$1"],
  // Dotted names: "asyncio.Task", "multiprocessing.Pool", "time.sleep" are the module and the name.
  [/\b([a-z_][a-z0-9_]+)\.([a-z_][a-z0-9_]+)\b/gi, "$1 $2"],
  [/\bref(?:erence)?[\s-]+count(?:s|ing|er)?\b/gi, " refcount "],
  [/\bbyte[\s-]+code\b/gi, " bytecode "],
  [/\bgarbage[\s-]+collect(?:ed|or|ion|s)?\b/gi, " gc "],
  [/\bgc(?:'d|ed)\b/gi, " gc "],
  // "the loop keeps only a weak reference" is not "keep a reference": a term of its own.
  [/\bweak(?:ly)?[\s-]*ref(?:erence)?s?\b|\bweakrefs?\b/gi, " weakref "],
  [/\brefs?\b/gi, " reference "],
  [/\brace\s+conditions?\b/gi, " race "],
  [/\bthread[\s-]+safe(?:ty)?\b/gi, " threadsafe "],
  [/\bfine[\s-]+grained\b/gi, " finegrained "],
  [/\bevent[\s-]+loop\b/gi, " eventloop "],
  [/\b(?:give|gives|giving|gave|given)\s+(?:up|away|back)\b/gi, " release "],
  [/\bhand(?:s|ed|ing)?\s+(?:back|over|off)\b/gi, " release "],
  [/\blet(?:s|ting)?\s+go(?:\s+of)?\b/gi, " release "],
  // "puts the knife down while it waits": analogies for releasing the GIL.
  [/\bput(?:s|ting)?\s+(?:(?:it|them|the\s+\w+)\s+)?down\b/gi, " release "],
  [/\b(?:keep|keeps|kept|keeping|go|goes|going|went)\s+on\b/gi, " continue "],
  [/\b(?:keep|keeps|kept|keeping)\s+(?:going|running|executing|working)\b/gi, " continue "],
  [/\btak(?:e|es|ing)\s+turns?\b/gi, " alternate "],
  [/\b(?:instead\s+of|rather\s+than|as\s+opposed\s+to)\b/gi, " unlike "],
  // "It's not like time.sleep(2), which blocks the thread": the contrast, not a denial of the rest.
  [/\b(?:(?:it|this|that)\s+is|it'?s|this'?s|that'?s)\s+not\s+like\b/gi, " unlike "],
  [/\bspeed-?up\b/gi, " speedup "],
  // The verb keeps a verb's form, or "Coroutines speed up CPU-bound work" reads as a list of terms.
  [/\bspeeds\s+up\b/gi, " accelerates "],
  [/\b(?:sped|speeded)\s+up\b/gi, " accelerated "],
  [/\bspeeding\s+up\b/gi, " accelerating "],
  [/\bspeed\s+up\b/gi, " accelerate "],
  [
    /\b(?:start|starts|started|starting|begin|begins|began|run|runs|ran)\s+(?:over|again|afresh|anew)\b/gi,
    " restart ",
  ],
  [/\beach\s+other\b/gi, " one another "],
  // "Processes, unlike threads, do not share memory": a comparison set off by commas is an aside,
  // as in brackets, and the clause goes on around it.
  [
    /,\s*((?:unlike|like|just\s+like|as\s+with|in\s+contrast\s+to|contrary\s+to|compared\s+(?:to|with))\s+[^,.;:!?()\n]{1,40}?)\s*,/gi,
    " ($1) ",
  ],
  // "because of reference counting... er, actually no, it's ...": a spoken self-correction starts
  // a new sentence, which takes back the one before (retractions.ts).
  // Only with a mark after the "no": "Actually no thread runs in parallel" corrects nothing.
  // (It starts at "actually" or "wait": a leading optional "er, " would be tried at every position;
  // the stop it adds after one already there is taken out again, or the sentence would not end.)
  [/\b(?:actually|wait)\s*,?\s+no\s*[,.:;!]/gi, ". No, "],
  [/([.!?…])\s*\.\s+No, /g, "$1 No, "],
  // "Without such a lock, threads could run on separate cores": what would happen, not what does;
  // said with "would", which the negation rules read as not asserted.
  [/\b(without\b[^.;!?\n]{1,60}?[,:]\s+[^.;!?\n]{0,60}?)\b(?:could|might)\b/gi, "$1 would "],
  // "only 1 holds it at a time", "1 thread at a time": the digit is the word.
  [/\b(only|just|exactly|at\s+most)\s+1\b(?![.,]\d)/gi, "$1 one"],
  [/\b1\s+(threads?|process(?:es)?|cores?|cpus?|coroutines?|tasks?|locks?)\b/gi, "one $1"],
  // "goes off to run something else": another one.
  [/\b(?:someone|somebody|something|anyone|anybody|anything)\s+else\b/gi, " another one "],
  // "doesn't stop threads from running at once" lets them: the two negations cancel.
  [
    /\b(?:doesn'?t|don'?t|didn'?t|won'?t|wouldn'?t|can'?t|cannot|couldn'?t|(?:does|do|did|will|would|can|could)\s+not|never)\s+(?:stops?|prevents?)\s+((?:[\w'-]+\s+){1,4}?)from\s+/gi,
    " lets $1 ",
  ],
  // "stops threads from running at once" denies that threads run at once: say it with a negation.
  [
    /\b(prevents?|prevented|preventing|stops?|stopped|stopping)\s+((?:[\w'-]+\s+){1,4}?)from\s+/gi,
    "$1 $2 from not ",
  ],
  // "people think threads run in parallel" reports a belief (a myth, see CONDITIONALS), as do "you
  // might assume", "it's easy to think" and a belief the writer has given up ("I used to think").
  [
    /\b(?:(?:most|many|some|a\s+lot\s+of|lots\s+of)\s+)?(?:people|many|some|beginners|newcomers|juniors|students|candidates|developers|devs|folks|everyone|others)\s+(?:often\s+|sometimes\s+|usually\s+|wrongly\s+|still\s+)?(?:think|believe|assume|expect)\b/gi,
    " myth ",
  ],
  [
    /\b(?:you|one)\s+(?:might|may|could|would)\s+(?:think|assume|expect|believe)\b|\bit'?s\s+easy\s+to\s+(?:think|assume|believe)\b|\bi\s+(?:used\s+to\s+(?:think|believe|assume)|(?:once\s+|always\s+)?(?:thought|believed|assumed))\b/gi,
    " myth ",
  ],
  // "reference counting has nothing to do with it" denies its subject, as "... is not an issue" does.
  [/\b(?:has|have|had)\s+nothing\s+to\s+do\s+with\s+(?:it|this|that)\b/gi, " is not an issue "],
  // "no matter how many cores" is not a negation.
  [/\bno\s+matter\b/gi, " regardless "],
  [/\bcarr(?:y|ies|ied|ying)\s+on\b/gi, " continue "],
  [/\bpick(?:s|ed|ing)?\s+((?:\w+\s+){0,3}?)up\b/gi, " resume $1"],
  // "during I/O the GIL isn't held", "waiting threads don't hold the GIL": it is released.
  [
    /\b(?:(?:does|do|did|is|are|was|were)\s*n[o']?t|not|never)\s+(?:hold|holds|holding)\s+(the\s+|its\s+|a\s+)?(gil|lock)\b/gi,
    " release $1$2 ",
  ],
  [/\b(gil|lock)\s+(?:(?:is|are|was|were)\s*n[o']?t|is\s+never)\s+(?:being\s+)?held\b/gi, " $1 is released "],
  // "a waiting thread lets go of the lock": releases it.
  [/\blet(?:s|ting)?\s+go\s+of\b/gi, " release "],
  // "CPython drops the GIL while it waits": releases it.
  [/\bdrop(?:s|ped|ping)?\s+(the\s+|its\s+)?(gil|lock)\b/gi, " release $1$2 "],
  [/\bmain\s+(?:program|routine)\b/gi, " main function "],
  [/\b(?:a\s+)?second\s+time\b/gi, " twice "],
  [/\b(?:right|straight)\s+away\b/gi, " immediately "],
  [/\b(\d+)\s*secs?\b/gi, "$1 seconds"],
  // "once the two seconds have passed": time elapsing, not passing control.
  [/\b(?:has|have|had)\s+(?:already\s+)?passed\b/gi, " elapsed "],
  // "never more than one thread" says "only one thread".
  [/\b(?:never|not|no)\s+more\s+than\s+one\b/gi, " only one "],
  // "an 8-core server", "16 cores": more than one core.
  [
    /\b(?:[2-9]|[1-9]\d+|two|three|four|six|eight|twelve|sixteen|thirty-two|sixty-four)[\s-]+(?:cpu[\s-]+)?cores?\b/gi,
    " multiple cores ",
  ],
  [
    /\b(give|gives|giving|gave|hand|hands|handed|handing)\s+(control|it|them|the\s+\w+)\s+(?:back|over|up|away)\b/gi,
    " release $2 ",
  ],
  // After "never more than one" (above: "only one"): "more than one core" is several.
  [/\bmore\s+than\s+one\b/gi, " multiple "],
  [/\b(?:lots\s+of|a\s+lot\s+of|plenty\s+of|loads\s+of|tons\s+of|a\s+bunch\s+of)\b/gi, " many "],
  // "re-entered", "re-run": one word.
  [/\bre-(enter|run|start|use)/gi, "re$1"],
];

/**
 * Words that mean the same thing here. Every word of a group (and its lemma and stem) is replaced
 * by the group's first word. Concurrency is deliberately NOT merged with parallelism: telling the
 * two apart is what many questions test.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["parallel", "simultaneous", "simultaneously", "parallelism", "parallelly"],
  ["mutex", "lock", "mutexes", "locks", "semaphore", "padlock", "padlocks"],
  ["thread", "threads", "threading", "multithreading", "multithreaded"],
  ["multiprocessing", "multiprocess"],
  // Not "program": "a process is a running program" must not be satisfied by "process".
  ["process", "processes"],
  ["cpubound", "cpu-heavy", "compute-heavy", "cpu-intensive"],
  ["iobound"],
  ["io", "network", "disk", "socket", "sockets", "http", "api", "apis", "file", "files"],
  [
    "release",
    "releases",
    "drop",
    "relinquish",
    "yield",
    "surrender",
    "unlock",
    "free",
    "deallocate",
    "deallocated",
  ],
  ["coroutine", "coroutines"],
  ["core", "cores", "cpu", "cpus", "processor", "processors"],
  ["execute", "run", "execution", "runs", "running", "executes", "drive", "drives"],
  ["separate", "own", "independent", "isolated", "distinct", "dedicated", "private", "individual"],
  ["share", "shared", "common"],
  ["memory", "ram", "heap"],
  ["bypass", "sidestep", "circumvent", "avoid", "escape"],
  ["suspend", "pause", "suspends", "pauses", "halt", "halts", "park", "parks", "parked"],
  ["resume", "continue", "resumes", "proceed", "reenter", "reentered"],
  ["switch", "swap", "switching", "switches"],
  // Taking turns is narrower than switching: it says the jobs alternate on one worker.
  ["interleave", "alternate", "interleaving", "interleaved", "alternately", "juggle", "juggling"],
  ["schedule", "scheduler", "scheduling"],
  ["os", "kernel"],
  ["preempt", "preemptive", "preemptively", "preemption", "interrupt", "forcibly"],
  ["cooperative", "cooperatively", "voluntarily", "voluntary", "cooperate"],
  ["lightweight", "cheap", "light", "cheaper", "lighter", "inexpensive"],
  ["expensive", "heavyweight", "costly", "heavy"],
  ["prevent", "stop", "forbid", "disallow", "preclude"],
  ["limit", "restrict", "constrain", "hinder", "hamper", "bottleneck", "cap"],
  ["need", "require", "must"],
  ["use", "utilize", "utilise", "leverage", "employ"],
  // Not "start": "starts from the beginning" is no spawning.
  ["spawn", "create", "launch", "fork"],
  ["task", "job"],
  ["protect", "guard", "safeguard", "serialize", "serialise"],
  ["wait", "waiting", "idle"],
  ["block", "blocking", "blocked", "stall", "freeze"],
  ["single", "one", "sole"],
  ["multiple", "many", "several", "numerous", "various"],
  ["all", "every"],
  ["fast", "faster", "quick", "quicker", "speedy", "speedup", "accelerate"],
  ["slow", "slower", "sluggish"],
  ["simple", "simpler", "simplify", "simplicity", "easy", "easier", "straightforward"],
  ["finish", "complete", "completed", "finished", "finishes"],
  ["restart", "rerun", "restarts", "restarted"],
  ["count", "counter", "counters", "counts", "tally", "tallies"],
  ["transfer", "pass", "transfers", "passes", "give", "gives", "hand", "hands"],
  ["call", "invoke", "calls", "invokes", "invoked", "called"],
  ["object", "anything", "objects", "thing", "things", "something"],
  // "The loop" is the event loop in every answer about asyncio.
  ["eventloop", "loop"],
  ["decide", "choose", "pick", "select", "decides", "chooses", "picks"],
  ["keep", "hold", "retain", "store", "save", "keeps", "holds", "stores"],
  ["other", "another"],
  ["point", "spot", "place", "position", "points", "places"],
  [
    "database",
    "db",
    "sql",
    "databases",
    "postgres",
    "postgresql",
    "mysql",
    "redis",
    "sqlite",
    "mongodb",
    "orm",
  ],
  ["callback", "notify", "notification", "signal", "callbacks", "notified"],
  ["hurt", "suffer", "harm", "hurts", "suffers"],
  ["wrap", "wrapper", "wraps", "wrapped", "encapsulate"],
  ["subclass", "inherit", "extend", "inherits", "extends", "derive", "derives"],
  ["exception", "error", "errors", "exceptions"],
  ["move", "go", "moves", "goes"],
  ["result", "value", "outcome"],
  ["extension", "extensions"],
  ["middle", "halfway", "midway", "partway"],
  ["start", "begin", "starts", "begins", "beginning"],
  ["entry", "enter", "entries", "enters", "entered"],
  ["line", "statement", "lines", "statements"],
  ["coordinate", "orchestrate", "manage", "oversee", "supervise", "coordinates", "manages"],
  ["update", "modify", "change", "increment", "decrement", "mutate", "updates", "modifies", "changes"],
  ["destroy", "delete", "reclaim", "destroyed", "deleted", "reclaimed"],
];

/**
 * Second senses: an answer word also matches the group given here ("a coroutine yields" is also
 * "a coroutine pauses"; "a thread blocked on a socket" is waiting). Phrasings keep the first sense.
 */
export const SECOND_SENSES: readonly (readonly [string, string])[] = [
  ["yield", "suspend"],
  ["stop", "suspend"],
  ["block", "wait"],
  ["blocked", "wait"],
  // "a reference counter" is a count.
  ["refcount", "count"],
];

/** Words wink flags as stop words that still carry meaning in a technical answer. */
export const MEANINGFUL_STOP_WORDS: ReadonlySet<string> = new Set([
  "after",
  "before",
  "both",
  "go",
  "put",
  "all",
  "every",
  "own",
  "one",
  "many",
  "several",
  "once",
  "other",
  "another",
  "anyway",
  "keep",
  "top",
  "anything",
  "give",
  "call",
  "move",
  "part",
  "full",
  "make",
  "even",
  "first",
  "last",
  "same",
]);

/** Words whose scope negates what follows within the clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  "notthecase",
  "not",
  "no",
  "never",
  "n't",
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
  "hardly",
  "barely",
  "scarcely",
  "rarely",
  "unable",
  "fail",
  "fails",
  "failed",
]);

/** Negators whose scope is the rest of the sentence ("it is not true that ..."; see REWRITES). */
export const SENTENCE_NEGATORS: ReadonlySet<string> = new Set(["notthecase"]);

/**
 * Negators whose scope is only the short noun phrase after them ("processes instead of threads",
 * "unlike threads", "without a reference"), not the rest of the clause. The rewrites above turn
 * the multi-word contrasts into "unlike".
 */
export const SHORT_SCOPE_NEGATORS: ReadonlySet<string> = new Set(["without", "unlike", "versus", "vs"]);

/**
 * Words that start a new clause. Misconceptions are read within one clause; a negation does not
 * reach past them either, except past the ones in NEGATION_CROSSES ("does not decide when threads
 * switch" negates the switching too).
 */
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
  "if",
  "whether",
  "when",
  "whenever",
  "until",
]);

/** Clause starters a negation reaches past: "does not decide when threads switch". */
export const NEGATION_CROSSES: ReadonlySet<string> = new Set(["when", "whenever", "which"]);

/**
 * Contrasts that separate two assertions: a phrasing is never matched across them. Not "while": it
 * is as often "during" ("release the GIL while they wait") as "whereas".
 */
export const CONTRAST_BREAKERS: ReadonlySet<string> = new Set([
  "but",
  "whereas",
  "although",
  "though",
  "however",
  "yet",
]);

/**
 * Terms questions contrast, whose roles an answer can swap (see swaps.ts). "threading" reads as
 * "thread", so the last pair is threading against multiprocessing.
 */
export const CONTRASTED_TERMS: readonly (readonly [string, string])[] = [
  ["concurrency", "parallelism"],
  ["thread", "process"],
  ["coroutine", "subroutine"],
  ["thread", "coroutine"],
  ["thread", "multiprocessing"],
];
/**
 * Terms a rubric contrasts when its key points name both, whatever the prompt calls them ("a
 * program that waits on the network" against "one that crunches numbers").
 */
export const CONTRASTED_IN_RUBRIC: readonly (readonly [string, string])[] = [["I/O-bound", "CPU-bound"]];

/**
 * Words that report a belief the answer goes on to correct: the rest of their assertion is not
 * asserted ("a common mistake is to think ...", "a classic pitfall is picturing ...").
 */
export const REPORTED_BELIEFS: ReadonlySet<string> = new Set([
  "myth",
  "misconception",
  "misconceptions",
  "mistake",
  "pitfall",
]);

/** Words that open a clause stating a condition rather than a fact. */
export const CONDITIONALS: ReadonlySet<string> = new Set([
  "if",
  "unless",
  "whether",
  "suppose",
  "imagine",
  "assuming",
  "would",
  // Reported wrong beliefs: "it is tempting to think the loop owns the task", "a common myth is".
  "tempting",
  "myth",
  "mistakenly",
  "wrongly",
  // An embedded question ("who keeps the task alive") asks, it does not assert.
  "who",
]);

/** Separators of list items: "GIL, mutex, threads" or "GIL / mutex / threads". */
export const LIST_SEPARATORS: ReadonlySet<string> = new Set([",", ";", "/", "|", "•", "·", "and", "or", "&"]);
