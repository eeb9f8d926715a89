// The one place process.env is read: every setting validated at start-up, each bad one named.
import { z } from "zod";

const boolean = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_ISSUER: z.string().min(1).default("prepdeck"),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: int(1, 365).default(30),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.literal("*"), z.url()]))),
  TRUST_PROXY: boolean.default(false),
  DB_POOL_MAX: int(1, 200).default(10),
  DB_CONNECTION_TIMEOUT_MS: int(100, 60_000).default(5_000),
  DB_IDLE_TIMEOUT_MS: int(1_000, 600_000).default(30_000),
  DB_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(15_000),
  HTTP_REQUEST_TIMEOUT_MS: int(1_000, 600_000).default(30_000),
  HTTP_CONNECTION_TIMEOUT_MS: int(1_000, 600_000).default(10_000),
  RATE_LIMIT_MAX: int(1, 1_000_000).default(600),
  AUTH_RATE_LIMIT_MAX: int(1, 1_000_000).default(10),
  // 0 turns load shedding off.
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1_000),
  SEED_ON_START: boolean.default(true),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env["NODE_ENV"];
  host: string;
  port: number;
  logLevel: Env["LOG_LEVEL"];
  databaseUrl: string | undefined;
  dataDir: string;
  /** Undefined until resolved: required in production, generated and kept in DATA_DIR otherwise. */
  jwtSecret: string | undefined;
  jwt: { issuer: string; accessTokenTtlSeconds: number; refreshTokenTtlDays: number };
  corsOrigins: string[];
  trustProxy: boolean;
  db: { poolMax: number; connectionTimeoutMs: number; idleTimeoutMs: number; statementTimeoutMs: number };
  http: { requestTimeoutMs: number; connectionTimeoutMs: number; bodyLimitBytes: number };
  rateLimit: { max: number; authMax: number; windowMs: number };
  maxEventLoopDelayMs: number;
  seedOnStart: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings mean "unset" (a blank line in a .env file or `VAR= npm start`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`),
    );
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.JWT_SECRET) {
    throw new ConfigError(["JWT_SECRET: required when NODE_ENV=production (at least 32 characters)"]);
  }
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    jwtSecret: env.JWT_SECRET,
    jwt: {
      issuer: env.JWT_ISSUER,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    },
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    db: {
      poolMax: env.DB_POOL_MAX,
      connectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
      idleTimeoutMs: env.DB_IDLE_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    },
    http: {
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: env.HTTP_CONNECTION_TIMEOUT_MS,
      bodyLimitBytes: 1024 * 1024,
    },
    rateLimit: { max: env.RATE_LIMIT_MAX, authMax: env.AUTH_RATE_LIMIT_MAX, windowMs: 60_000 },
    maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
    seedOnStart: env.SEED_ON_START,
  };
}
