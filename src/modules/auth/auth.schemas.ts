import { z } from "zod";

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an email address" }));

// Upper bound keeps a hash request from being a denial of service; argon2 itself has no limit.
export const password = z.string().min(10, "must be at least 10 characters").max(1024);

export const userView = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(["learner", "recruiter", "admin"]),
  })
  .meta({ id: "User" });

export const registerBody = z.strictObject({
  email,
  password,
  displayName: z.string().trim().min(1).max(100).optional(),
  // "admin" is never accepted here: admins are created from the command line.
  role: z.enum(["learner", "recruiter"]).default("learner"),
});

export const loginBody = z.strictObject({ email, password: z.string().min(1).max(1024) });

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const sessionView = z
  .object({
    user: userView,
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().describe("Seconds until the access token expires."),
  })
  .meta({ id: "Session" });
export type SessionView = z.infer<typeof sessionView>;
