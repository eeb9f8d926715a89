// buildApp: the whole API as a Fastify instance, built from a validated config and an open
// database, with every plugin and feature module registered here in plain sight, in order.
// server.ts listens; tests call buildApp and talk to it with inject().
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "./config/env.ts";
import type { Database } from "./db/database.ts";
import { type Clock, systemClock } from "./lib/clock.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { contentRoutes } from "./modules/content/content.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { quizzesRoutes } from "./modules/quizzes/quizzes.routes.ts";
import { scoringRoutes } from "./modules/scoring/scoring.routes.ts";
import { studyRoutes } from "./modules/study/study.routes.ts";
import { usersRoutes } from "./modules/users/users.routes.ts";
import { authPlugin } from "./plugins/auth.ts";
import { dbPlugin } from "./plugins/db.ts";
import { errorsPlugin } from "./plugins/errors.ts";
import { openapiPlugin, openapiRoutes } from "./plugins/openapi.ts";
import { securityPlugin } from "./plugins/security.ts";

export interface AppDependencies {
  config: AppConfig;
  jwtSecret: string;
  database: Database;
  clock?: Clock;
  /** A pino logger, or false for silence (tests). Default: pino at the configured level. */
  logger?: FastifyBaseLogger | false;
}

// Never log credentials: bearer tokens, passwords, refresh and invite tokens.
export const LOG_REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "*.password",
  "*.refreshToken",
  "*.accessToken",
  "*.inviteToken",
  "*.attemptToken",
  "*.token",
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    ...(deps.logger
      ? { loggerInstance: deps.logger }
      : { logger: deps.logger ?? { level: config.logLevel, redact: LOG_REDACT_PATHS } }),
    // Keep a caller's request id when it is sane, so logs line up across services.
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.http.bodyLimitBytes,
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.connectionTimeoutMs,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    forceCloseConnections: "idle",
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("X-Request-Id", request.id);
  });

  // Cross-cutting plugins, in dependency order.
  await app.register(errorsPlugin);
  await app.register(dbPlugin, { database: deps.database, clock: deps.clock ?? systemClock });
  await app.register(securityPlugin, { config });
  await app.register(openapiPlugin);
  await app.register(authPlugin, {
    secret: deps.jwtSecret,
    issuer: config.jwt.issuer,
    accessTokenTtlSeconds: config.jwt.accessTokenTtlSeconds,
  });

  // Feature modules.
  await app.register(openapiRoutes);
  await app.register(healthRoutes);
  await app.register(authRoutes, {
    accessTokenTtlSeconds: config.jwt.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.jwt.refreshTokenTtlDays,
    authRateLimit: config.rateLimit.authMax,
  });
  await app.register(usersRoutes);
  await app.register(contentRoutes);
  await app.register(scoringRoutes);
  await app.register(quizzesRoutes);
  await app.register(studyRoutes);

  await app.ready();
  return app;
}
