// Liveness (the process answers) and readiness (the database answers too), for probes.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses, sendProblem } from "../../plugins/errors.ts";

const READY_TIMEOUT_MS = 2_000;

async function databaseAnswers(ping: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const status = z.object({ status: z.literal("ok") });

  app.get(
    "/health/live",
    { schema: { tags: ["health"], summary: "The process is up", response: { 200: status } } },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/health/ready",
    {
      schema: {
        tags: ["health"],
        summary: "The process and its database answer",
        response: { 200: status, ...problemResponses(503) },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers(() => app.database.ping())) return { status: "ok" as const };
      reply.header("Retry-After", "5");
      return sendProblem(reply, {
        type: "/problems/not-ready",
        title: "Service Unavailable",
        status: 503,
        detail: "The database does not answer.",
      });
    },
  );
};
