// /v1/auth/*: HTTP only. Validation by the zod schemas, work by the auth service.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../../plugins/errors.ts";
import { loginBody, refreshBody, registerBody, sessionView } from "./auth.schemas.ts";
import { createAuthService } from "./auth.service.ts";

export const authRoutes: FastifyPluginAsyncZod<{
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  authRateLimit: number;
}> = async (app, options) => {
  const auth = createAuthService({
    db: app.db,
    clock: app.clock,
    signAccessToken: app.signAccessToken,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    refreshTokenTtlDays: options.refreshTokenTtlDays,
  });
  // Credential endpoints get a much stricter limit than the API at large (guessing, stuffing).
  const strict = { rateLimit: { max: options.authRateLimit, timeWindow: 60_000 } };

  app.post(
    "/v1/auth/register",
    {
      config: strict,
      schema: {
        tags: ["auth"],
        summary: "Create an account (learner or recruiter)",
        body: registerBody,
        response: { 201: sessionView, ...problemResponses(400, 409, 413, 415, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await auth.register(request.body)),
  );

  app.post(
    "/v1/auth/login",
    {
      config: strict,
      schema: {
        tags: ["auth"],
        summary: "Log in with email and password",
        body: loginBody,
        response: { 200: sessionView, ...problemResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request) => auth.login(request.body),
  );

  app.post(
    "/v1/auth/refresh",
    {
      config: strict,
      schema: {
        tags: ["auth"],
        summary: "Exchange a refresh token for a new pair (the old one stops working)",
        body: refreshBody,
        response: { 200: sessionView, ...problemResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken),
  );

  app.post(
    "/v1/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Revoke the login this refresh token belongs to",
        body: refreshBody,
        response: { 204: z.null().describe("Logged out"), ...problemResponses(400, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
};
