// Questions for the scorer's unit tests, built the way the API stores them.
import {
  type QuestionInput,
  questionInputSchema,
  type StoredQuestion,
  toStoredQuestion,
} from "../../../src/domain/questions/question-spec.ts";

/** Deterministic ids: "id-1", "id-2", ... (the stored form sorts choices by id, like production). */
export function sequentialIds(prefix = "id"): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(3, "0")}`;
}

export function stored(input: unknown, newId: () => string = sequentialIds()): StoredQuestion {
  const parsed: QuestionInput = questionInputSchema.parse(input);
  return toStoredQuestion(parsed, newId);
}

const common = { difficulty: "easy", topics: ["gil"] } as const;

/** An explain question for one test: its prompt and rubric (topics default to the GIL). */
export function explainQuestion(input: {
  prompt: string;
  rubric: unknown;
  topics?: string[];
}): StoredQuestion {
  return stored({ ...common, type: "explain", ...input });
}

/** The ids of a stored choice question's choices, in authoring order (right and wrong). */
export function choiceIdsByText(question: StoredQuestion): Map<string, string> {
  return new Map((question.payload.choices ?? []).map((c) => [c.text, c.id]));
}

export const singleChoice = () =>
  stored({
    ...common,
    type: "single_choice",
    prompt: "Which lock serialises Python bytecode in CPython?",
    explanation: "The GIL lets one thread run bytecode at a time.",
    choices: [
      { text: "The GIL", correct: true },
      { text: "A semaphore", correct: false },
      { text: "The event loop", correct: false },
    ],
  });

export const multipleChoice = () =>
  stored({
    ...common,
    type: "multiple_choice",
    prompt: "Which of these release the GIL?",
    choices: [
      { text: "Blocking socket reads", correct: true },
      { text: "time.sleep", correct: true },
      { text: "NumPy's large array operations", correct: true },
      { text: "A pure-Python for loop", correct: false },
      { text: "Appending to a list", correct: false },
    ],
  });

export const trueFalse = () =>
  stored({ ...common, type: "true_false", prompt: "Threads share their process's memory.", answer: true });

export const ordering = () =>
  stored({
    ...common,
    type: "ordering",
    prompt: "Order the steps of running a coroutine as a task.",
    items: ["Define the coroutine", "Create the task", "Await the task", "Read the result"],
  });

export const shortAnswer = () =>
  stored({
    ...common,
    type: "short_answer",
    prompt: "Which asyncio function runs a coroutine from synchronous code?",
    answer: "asyncio.run()",
    accepted: ["asyncio.run"],
  });

export const shortAnswerWord = () =>
  stored({
    ...common,
    type: "short_answer",
    prompt: "What does a coroutine do at an await when the awaited thing is not ready?",
    answer: "suspends",
    accepted: ["pauses", "yields control"],
  });

export const shortAnswerNumber = () =>
  stored({ ...common, type: "short_answer", prompt: "How many threads hold the GIL at once?", answer: "1" });

export const cloze = () =>
  stored({
    ...common,
    type: "cloze",
    prompt: "The ___ decides which task runs next; a coroutine gives up control at each ___.",
    answer: ["event loop", "await"],
    accepted: [["loop"], ["await expression"]],
  });

export const codeOutput = () =>
  stored({
    ...common,
    type: "code_output",
    prompt: "What does this print?",
    code: "import asyncio\n\nasync def main():\n    print('a')\n    await asyncio.sleep(0)\n    print('b')\n\nasyncio.run(main())\n",
    answer: "a\nb\n",
  });

export const explain = () =>
  stored({
    ...common,
    type: "explain",
    prompt: "Why do Python threads not speed up CPU-bound code, and what do you use instead?",
    rubric: {
      referenceAnswer:
        "In CPython the GIL lets only one thread execute Python bytecode at a time, so threads take turns on one core instead of running in parallel. I/O operations release the GIL, which is why threads still help I/O-bound programs. For CPU-bound work you use multiprocessing: separate processes, each with its own interpreter and GIL, run in parallel on several cores.",
      keyPoints: [
        {
          text: "Only one thread executes Python bytecode at a time because of the GIL.",
          weight: 2,
          phrasings: [
            "one thread executes bytecode at a time",
            "threads cannot run bytecode in parallel",
            "GIL held by one thread",
          ],
          missed: "The GIL lets only one thread execute Python bytecode at a time.",
        },
        {
          text: "I/O releases the GIL, so threads still help I/O-bound work.",
          weight: 1,
          phrasings: ["I/O releases the GIL", "GIL released while waiting for I/O"],
        },
        {
          text: "Multiprocessing runs separate processes, each with its own GIL, in parallel.",
          weight: 2,
          phrasings: [
            "multiprocessing separate processes",
            "processes with their own interpreter",
            "processes own GIL",
          ],
        },
      ],
      misconceptions: [
        {
          text: "Threads run Python code in parallel on several cores.",
          phrasings: ["threads run in parallel on multiple cores", "threads execute bytecode simultaneously"],
          explanation: "Under the GIL only one thread runs Python bytecode at a time.",
        },
      ],
    },
  });

export const allObjective = {
  single_choice: singleChoice,
  multiple_choice: multipleChoice,
  true_false: trueFalse,
  ordering,
  short_answer: shortAnswer,
  cloze,
  code_output: codeOutput,
} as const;
