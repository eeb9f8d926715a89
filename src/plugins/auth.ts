// Access tokens: short-lived HS256 JWTs with the algorithm pinned and iss/aud/exp checked.
// `app.authenticate` verifies one and sets request.user; `app.requireRole` also checks the role.
import jwt from "@fastify/jwt";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ForbiddenError, UnauthorizedError } from "../lib/errors.ts";

export type Role = "learner" | "recruiter" | "admin";
export const ACCESS_AUDIENCE = "prepdeck-api";

export interface AccessTokenPayload {
  sub: string;
  role: Role;
}

declare module "@fastify/jwt" {
  interface FastifyJWT {
    payload: AccessTokenPayload;
    user: { id: string; role: Role };
  }
}

declare module "fastify" {
  interface FastifyInstance {
    authenticate(request: FastifyRequest): Promise<void>;
    /** Like authenticate when an Authorization header is present; anonymous (no user) otherwise. */
    authenticateIfPresent(request: FastifyRequest): Promise<void>;
    requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void>;
    signAccessToken(payload: AccessTokenPayload): string;
  }
}

export interface AuthPluginOptions {
  secret: string;
  issuer: string;
  accessTokenTtlSeconds: number;
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthPluginOptions) => {
    await app.register(jwt, {
      secret: options.secret,
      sign: {
        algorithm: "HS256",
        iss: options.issuer,
        aud: ACCESS_AUDIENCE,
        expiresIn: `${options.accessTokenTtlSeconds}s`,
      },
      verify: {
        // Pinned: a token with alg "none" or any other algorithm is rejected outright.
        algorithms: ["HS256"],
        allowedIss: options.issuer,
        allowedAud: ACCESS_AUDIENCE,
        requiredClaims: ["sub", "exp", "iss", "aud"],
      },
      formatUser: (payload) => ({ id: payload.sub, role: payload.role }),
    });

    app.decorate("signAccessToken", (payload: AccessTokenPayload) => app.jwt.sign(payload));

    app.decorate("authenticate", async (request: FastifyRequest) => {
      try {
        await request.jwtVerify();
      } catch {
        // One message for missing, malformed, forged and expired tokens: the client's fix is the same.
        throw new UnauthorizedError("A valid access token is required (Authorization: Bearer <token>).");
      }
    });

    app.decorate("authenticateIfPresent", async (request: FastifyRequest) => {
      if (request.headers.authorization !== undefined) await app.authenticate(request);
    });

    app.decorate("requireRole", (...roles: Role[]) => async (request: FastifyRequest) => {
      await app.authenticate(request);
      if (!roles.includes(request.user.role)) {
        throw new ForbiddenError(`This action needs the role ${roles.join(" or ")}.`);
      }
    });
  },
  { name: "auth", dependencies: ["errors"] },
);
