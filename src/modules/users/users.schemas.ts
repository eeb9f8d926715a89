import { z } from "zod";

/** An IANA time zone name that this runtime knows (e.g. "Europe/Paris", "UTC"). */
export const timezone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone name such as Europe/Paris");

export const settingsView = z
  .object({
    timezone: z.string(),
    desiredRetention: z.number(),
    newCardsPerDay: z.number().int(),
    interviewDate: z.iso.date().nullable(),
  })
  .meta({ id: "Settings" });

export const meView = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(["learner", "recruiter", "admin"]),
    settings: settingsView,
  })
  .meta({ id: "Me" });
export type MeView = z.infer<typeof meView>;

export const updateMeBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).nullable().optional(),
  settings: z
    .strictObject({
      timezone: timezone.optional(),
      desiredRetention: z.number().min(0.7).max(0.97).optional(),
      newCardsPerDay: z.number().int().min(0).max(500).optional(),
      interviewDate: z.iso.date().nullable().optional(),
    })
    .optional(),
});
export type UpdateMeInput = z.infer<typeof updateMeBody>;
