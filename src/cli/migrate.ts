// npm run db:migrate: apply pending migrations (the server also does this at start-up).
import { prepareDatabase } from "../db/prepare.ts";
import { runWithDatabase } from "./run-with-database.ts";

await runWithDatabase(async (database) => {
  const report = await prepareDatabase(database);
  console.log(report.applied.length > 0 ? `applied: ${report.applied.join(", ")}` : "database is up to date");
  if (report.modified.length > 0) console.warn(`changed since applied: ${report.modified.join(", ")}`);
});
