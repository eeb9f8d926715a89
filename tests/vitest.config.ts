import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Each integration test file builds its own app on its own fresh database, so files run in
// parallel; two workers match this 2-core machine, and PGlite start-up dominates a file's time.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
