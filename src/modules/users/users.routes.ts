// /v1/me: the signed-in user's profile and settings.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../../plugins/errors.ts";
import { meView, updateMeBody } from "./users.schemas.ts";
import { createUsersService } from "./users.service.ts";

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const users = createUsersService({ db: app.db });

  app.get(
    "/v1/me",
    {
      onRequest: app.authenticate,
      schema: {
        tags: ["account"],
        summary: "The signed-in user and their settings",
        security: [{ bearerAuth: [] }],
        response: { 200: meView, ...problemResponses(401, 429) },
      },
    },
    async (request) => users.getMe(request.user.id),
  );

  app.patch(
    "/v1/me",
    {
      onRequest: app.authenticate,
      schema: {
        tags: ["account"],
        summary: "Change the display name or any setting",
        security: [{ bearerAuth: [] }],
        body: updateMeBody,
        response: { 200: meView, ...problemResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request) => users.updateMe(request.user.id, request.body),
  );
};
