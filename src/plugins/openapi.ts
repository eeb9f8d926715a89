// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
// responses, served at /openapi.json, with an interactive reference at /docs.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";

export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "prepdeck API",
          version: "1.0.0",
          description:
            "Interview-prep question bank, explained scoring, FSRS spaced repetition and recruiter quizzes. Errors are RFC 9457 problem details.",
        },
        components: {
          securitySchemes: {
            bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
            attemptToken: {
              type: "http",
              scheme: "bearer",
              description:
                "The opaque attemptToken returned by POST /v1/attempts, valid for that attempt only.",
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  },
  { name: "openapi" },
);

/** GET /openapi.json, registered with the feature modules so the document describes itself too. */
export async function openapiRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/openapi.json",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["docs"],
        summary: "This OpenAPI 3.1 document",
        response: { 200: z.looseObject({ openapi: z.string() }) },
      },
    },
    async () => app.swagger() as unknown as { openapi: string },
  );
}
