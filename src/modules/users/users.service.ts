// The signed-in user's own account: profile and study settings.
import type { PrismaClient } from "../../db/database.ts";
import type { User } from "../../generated/prisma/client.ts";
import { UnauthorizedError } from "../../lib/errors.ts";
import type { MeView, UpdateMeInput } from "./users.schemas.ts";

function toMeView(user: User): MeView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    settings: {
      timezone: user.timezone,
      desiredRetention: user.desiredRetention,
      newCardsPerDay: user.newCardsPerDay,
      interviewDate: user.interviewDate ? user.interviewDate.toISOString().slice(0, 10) : null,
    },
  };
}

export function createUsersService({ db }: { db: PrismaClient }) {
  return {
    async getMe(userId: string): Promise<MeView> {
      const user = await db.user.findUnique({ where: { id: userId } });
      // A valid token for an account that no longer exists is no credential at all.
      if (!user) throw new UnauthorizedError("This account no longer exists.");
      return toMeView(user);
    },

    async updateMe(userId: string, input: UpdateMeInput): Promise<MeView> {
      const settings = input.settings ?? {};
      const { count } = await db.user.updateMany({
        where: { id: userId },
        data: {
          displayName: input.displayName,
          timezone: settings.timezone,
          desiredRetention: settings.desiredRetention,
          newCardsPerDay: settings.newCardsPerDay,
          interviewDate:
            settings.interviewDate === undefined
              ? undefined
              : settings.interviewDate === null
                ? null
                : new Date(`${settings.interviewDate}T00:00:00Z`),
        },
      });
      if (count === 0) throw new UnauthorizedError("This account no longer exists.");
      return this.getMe(userId);
    },
  };
}
