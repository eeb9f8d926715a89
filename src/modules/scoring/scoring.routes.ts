// POST /v1/questions/:id/check: grade an answer and explain the grade. No scheduling happens.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../../plugins/errors.ts";
import { idParams } from "../content/content.schemas.ts";
import { checkBody, gradeView } from "./scoring.schemas.ts";
import { createScoringService } from "./scoring.service.ts";

export const scoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const scoring = createScoringService({ db: app.db });

  app.post(
    "/v1/questions/:id/check",
    {
      onRequest: app.authenticateIfPresent,
      schema: {
        tags: ["scoring"],
        summary: "Grade an answer: score, verdict, key points, misconceptions, the expected answer",
        security: [{}, { bearerAuth: [] }],
        params: idParams,
        body: checkBody,
        response: { 200: gradeView, ...problemResponses(400, 401, 404, 413, 415, 422, 429) },
      },
    },
    async (request) => scoring.check(request.user?.id ?? null, request.params.id, request.body.answer),
  );
};
