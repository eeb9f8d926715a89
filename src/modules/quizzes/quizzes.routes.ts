// /v1/quizzes and their invites (recruiters and admins), and the registration of the whole
// recruiter feature: own questions, quizzes, invites, candidate attempts and results.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../../plugins/errors.ts";
import { attemptsRoutes } from "./attempts.routes.ts";
import { createInvitesService } from "./invites.service.ts";
import { ownQuestionsRoutes } from "./own-questions.routes.ts";
import {
  inviteBody,
  inviteCreated,
  invitePage,
  inviteParams,
  listQuery,
  quizBody,
  quizPage,
  quizParams,
  quizPatchBody,
  quizView,
} from "./quizzes.schemas.ts";
import { createQuizzesService } from "./quizzes.service.ts";
import { resultsRoutes } from "./results.routes.ts";

const quizRoutes: FastifyPluginAsyncZod = async (app) => {
  const quizzes = createQuizzesService({ db: app.db, clock: app.clock, random: Math.random });
  const invites = createInvitesService({ db: app.db, clock: app.clock });
  const recruiter = { onRequest: app.requireRole("recruiter", "admin") };
  const tags = ["quizzes"];
  const security = [{ bearerAuth: [] }];

  app.post(
    "/v1/quizzes",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Create a draft quiz of fixed and randomly drawn questions",
        security,
        body: quizBody,
        response: { 201: quizView, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await quizzes.create(request.user.id, request.body)),
  );

  app.get(
    "/v1/quizzes",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Your quizzes",
        security,
        querystring: listQuery,
        response: { 200: quizPage, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => quizzes.list(request.user.id, request.query),
  );

  app.get(
    "/v1/quizzes/:id",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "One of your quizzes",
        security,
        params: quizParams,
        response: { 200: quizView, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => quizzes.get(request.user.id, request.params.id),
  );

  app.patch(
    "/v1/quizzes/:id",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Change a draft quiz (409 once published)",
        security,
        params: quizParams,
        body: quizPatchBody,
        response: { 200: quizView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    async (request) => quizzes.update(request.user.id, request.params.id, request.body),
  );

  app.post(
    "/v1/quizzes/:id/publish",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Open the quiz for invites; each fixed question's current version is pinned",
        security,
        params: quizParams,
        response: { 200: quizView, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) => quizzes.publish(request.user.id, request.params.id),
  );

  app.post(
    "/v1/quizzes/:id/close",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Close the quiz: no new attempts start",
        security,
        params: quizParams,
        response: { 200: quizView, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => quizzes.close(request.user.id, request.params.id),
  );

  app.post(
    "/v1/quizzes/:id/invites",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Invite a candidate; the token is shown only in this response",
        security,
        params: quizParams,
        body: inviteBody,
        response: { 201: inviteCreated, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await invites.create(request.user.id, request.params.id, request.body)),
  );

  app.get(
    "/v1/quizzes/:id/invites",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "The quiz's invites (without tokens) and the attempts each has used",
        security,
        params: quizParams,
        querystring: listQuery,
        response: { 200: invitePage, ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => invites.list(request.user.id, request.params.id, request.query),
  );

  app.delete(
    "/v1/quizzes/:id/invites/:inviteId",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Revoke an invite: its token no longer starts attempts",
        security,
        params: inviteParams,
        response: { 204: z.null().describe("Revoked."), ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      await invites.revoke(request.user.id, request.params.id, request.params.inviteId);
      return reply.code(204).send(null);
    },
  );
};

export const quizzesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(ownQuestionsRoutes);
  await app.register(quizRoutes);
  await app.register(attemptsRoutes);
  await app.register(resultsRoutes);
};
