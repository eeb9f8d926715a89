// One error handler for the whole API: every failure leaves as an RFC 9457 problem
// (application/problem+json). Client mistakes map to 4xx with what was wrong; anything
// unexpected is a 500 that shows only the request id, with the full error in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client.ts";
import { AppError, type FieldError } from "../lib/errors.ts";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** `type` URIs are relative references to problem pages; the README lists them. */
function problem(status: number, kind: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `/problems/${kind}`,
    title: titles[status] ?? "Error",
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Maps the error codes Fastify raises for bad requests to our problem kinds. */
const fastifyCodes: Record<string, { status: number; kind: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, kind: "payload-too-large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, kind: "unsupported-media-type" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, kind: "malformed-request" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, kind: "malformed-request" },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, kind: "malformed-request" },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, kind: "unsupported-media-type" },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, kind: "unsupported-media-type" },
};

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "request";
    const errors = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
      return { path: path ? `${where}.${path}` : where, message: v.message ?? "invalid" };
    });
    return problem(400, "validation-error", `The ${where} is not valid.`, errors);
  }
  if (error instanceof AppError) return problem(error.status, error.kind, error.message, error.errors);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002")
      return problem(409, "conflict", "A resource with these unique values already exists.");
    if (error.code === "P2025") return problem(404, "not-found", "The resource was not found.");
  }
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.code === "string" && fastifyError.code in fastifyCodes) {
    const known = fastifyCodes[fastifyError.code];
    if (known) return problem(known.status, known.kind, fastifyError.message ?? "Bad request.");
  }
  if (fastifyError.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) {
    return problem(400, "malformed-request", "The body is not valid JSON.");
  }
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return problem(
      status,
      status === 429 ? "rate-limited" : "bad-request",
      fastifyError.message ?? "Bad request.",
    );
  }
  return {
    ...problem(
      500,
      "internal",
      `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
    ),
    requestId: String(request.id),
  };
}

export async function sendProblem(reply: FastifyReply, body: Problem): Promise<FastifyReply> {
  return reply.code(body.status).type("application/problem+json").send(body);
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(async (error, request, reply) => {
      const body = toProblem(error, request);
      if (body.status >= 500) request.log.error({ err: error }, "request failed");
      else
        request.log.info(
          { status: body.status, problem: body.type, detail: body.detail },
          "request rejected",
        );
      return sendProblem(reply, body);
    });
    app.setNotFoundHandler(async (request, reply) =>
      sendProblem(
        reply,
        problem(404, "not-found", `No route ${request.method} ${request.url.split("?")[0]}.`),
      ),
    );
  },
  { name: "errors" },
);

/** Response schemas for the problem statuses a route can send, for its `response` map. */
export function problemResponses<const S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}
