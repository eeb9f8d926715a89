// npm run user:create -- --email a@b.c --password '...' [--role admin|recruiter|learner] [--name "Ada"]
// The only way to create an admin: the HTTP API never accepts that role.
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareDatabase } from "../db/prepare.ts";
import { email, password } from "../modules/auth/auth.schemas.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { runWithDatabase } from "./run-with-database.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string", default: "learner" },
    name: { type: "string" },
  },
});

const args = z
  .object({
    email,
    password,
    role: z.enum(["learner", "recruiter", "admin"]),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .safeParse(values);

if (!args.success) {
  for (const issue of args.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error("usage: npm run user:create -- --email a@b.c --password '...' [--role admin] [--name Ada]");
  process.exit(2);
}

await runWithDatabase(async (database) => {
  await prepareDatabase(database);
  const { email: address, role, name } = args.data;
  const existing = await database.prisma.user.findUnique({ where: { email: address } });
  if (existing) throw new Error(`A user with email ${address} already exists.`);
  const user = await database.prisma.user.create({
    data: {
      email: address,
      role,
      displayName: name ?? null,
      passwordHash: await hashPassword(args.data.password),
    },
  });
  console.log(`created ${user.role} ${user.email} (${user.id})`);
});
