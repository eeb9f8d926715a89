// Start-up database work: migrate, then seed, under one advisory lock so that two instances
// starting together neither race on the schema nor seed twice.
import type { Database, PrismaClient } from "./database.ts";
import { applyMigrations, type MigrationReport, readMigrations, withMigrationLock } from "./migrate.ts";

export type Seeder = (prisma: PrismaClient) => Promise<void>;

export async function prepareDatabase(
  database: Database,
  options: { seed?: Seeder } = {},
): Promise<MigrationReport> {
  const migrations = await readMigrations();
  return database.withConnection((connection) =>
    withMigrationLock(connection, async () => {
      const report = await applyMigrations(connection, migrations);
      if (options.seed) await options.seed(database.prisma);
      return report;
    }),
  );
}
