// /v1/documents, /v1/topics, /v1/questions: reading the bank, and importing documents.
// Reading works without a token (published content); with one, the caller's drafts show too.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../../plugins/errors.ts";
import {
  documentPage,
  documentSummary,
  documentView,
  idParams,
  importDocumentBody,
  listQuery,
  questionDetailView,
  questionPage,
  questionsQuery,
  slugParams,
  topicPage,
} from "./content.schemas.ts";
import { createContentService } from "./content.service.ts";

const viewer = (request: { user?: { id: string } }) => request.user?.id ?? null;

export const contentRoutes: FastifyPluginAsyncZod = async (app) => {
  const content = createContentService({ db: app.db, clock: app.clock });
  const optionalAuth = { onRequest: app.authenticateIfPresent };
  const security: { [label: string]: string[] }[] = [{}, { bearerAuth: [] }];

  app.get(
    "/v1/documents",
    {
      ...optionalAuth,
      schema: {
        tags: ["content"],
        summary: "Documents in the bank (and the caller's drafts)",
        security,
        querystring: listQuery,
        response: { 200: documentPage, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => content.listDocuments(viewer(request), request.query),
  );

  app.get(
    "/v1/documents/:slug",
    {
      ...optionalAuth,
      schema: {
        tags: ["content"],
        summary: "A document with its sections",
        security,
        params: slugParams,
        response: { 200: documentView, ...problemResponses(401, 404, 429) },
      },
    },
    async (request) => content.getDocument(viewer(request), request.params.slug),
  );

  app.post(
    "/v1/documents",
    {
      onRequest: app.requireRole("recruiter", "admin"),
      // Room for 1 MiB of markdown plus JSON escaping; the service enforces the 1 MiB itself.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ["content"],
        summary: "Import a markdown document; its generated questions stay drafts until published",
        security: [{ bearerAuth: [] }],
        body: importDocumentBody,
        response: { 201: documentSummary, ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await content.importDocument(request.user.id, request.body)),
  );

  app.post(
    "/v1/documents/:slug/publish",
    {
      onRequest: app.requireRole("recruiter", "admin"),
      schema: {
        tags: ["content"],
        summary: "Publish an imported document and its questions to the bank",
        security: [{ bearerAuth: [] }],
        params: slugParams,
        response: { 200: documentSummary, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => content.publishDocument(request.user.id, request.params.slug),
  );

  app.get(
    "/v1/topics",
    {
      schema: {
        tags: ["content"],
        summary: "Topics with their number of published questions",
        querystring: listQuery,
        response: { 200: topicPage, ...problemResponses(400, 429) },
      },
    },
    async (request) => content.listTopics(request.query),
  );

  app.get(
    "/v1/questions",
    {
      ...optionalAuth,
      schema: {
        tags: ["content"],
        summary: "Questions, filtered and paged; never with their answers",
        security,
        querystring: questionsQuery,
        response: { 200: questionPage, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => {
      if (request.query.mine && !request.user) await app.authenticate(request);
      return content.listQuestions(viewer(request), request.query);
    },
  );

  app.get(
    "/v1/questions/:id",
    {
      ...optionalAuth,
      schema: {
        tags: ["content"],
        summary: "One question, without its answer (its owner sees a private question's key)",
        security,
        params: idParams,
        response: { 200: questionDetailView, ...problemResponses(401, 404, 429) },
      },
    },
    async (request) => content.getQuestion(viewer(request), request.params.id),
  );
};
