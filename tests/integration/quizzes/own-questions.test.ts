// A recruiter's own questions: every type, broken keys refused, private to the owner, scored,
// versioned on change, retired only when no open quiz uses them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, buildTestApp, registerUser, type Session, type TestApp } from "../../helpers/test-app.ts";
import { createQuestion, createQuiz, publish, questionInputs } from "./fixtures.ts";

let t: TestApp;
let owner: Session;
let other: Session;
let learner: Session;
beforeAll(async () => {
  t = await buildTestApp();
  owner = await registerUser(t.app, { role: "recruiter" });
  other = await registerUser(t.app, { role: "recruiter" });
  learner = await registerUser(t.app);
});
afterAll(async () => {
  await t.close();
});

const post = (token: string, payload: object) =>
  t.app.inject({ method: "POST", url: "/v1/questions", headers: bearer(token), payload });

describe("POST /v1/questions", () => {
  it("creates a private question of every type and gives its owner the key back", async () => {
    for (const input of Object.values(questionInputs)) {
      const response = await post(owner.accessToken, input);
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        type: input.type,
        prompt: input.prompt,
        visibility: "private",
        origin: "custom",
      });
      const read = await t.app.inject({
        method: "GET",
        url: `/v1/questions/${body.id}`,
        headers: bearer(owner.accessToken),
      });
      expect(read.json()).toEqual(body);
      if ("answer" in input) expect(body.answer).toEqual(input.answer);
      if ("rubric" in input) expect(body.rubric.referenceAnswer).toBe(input.rubric.referenceAnswer);
      if ("choices" in input)
        expect(
          body.choices.map((c: { text: string; correct: boolean }) => [c.text, c.correct]).sort(),
        ).toEqual(input.choices.map((c) => [c.text, c.correct]).sort());
      if ("items" in input) expect(body.items.map((i: { text: string }) => i.text)).toEqual(input.items);
    }
  });

  it.each([
    [
      "single_choice with no correct choice",
      {
        ...questionInputs.single_choice,
        choices: [
          { text: "a", correct: false },
          { text: "b", correct: false },
        ],
      },
    ],
    [
      "single_choice with two correct choices",
      {
        ...questionInputs.single_choice,
        choices: [
          { text: "a", correct: true },
          { text: "b", correct: true },
        ],
      },
    ],
    ["cloze with more blanks than answers", { ...questionInputs.cloze, answer: ["await"] }],
    ["explain without a rubric", { ...questionInputs.explain, rubric: undefined }],
    [
      "true_false with choices (fields of another type)",
      { ...questionInputs.true_false, choices: [{ text: "a", correct: true }] },
    ],
    ["short_answer with a code field", { ...questionInputs.short_answer, code: "print(1)" }],
    [
      "multiple_choice with no correct choice",
      {
        ...questionInputs.multiple_choice,
        choices: [
          { text: "a", correct: false },
          { text: "b", correct: false },
        ],
      },
    ],
  ])("400 for %s", async (_name, payload) => {
    const response = await post(owner.accessToken, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.length).toBeGreaterThan(0);
  });

  it("403 for a learner, 401 without a token", async () => {
    expect((await post(learner.accessToken, questionInputs.true_false)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: "POST", url: "/v1/questions", payload: questionInputs.true_false }))
        .statusCode,
    ).toBe(401);
  });
});

describe("privacy and scoring", () => {
  it("hides a private question from everyone but its owner, and scores it for the owner", async () => {
    const q = await createQuestion(t.app, owner.accessToken, questionInputs.single_choice);
    for (const headers of [bearer(other.accessToken), bearer(learner.accessToken), {}]) {
      expect((await t.app.inject({ method: "GET", url: `/v1/questions/${q.id}`, headers })).statusCode).toBe(
        404,
      );
      const check = await t.app.inject({
        method: "POST",
        url: `/v1/questions/${q.id}/check`,
        headers,
        payload: { answer: "x" },
      });
      expect(check.statusCode).toBe(404);
    }
    const mine = await t.app.inject({
      method: "GET",
      url: "/v1/questions?mine=true&limit=100",
      headers: bearer(owner.accessToken),
    });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(q.id);
    const theirs = await t.app.inject({
      method: "GET",
      url: "/v1/questions?mine=true&limit=100",
      headers: bearer(other.accessToken),
    });
    expect(theirs.json().items.map((i: { id: string }) => i.id)).not.toContain(q.id);
    const right = q.choices?.find((c) => c.correct)?.id;
    const graded = await t.app.inject({
      method: "POST",
      url: `/v1/questions/${q.id}/check`,
      headers: bearer(owner.accessToken),
      payload: { answer: right },
    });
    expect(graded.statusCode).toBe(200);
    expect(graded.json()).toMatchObject({ score: 1, verdict: "correct" });
  });
});

describe("PATCH and DELETE /v1/questions/:id", () => {
  it("bumps the version and stores a snapshot; keeps the ids of unchanged choices", async () => {
    const q = await createQuestion(t.app, owner.accessToken, questionInputs.single_choice);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/v1/questions/${q.id}`,
      headers: bearer(owner.accessToken),
      payload: { prompt: "Which standard module runs coroutines?" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ version: 2, prompt: "Which standard module runs coroutines?" });
    expect(response.json().choices).toEqual(q.choices);
    expect(await t.app.db.questionVersion.count({ where: { questionId: q.id } })).toBe(2);
    const broken = await t.app.inject({
      method: "PATCH",
      url: `/v1/questions/${q.id}`,
      headers: bearer(owner.accessToken),
      payload: {
        choices: [
          { text: "a", correct: true },
          { text: "b", correct: true },
        ],
      },
    });
    expect(broken.statusCode).toBe(400);
    const stranger = await t.app.inject({
      method: "PATCH",
      url: `/v1/questions/${q.id}`,
      headers: bearer(other.accessToken),
      payload: { prompt: "mine now" },
    });
    expect(stranger.statusCode).toBe(404);
  });

  it("refuses to retire a question an open quiz uses (409), retires it once the quiz is closed", async () => {
    const q = await createQuestion(t.app, owner.accessToken, questionInputs.true_false);
    const quiz = await createQuiz(t.app, owner.accessToken, {
      title: "Uses it",
      items: [{ questionId: q.id }],
    });
    await publish(t.app, owner.accessToken, quiz.id);
    const del = () =>
      t.app.inject({ method: "DELETE", url: `/v1/questions/${q.id}`, headers: bearer(owner.accessToken) });
    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: `/v1/questions/${q.id}`,
          headers: bearer(other.accessToken),
        })
      ).statusCode,
    ).toBe(404);
    expect((await del()).statusCode).toBe(409);
    await t.app.inject({
      method: "POST",
      url: `/v1/quizzes/${quiz.id}/close`,
      headers: bearer(owner.accessToken),
    });
    expect((await del()).statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: "GET",
          url: `/v1/questions/${q.id}`,
          headers: bearer(owner.accessToken),
        })
      ).statusCode,
    ).toBe(404);
  });

  it("lets only the owner put a private question in a quiz", async () => {
    const q = await createQuestion(t.app, owner.accessToken, questionInputs.true_false);
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/quizzes",
      headers: bearer(other.accessToken),
      payload: { title: "Borrowed", items: [{ questionId: q.id }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe("body.items.0.questionId");
  });
});
