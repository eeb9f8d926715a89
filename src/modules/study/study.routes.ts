// /v1/study/*: the spaced-repetition queue, reviews, undo, cards, stats and the CSV export.
// Every route is the signed-in learner's own: another learner's ids find nothing (404).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../../plugins/errors.ts";
import { createStatsService } from "./stats.service.ts";
import {
  cardPage,
  cardsQuery,
  cardView,
  questionIdParams,
  queueQuery,
  queueView,
  reviewBody,
  reviewIdParams,
  reviewResponse,
  statsView,
  suspendBody,
} from "./study.schemas.ts";
import { createStudyService } from "./study.service.ts";

export const studyRoutes: FastifyPluginAsyncZod = async (app) => {
  const study = createStudyService({ db: app.db, read: app.database.read, clock: app.clock });
  const stats = createStatsService({ db: app.db, clock: app.clock });
  const common = { onRequest: app.authenticate };
  const security = [{ bearerAuth: [] }];

  app.get(
    "/v1/study/queue",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "Due learning cards, then due reviews, then today's new cards",
        security,
        querystring: queueQuery,
        response: { 200: queueView, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => study.queue(request.user.id, request.query),
  );

  app.post(
    "/v1/study/reviews",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "Record a review: the answer's grade becomes the rating unless a rating is given",
        security,
        body: reviewBody,
        response: {
          200: reviewResponse.describe(
            "A retry of an earlier clientReviewId: the first response, nothing recorded.",
          ),
          201: reviewResponse,
          ...problemResponses(400, 401, 404, 409, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { created, body } = await study.review(request.user.id, request.body);
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.post(
    "/v1/study/reviews/:id/undo",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "Undo the latest review of a card, restoring the card exactly",
        security,
        params: reviewIdParams,
        response: { 200: z.object({ card: cardView }), ...problemResponses(401, 404, 409, 429) },
      },
    },
    async (request) => study.undo(request.user.id, request.params.id),
  );

  app.get(
    "/v1/study/cards",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "The learner's cards",
        security,
        querystring: cardsQuery,
        response: { 200: cardPage, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => study.listCards(request.user.id, request.query),
  );

  app.patch(
    "/v1/study/cards/:questionId",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "Suspend or unsuspend a card",
        security,
        params: questionIdParams,
        body: suspendBody,
        response: { 200: cardView, ...problemResponses(400, 401, 404, 415, 429) },
      },
    },
    async (request) => study.setSuspended(request.user.id, request.params.questionId, request.body.suspended),
  );

  app.get(
    "/v1/study/stats",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "Due counts, forecast, streak, retention and predicted recall per topic",
        security,
        response: { 200: statsView, ...problemResponses(401, 429) },
      },
    },
    async (request) => stats.stats(request.user.id),
  );

  app.get(
    "/v1/study/export",
    {
      ...common,
      schema: {
        tags: ["study"],
        summary: "The review log as CSV (card_id, review_time, review_rating, review_state, review_duration)",
        security,
        response: { 200: z.string().describe("text/csv"), ...problemResponses(401, 429) },
      },
    },
    async (request, reply) => {
      // A stream goes out as it is (no serializer); the schema above documents the CSV text.
      const csv: unknown = stats.exportReviews(request.user.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="prepdeck-reviews.csv"')
        .send(csv as string);
    },
  );
};
