// Accounts: register, log in, rotate refresh tokens, log out.
// Refresh tokens are opaque random strings stored only as SHA-256 hashes. Each use rotates the
// token; a token of one login (family) that was already rotated being presented again means it
// leaked, so the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
import type { PrismaClient } from "../../db/database.ts";
import type { User } from "../../generated/prisma/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, UnauthorizedError } from "../../lib/errors.ts";
import { randomToken, sha256 } from "../../lib/hash.ts";
import type { AccessTokenPayload, Role } from "../../plugins/auth.ts";
import type { SessionView } from "./auth.schemas.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export interface AuthServiceDeps {
  db: PrismaClient;
  clock: Clock;
  signAccessToken: (payload: AccessTokenPayload) => string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}

type Transaction = Prisma.TransactionClient;

const DAY_MS = 86_400_000;

export function toUserView(user: Pick<User, "id" | "email" | "displayName" | "role">) {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock } = deps;

  async function issueSession(
    tx: Transaction | PrismaClient,
    user: User,
    familyId: string | null,
  ): Promise<SessionView> {
    const refreshToken = randomToken(32);
    await tx.refreshToken.create({
      data: {
        userId: user.id,
        familyId: familyId ?? crypto.randomUUID(),
        tokenHash: sha256(refreshToken),
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + deps.refreshTokenTtlDays * DAY_MS),
      },
    });
    return {
      user: toUserView(user),
      accessToken: deps.signAccessToken({ sub: user.id, role: user.role }),
      refreshToken,
      expiresIn: deps.accessTokenTtlSeconds,
    };
  }

  return {
    /** Creates an account; `role` admin only from the CLI (the HTTP schema never allows it). */
    async register(input: { email: string; password: string; displayName?: string; role: Role }) {
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: {
              email: input.email,
              passwordHash,
              displayName: input.displayName ?? null,
              role: input.role,
              createdAt: clock.now(),
            },
          });
          return issueSession(tx, user, null);
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw new ConflictError("An account with this email already exists.");
        }
        throw error;
      }
    },

    async login(input: { email: string; password: string }) {
      const user = await db.user.findUnique({ where: { email: input.email } });
      // Same work and same answer for an unknown email and a wrong password.
      const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !ok) throw new UnauthorizedError("The email or password is wrong.");
      return issueSession(db, user, null);
    },

    async refresh(refreshToken: string): Promise<SessionView> {
      const outcome = await db.$transaction(async (tx) => {
        // Lock the row so two refreshes of one token cannot both succeed.
        const rows = await tx.$queryRaw<
          {
            id: string;
            familyId: string;
            userId: string;
            expiresAt: Date;
            rotatedAt: Date | null;
            revokedAt: Date | null;
          }[]
        >`
          SELECT id, "familyId", "userId", "expiresAt", "rotatedAt", "revokedAt"
          FROM refresh_tokens WHERE "tokenHash" = ${sha256(refreshToken)} FOR UPDATE`;
        const row = rows[0];
        if (!row) return { kind: "invalid" as const };
        const now = clock.now();
        if (row.rotatedAt || row.revokedAt) {
          // Reuse of a rotated token: revoke every token of this login. Committed, then refused.
          await tx.refreshToken.updateMany({
            where: { familyId: row.familyId, revokedAt: null },
            data: { revokedAt: now },
          });
          return { kind: "reused" as const };
        }
        if (row.expiresAt <= now) return { kind: "invalid" as const };
        await tx.refreshToken.update({ where: { id: row.id }, data: { rotatedAt: now } });
        const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId } });
        return { kind: "ok" as const, session: await issueSession(tx, user, row.familyId) };
      });
      if (outcome.kind !== "ok")
        throw new UnauthorizedError("The refresh token is invalid, expired or revoked.");
      return outcome.session;
    },

    /** Revokes the login the token belongs to. Unknown tokens are ignored: logging out is idempotent. */
    async logout(refreshToken: string): Promise<void> {
      const token = await db.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) } });
      if (!token) return;
      await db.refreshToken.updateMany({
        where: { familyId: token.familyId, revokedAt: null },
        data: { revokedAt: clock.now() },
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
