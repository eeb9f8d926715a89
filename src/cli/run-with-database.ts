// Shared start-up for the command-line tools: config, database, migrations; always closes.
import { loadConfig } from "../config/env.ts";
import type { Database } from "../db/database.ts";
import { openConfiguredDatabase } from "../db/open-from-config.ts";

export async function runWithDatabase(task: (database: Database) => Promise<void>): Promise<void> {
  let database: Database | undefined;
  try {
    database = await openConfiguredDatabase(loadConfig());
    await task(database);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
