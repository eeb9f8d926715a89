// Invites to a quiz: a 256-bit random token shown once and stored only as its SHA-256, an
// optional expiry, a number of attempts, and revocation.
import { z } from "zod";
import type { PrismaClient } from "../../db/database.ts";
import type { Invite } from "../../generated/prisma/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors.ts";
import { randomToken, sha256 } from "../../lib/hash.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import type { InviteBody } from "./quizzes.schemas.ts";

export const idCursor = z.object({ id: z.string() });

function inviteFields(invite: Invite) {
  return {
    id: invite.id,
    expiresAt: invite.expiresAt?.toISOString() ?? null,
    maxAttempts: invite.maxAttempts,
    candidateEmail: invite.candidateEmail,
    candidateName: invite.candidateName,
    createdAt: invite.createdAt.toISOString(),
  };
}

export function createInvitesService({ db, clock }: { db: PrismaClient; clock: Clock }) {
  async function ownQuiz(ownerId: string, quizId: string) {
    const quiz = await db.quiz.findFirst({
      where: { id: quizId, ownerId },
      select: { id: true, status: true },
    });
    if (!quiz) throw new NotFoundError("No such quiz of yours.");
    return quiz;
  }

  return {
    async create(ownerId: string, quizId: string, body: InviteBody) {
      const quiz = await ownQuiz(ownerId, quizId);
      if (quiz.status === "closed") throw new ConflictError("The quiz is closed.");
      const now = clock.now();
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
      if (expiresAt && expiresAt <= now)
        throw new ValidationError("expiresAt is in the past.", [
          { path: "body.expiresAt", message: "must be in the future" },
        ]);
      const token = randomToken(32);
      const invite = await db.invite.create({
        data: {
          quizId,
          tokenHash: sha256(token),
          candidateEmail: body.candidateEmail?.toLowerCase() ?? null,
          candidateName: body.candidateName ?? null,
          expiresAt,
          maxAttempts: body.maxAttempts ?? 1,
          createdAt: now,
        },
      });
      return { ...inviteFields(invite), token };
    },

    async list(ownerId: string, quizId: string, page: { limit: number; cursor?: string }) {
      await ownQuiz(ownerId, quizId);
      const after = decodeCursor(page.cursor, idCursor);
      const rows = await db.invite.findMany({
        where: { quizId, ...(after ? { id: { gt: after.id } } : {}) },
        orderBy: { id: "asc" },
        take: page.limit + 1,
      });
      return toPage(
        rows,
        page.limit,
        (invite) => ({
          ...inviteFields(invite),
          attemptsUsed: invite.attemptsUsed,
          revokedAt: invite.revokedAt?.toISOString() ?? null,
        }),
        (invite) => ({ id: invite.id }),
      );
    },

    /** Revoking twice is fine; the first time is kept. */
    async revoke(ownerId: string, quizId: string, inviteId: string): Promise<void> {
      const updated = await db.invite.updateMany({
        where: { id: inviteId, quiz: { id: quizId, ownerId }, revokedAt: null },
        data: { revokedAt: clock.now() },
      });
      if (updated.count > 0) return;
      const exists = await db.invite.findFirst({ where: { id: inviteId, quiz: { id: quizId, ownerId } } });
      if (!exists) throw new NotFoundError("No such invite of yours.");
    },
  };
}

export type InvitesService = ReturnType<typeof createInvitesService>;
