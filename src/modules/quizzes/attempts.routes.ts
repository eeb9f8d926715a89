// /v1/attempts: the candidate's side, without an account. POST /v1/attempts takes the invite
// token; every other route takes `Authorization: Bearer <attemptToken>`, an opaque token that
// opens one attempt only (user access tokens do not work here, nor attempt tokens elsewhere).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { UnauthorizedError } from "../../lib/errors.ts";
import { problemResponses } from "../../plugins/errors.ts";
import {
  answerBody,
  answerParams,
  answerSaved,
  attemptDetail,
  attemptParams,
  attemptStarted,
  startBody,
  submitResponse,
} from "./attempts.schemas.ts";
import { createAttemptsService } from "./attempts.service.ts";

function attemptToken(request: { headers: { authorization?: string | undefined } }): string {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? "");
  if (!match?.[1])
    throw new UnauthorizedError("A valid attempt token is required (Authorization: Bearer <attemptToken>).");
  return match[1];
}

export const attemptsRoutes: FastifyPluginAsyncZod = async (app) => {
  const attempts = createAttemptsService({ db: app.db, clock: app.clock, random: Math.random });
  const tags = ["attempts"];
  const security = [{ attemptToken: [] }];

  app.post(
    "/v1/attempts",
    {
      schema: {
        tags,
        summary: "Start an attempt with an invite token; returns the attempt token and the questions",
        body: startBody,
        response: { 201: attemptStarted, ...problemResponses(400, 404, 409, 410, 413, 415, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await attempts.start(request.body.inviteToken)),
  );

  app.get(
    "/v1/attempts/:id",
    {
      schema: {
        tags,
        summary: "The attempt, its questions and the answers saved so far",
        description: "Authorization: Bearer <attemptToken>.",
        security,
        params: attemptParams,
        response: { 200: attemptDetail, ...problemResponses(401, 404, 429) },
      },
    },
    async (request) => attempts.get(attemptToken(request), request.params.id),
  );

  app.put(
    "/v1/attempts/:id/answers/:questionId",
    {
      schema: {
        tags,
        summary: "Save (autosave) an answer; no grade is shown",
        description:
          "Authorization: Bearer <attemptToken>. 409 after submit or past the deadline (5 s grace).",
        security,
        params: answerParams,
        body: answerBody,
        response: { 200: answerSaved, ...problemResponses(400, 401, 404, 409, 413, 415, 422, 429) },
      },
    },
    async (request) =>
      attempts.saveAnswer(
        attemptToken(request),
        request.params.id,
        request.params.questionId,
        request.body.answer,
      ),
  );

  app.post(
    "/v1/attempts/:id/submit",
    {
      schema: {
        tags,
        summary: "Submit: the result as the quiz lets the candidate see it; a second submit replays it",
        description: "Authorization: Bearer <attemptToken>.",
        security,
        params: attemptParams,
        response: { 200: submitResponse, ...problemResponses(401, 404, 429) },
      },
    },
    async (request) => attempts.submit(attemptToken(request), request.params.id),
  );
};
