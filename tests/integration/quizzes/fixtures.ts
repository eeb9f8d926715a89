// Shared arrangements for the recruiter tests: one valid QuestionInput of each type, and helpers
// that go through the API as a recruiter would.
import type { FastifyInstance } from "fastify";
import { bearer } from "../../helpers/test-app.ts";

export const questionInputs = {
  explain: {
    type: "explain",
    prompt: "Why does a process pool help CPU-bound Python code?",
    difficulty: "medium",
    topics: ["recruit-concurrency"],
    rubric: {
      referenceAnswer:
        "Each process has its own interpreter and GIL, so CPU work runs in parallel on several cores.",
      keyPoints: [
        { text: "each process has its own GIL", phrasings: ["own GIL", "separate GIL", "own interpreter"] },
        { text: "work runs in parallel on several cores", phrasings: ["parallel", "multiple cores"] },
      ],
    },
  },
  short_answer: {
    type: "short_answer",
    prompt: "Which keyword defines a coroutine function?",
    difficulty: "easy",
    topics: ["recruit-asyncio"],
    answer: "async def",
    accepted: ["async"],
  },
  cloze: {
    type: "cloze",
    prompt: "A coroutine gives control back at each ___ expression, to the ___ loop.",
    difficulty: "easy",
    topics: ["recruit-asyncio"],
    answer: ["await", "event"],
  },
  single_choice: {
    type: "single_choice",
    prompt: "Which module runs coroutines on an event loop?",
    difficulty: "easy",
    topics: ["recruit-asyncio"],
    choices: [
      { text: "asyncio", correct: true },
      { text: "threading", correct: false },
      { text: "pickle", correct: false },
    ],
  },
  multiple_choice: {
    type: "multiple_choice",
    prompt: "Which of these run in separate processes?",
    difficulty: "medium",
    topics: ["recruit-concurrency"],
    choices: [
      { text: "ProcessPoolExecutor workers", correct: true },
      { text: "multiprocessing.Process", correct: true },
      { text: "threading.Thread", correct: false },
    ],
  },
  true_false: {
    type: "true_false",
    prompt: "The GIL lets two threads run Python bytecode at the same time.",
    difficulty: "easy",
    topics: ["recruit-concurrency"],
    answer: false,
  },
  ordering: {
    type: "ordering",
    prompt: "Order the steps of running a coroutine.",
    difficulty: "medium",
    topics: ["recruit-asyncio"],
    items: ["create the coroutine", "schedule it on the loop", "await its result"],
  },
  code_output: {
    type: "code_output",
    prompt: "What does this print?",
    difficulty: "easy",
    topics: ["recruit-python"],
    code: "print(len([1, 2, 3]))",
    answer: "3",
  },
} as const;

export type QuestionTypeName = keyof typeof questionInputs;

export async function createQuestion(app: FastifyInstance, token: string, payload: object) {
  const response = await app.inject({
    method: "POST",
    url: "/v1/questions",
    headers: bearer(token),
    payload,
  });
  if (response.statusCode !== 201)
    throw new Error(`create question: ${response.statusCode} ${response.body}`);
  return response.json() as {
    id: string;
    version: number;
    choices?: { id: string; text: string; correct: boolean }[];
  };
}

export async function createQuiz(app: FastifyInstance, token: string, payload: object) {
  const response = await app.inject({ method: "POST", url: "/v1/quizzes", headers: bearer(token), payload });
  if (response.statusCode !== 201) throw new Error(`create quiz: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; status: string; totalPoints: number };
}

export async function publish(app: FastifyInstance, token: string, quizId: string) {
  const response = await app.inject({
    method: "POST",
    url: `/v1/quizzes/${quizId}/publish`,
    headers: bearer(token),
  });
  if (response.statusCode !== 200) throw new Error(`publish: ${response.statusCode} ${response.body}`);
  return response.json() as { status: string; items: { questionId?: string; questionVersion?: number }[] };
}

export async function invite(app: FastifyInstance, token: string, quizId: string, payload: object = {}) {
  const response = await app.inject({
    method: "POST",
    url: `/v1/quizzes/${quizId}/invites`,
    headers: bearer(token),
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`invite: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; token: string };
}

export function start(app: FastifyInstance, inviteToken: string) {
  return app.inject({ method: "POST", url: "/v1/attempts", payload: { inviteToken } });
}

export interface Started {
  attempt: { id: string; status: string; deadline: string | null };
  attemptToken: string;
  questions: {
    id: string;
    type: string;
    choices?: { id: string; text: string }[];
    items?: { id: string }[];
  }[];
}

export function save(app: FastifyInstance, started: Started, questionId: string, answer: unknown) {
  return app.inject({
    method: "PUT",
    url: `/v1/attempts/${started.attempt.id}/answers/${questionId}`,
    headers: bearer(started.attemptToken),
    payload: { answer },
  });
}

export function submit(app: FastifyInstance, started: Started) {
  return app.inject({
    method: "POST",
    url: `/v1/attempts/${started.attempt.id}/submit`,
    headers: bearer(started.attemptToken),
  });
}
