// POST /v1/questions, PATCH and DELETE /v1/questions/:id: a recruiter's own, private questions.
// Reading them stays in the content module (GET /v1/questions?mine=true, GET /v1/questions/:id).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { questionInputSchema } from "../../domain/questions/question-spec.ts";
import { problemResponses } from "../../plugins/errors.ts";
import { idParams, questionDetailView } from "../content/content.schemas.ts";
import { questionPatchBody } from "./own-questions.schemas.ts";
import { createOwnQuestionsService } from "./own-questions.service.ts";

export const ownQuestionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const questions = createOwnQuestionsService({ db: app.db, clock: app.clock });
  const recruiter = { onRequest: app.requireRole("recruiter", "admin") };
  const tags = ["questions"];
  const security = [{ bearerAuth: [] }];

  app.post(
    "/v1/questions",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Write a private question (QuestionInput); scored like the bank, usable in your quizzes",
        security,
        body: questionInputSchema,
        response: { 201: questionDetailView, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await questions.create(request.user.id, request.body)),
  );

  app.patch(
    "/v1/questions/:id",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Change your question: a new version; open quizzes keep the version they pinned",
        security,
        params: idParams,
        body: questionPatchBody,
        response: { 200: questionDetailView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    async (request) => questions.update(request.user.id, request.params.id, request.body),
  );

  app.delete(
    "/v1/questions/:id",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Retire your question (409 while an open quiz uses it)",
        security,
        params: idParams,
        response: { 204: z.null().describe("Retired."), ...problemResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await questions.retire(request.user.id, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
