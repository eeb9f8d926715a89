// The recruiter's results: attempt list and detail, overrides with recomputed totals, the CSV
// export (formula-injection safe) and the report, all for the owner's quiz only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/lib/clock.ts";
import { bearer, buildTestApp, registerUser, type Session, type TestApp } from "../../helpers/test-app.ts";
import {
  createQuestion,
  createQuiz,
  invite,
  publish,
  questionInputs,
  type Started,
  save,
  start,
  submit,
} from "./fixtures.ts";

const clock = fixedClock("2030-04-01T09:00:00.000Z");
let t: TestApp;
let owner: Session;
let other: Session;
let quizId: string;
let tf: string;
let sa: string;
let finished: Started;
let running: Started;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  owner = await registerUser(t.app, { role: "recruiter" });
  other = await registerUser(t.app, { role: "recruiter" });
  tf = (await createQuestion(t.app, owner.accessToken, questionInputs.true_false)).id;
  sa = (await createQuestion(t.app, owner.accessToken, questionInputs.short_answer)).id;
  const quiz = await createQuiz(t.app, owner.accessToken, {
    title: "Results",
    passingPercent: 75,
    items: [
      { questionId: tf, points: 2 },
      { questionId: sa, points: 2 },
    ],
  });
  quizId = quiz.id;
  await publish(t.app, owner.accessToken, quizId);
  const inv = await invite(t.app, owner.accessToken, quizId, {
    candidateName: '=HYPERLINK("http://evil")',
    candidateEmail: "eve@example.com",
  });
  finished = (await start(t.app, inv.token)).json();
  await save(t.app, finished, tf, false);
  await save(t.app, finished, sa, "coroutine");
  await submit(t.app, finished);
  const inv2 = await invite(t.app, owner.accessToken, quizId, { candidateName: 'Bob, "the" builder' });
  running = (await start(t.app, inv2.token)).json();
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, session: Session = owner) =>
  t.app.inject({ method: "GET", url, headers: bearer(session.accessToken) });

describe("results", () => {
  it("lists attempts with totals and shows one with every answer and topic", async () => {
    const list = await get(`/v1/quizzes/${quizId}/attempts`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      id: finished.attempt.id,
      status: "submitted",
      score: 2,
      maxScore: 4,
      percent: 50,
      passed: false,
      candidateEmail: "eve@example.com",
    });
    expect(items[1]).toMatchObject({ status: "in_progress", score: null });
    const detail = await get(`/v1/quizzes/${quizId}/attempts/${finished.attempt.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.answers.map((a: { questionId: string; points: number }) => [a.questionId, a.points])).toEqual(
      [
        [tf, 2],
        [sa, 0],
      ],
    );
    expect(body.answers[1].grade.verdict).toBe("incorrect");
    expect(body.topics).toEqual([
      { topic: "recruit-asyncio", score: 0, maxScore: 2 },
      { topic: "recruit-concurrency", score: 2, maxScore: 2 },
    ]);
    expect((await get(`/v1/quizzes/${quizId}/attempts/${finished.attempt.id}`, other)).statusCode).toBe(404);
  });

  it("overrides points, keeps the automatic grade beside them, recomputes totals", async () => {
    const url = `/v1/quizzes/${quizId}/attempts/${finished.attempt.id}/answers/${sa}`;
    const patch = (payload: object, session: Session = owner) =>
      t.app.inject({ method: "PATCH", url, headers: bearer(session.accessToken), payload });
    expect((await patch({ points: 1 }, other)).statusCode).toBe(404);
    expect((await patch({ points: 3 })).statusCode).toBe(400);
    const response = await patch({ points: 1.5, note: "Close enough: coroutines use async def" });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ score: 3.5, percent: 87.5, passed: true });
    expect(body.answers[1]).toMatchObject({
      autoPoints: 0,
      points: 1.5,
      grade: { verdict: "incorrect" },
      override: { points: 1.5, note: "Close enough: coroutines use async def", by: { id: owner.user.id } },
    });
    const inProgress = `/v1/quizzes/${quizId}/attempts/${running.attempt.id}/answers/${sa}`;
    expect(
      (
        await t.app.inject({
          method: "PATCH",
          url: inProgress,
          headers: bearer(owner.accessToken),
          payload: { points: 1 },
        })
      ).statusCode,
    ).toBe(409);
  });

  it("exports CSV with RFC 4180 quoting and no formulas", async () => {
    const response = await get(`/v1/quizzes/${quizId}/results.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = response.body.split("\r\n");
    expect(lines[0]).toBe(
      "attempt_id,candidate_email,candidate_name,status,started_at,submitted_at,score,max_score,percent,passed,needs_review,topic:recruit-asyncio,topic:recruit-concurrency",
    );
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"")",submitted,`);
    expect(lines[1]).toMatch(/,3\.5,4,87\.5,true,false,75,100$/);
    expect(lines[2]).toContain(`,"Bob, ""the"" builder",in_progress,`);
  });

  it("reports means per question and topic over finished attempts", async () => {
    const response = await get(`/v1/quizzes/${quizId}/report`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      attempts: 1,
      meanPercent: 87.5,
      questions: [
        { questionId: tf, meanPoints: 2, maxPoints: 2, answered: 1 },
        { questionId: sa, meanPoints: 1.5, maxPoints: 2, answered: 1 },
      ],
      topics: [
        { topic: "recruit-asyncio", meanPercent: 75 },
        { topic: "recruit-concurrency", meanPercent: 100 },
      ],
    });
  });
});
