// The process entry: read config, open and prepare the database, serve, and shut down
// gracefully (stop accepting, finish in-flight requests, close the database) on a signal.
import closeWithGrace from "close-with-grace";
import pino from "pino";
import { buildApp, LOG_REDACT_PATHS } from "./app.ts";
import { ConfigError, loadConfig } from "./config/env.ts";
import { resolveJwtSecret } from "./config/jwt-secret.ts";
import { openConfiguredDatabase } from "./db/open-from-config.ts";
import { prepareDatabase } from "./db/prepare.ts";
import { warmUpScoring } from "./domain/scoring/index.ts";
import { seedContent } from "./modules/content/seed-content.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel, redact: LOG_REDACT_PATHS });
  const jwtSecret = await resolveJwtSecret(config);
  const database = await openConfiguredDatabase(config, log);
  const report = await prepareDatabase(database, {
    seed: config.seedOnStart
      ? async (prisma) => {
          const seeded = await seedContent(prisma);
          log.info({ seeded }, "question bank loaded");
        }
      : undefined,
  });
  log.info({ database: database.kind, applied: report.applied }, "database ready");
  if (report.modified.length > 0) log.warn({ modified: report.modified }, "applied migrations changed since");

  warmUpScoring();
  const app = await buildApp({ config, jwtSecret, database, logger: log });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
}

await main();
