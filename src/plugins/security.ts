// Cross-cutting protection: security headers, CORS from config, rate limits (strict ones are set
// per route on login/register/refresh), and a 503 with Retry-After when the process is overloaded.
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { AppConfig } from "../config/env.ts";
import { sendProblem } from "./errors.ts";

const OVERLOAD_RETRY_AFTER_SECONDS = 10;

export const securityPlugin = fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    await app.register(helmet, {
      // The API serves JSON; only /docs serves HTML, and swagger-ui sets its own CSP there.
      contentSecurityPolicy: false,
    });
    await app.register(cors, {
      origin: config.corsOrigins.includes("*") ? true : config.corsOrigins,
      methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      allowedHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
      exposedHeaders: [
        "X-Request-Id",
        "Retry-After",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
      ],
      maxAge: 600,
    });
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      // Probes must keep answering while a client is being throttled.
      allowList: (request) => request.url.startsWith("/health/"),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: "RATE_LIMITED",
        message: `Too many requests: at most ${context.max} per ${context.after}. Retry in ${context.after}.`,
      }),
    });
    await app.register(underPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      retryAfter: OVERLOAD_RETRY_AFTER_SECONDS,
      pressureHandler: async (_request, reply) => {
        reply.header("Retry-After", String(OVERLOAD_RETRY_AFTER_SECONDS));
        await sendProblem(reply, {
          type: "/problems/overloaded",
          title: "Service Unavailable",
          status: 503,
          detail: "The server is overloaded; retry shortly.",
        });
      },
    });
  },
  { name: "security", dependencies: ["errors"] },
);
