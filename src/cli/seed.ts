// npm run seed: load the bundled documents and question bank (idempotent; the server also does
// this at start-up unless SEED_ON_START=false).
import { prepareDatabase } from "../db/prepare.ts";
import { seedContent } from "../modules/content/seed-content.ts";
import { runWithDatabase } from "./run-with-database.ts";

await runWithDatabase(async (database) => {
  await prepareDatabase(database, {
    seed: async (prisma) => {
      const report = await seedContent(prisma);
      console.log(
        `documents ${report.documents}; questions: ${report.created} created, ${report.updated} updated, ${report.retired} retired, ${report.unchanged} unchanged`,
      );
    },
  });
});
