// Makes the database and the clock available to feature modules as `app.db` (Prisma),
// `app.database` (Prisma plus raw connections) and `app.clock`.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Database, PrismaClient } from "../db/database.ts";
import type { Clock } from "../lib/clock.ts";

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    db: PrismaClient;
    clock: Clock;
  }
}

export const dbPlugin = fp(
  async (app: FastifyInstance, options: { database: Database; clock: Clock }) => {
    app.decorate("database", options.database);
    app.decorate("db", options.database.prisma);
    app.decorate("clock", options.clock);
  },
  { name: "db" },
);
