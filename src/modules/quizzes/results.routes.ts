// Results of the recruiter's own quiz: attempts, one attempt in full, overrides, CSV, report.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../../plugins/errors.ts";
import { listQuery, quizParams } from "./quizzes.schemas.ts";
import {
  attemptPage,
  attemptReview,
  overrideBody,
  overrideParams,
  quizAttemptParams,
  quizReport,
} from "./results.schemas.ts";
import { createResultsService } from "./results.service.ts";

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const results = createResultsService({ db: app.db, clock: app.clock });
  const recruiter = { onRequest: app.requireRole("recruiter", "admin") };
  const tags = ["results"];
  const security = [{ bearerAuth: [] }];

  app.get(
    "/v1/quizzes/:id/attempts",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Attempts at your quiz, with scores",
        security,
        params: quizParams,
        querystring: listQuery,
        response: { 200: attemptPage, ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => results.list(request.user.id, request.params.id, request.query),
  );

  app.get(
    "/v1/quizzes/:id/attempts/:attemptId",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "One attempt: every answer, its grade and points, and the score per topic",
        security,
        params: quizAttemptParams,
        response: { 200: attemptReview, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => results.review(request.user.id, request.params.id, request.params.attemptId),
  );

  app.patch(
    "/v1/quizzes/:id/attempts/:attemptId/answers/:questionId",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Override the points of one answer; the automatic grade is kept beside it",
        security,
        params: overrideParams,
        body: overrideBody,
        response: { 200: attemptReview, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    async (request) =>
      results.override(
        request.user.id,
        request.params.id,
        request.params.attemptId,
        request.params.questionId,
        request.body,
      ),
  );

  app.get(
    "/v1/quizzes/:id/results.csv",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "Results as CSV (text/csv): one row per attempt, one column per topic",
        security,
        params: quizParams,
        response: {
          200: z.string().describe("text/csv (RFC 4180)"),
          ...problemResponses(401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const csv = await results.csv(request.user.id, request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="quiz-${request.params.id}-results.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/v1/quizzes/:id/report",
    {
      ...recruiter,
      schema: {
        tags,
        summary: "The quiz in numbers: mean percent, per question and per topic",
        security,
        params: quizParams,
        response: { 200: quizReport, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => results.report(request.user.id, request.params.id),
  );
};
