// npm run bench: measures the API against PostgreSQL with autocannon, next to a bare Fastify
// route and plain `pg` doing the same SQL, all in one run. Prints requests/s and latency.
// Needs a PostgreSQL server: BENCH_DATABASE_URL or DATABASE_URL (default: local, trust auth);
// a database `prepdeck_bench` is created there afresh for each run.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { contentScenarios } from "./content-scenarios.ts";
import { pacedLoad } from "./paced.ts";
import { scenarios as platformScenarios } from "./scenarios.ts";
import { studyScenarios } from "./study-scenarios.ts";

const scenarios = [...platformScenarios, ...contentScenarios, ...studyScenarios];

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const APP_PORT = 3901;
const BASELINE_PORT = 3902;

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS prepdeck_bench WITH (FORCE)`);
  await admin.query(`CREATE DATABASE prepdeck_bench`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = "/prepdeck_bench";
  return url.toString();
}

function start(role: string, port: number, databaseUrl: string): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL("./servers.ts", import.meta.url)), [role, String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", SEED_ON_START: "false" },
    // BENCH_PROFILE=1 writes a CPU profile of the app server to bench/profiles/.
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_PROFILE && role === "app" ? ["--cpu-prof", "--cpu-prof-dir=bench/profiles"] : []),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${role} server exited with ${code}`)));
  });
}

export interface Target {
  app: string;
  baseline: string;
}

const databaseUrl = await freshDatabase();
const app = await start("app", APP_PORT, databaseUrl);
const baseline = await start("baseline", BASELINE_PORT, databaseUrl);
const target: Target = { app: `http://127.0.0.1:${APP_PORT}`, baseline: `http://127.0.0.1:${BASELINE_PORT}` };

try {
  const rows: string[] = [];
  // BENCH_ONLY=regex runs only the matching scenarios.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  for (const scenario of scenarios.filter((s) => !only || only.test(s.name))) {
    const setup = await scenario.setup(target, databaseUrl);
    if (setup.pacedRate) {
      const paced = await pacedLoad({
        url: setup.url,
        headers: setup.headers,
        rate: setup.pacedRate,
        seconds: duration,
      });
      rows.push(
        `| ${scenario.name} | ${Math.round(paced.ok / duration)} | ${paced.p50} | ${paced.p99} | ${paced.sent - paced.ok} |`,
      );
      console.error(`done: ${scenario.name}`);
      continue;
    }
    const result = await autocannon({
      url: setup.url,
      method: setup.method ?? "GET",
      headers: setup.headers,
      body: setup.body,
      requests: setup.requests,
      connections: setup.connections ?? connections,
      duration,
      overallRate: setup.overallRate,
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    rows.push(
      `| ${scenario.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} |`,
    );
    console.error(`done: ${scenario.name}`);
  }
  console.log(
    `\nprepdeck bench: ${duration}s each, ${connections} connections, PostgreSQL, ${new Date().toISOString()}\n`,
  );
  console.log("| scenario | req/s | p50 ms | p99 ms | non-2xx/errors |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  app.kill("SIGINT");
  baseline.kill();
}
