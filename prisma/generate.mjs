// Runs `prisma generate` offline. The Prisma CLI wants a native schema engine on start-up and
// would download one; generating the client does not use it, so any existing file will do.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const schema = fileURLToPath(new URL("./schema.prisma", import.meta.url));
const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
