import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config/env.ts";
import { resolveJwtSecret } from "../../../src/config/jwt-secret.ts";

describe("loadConfig", () => {
  it("has working defaults for development", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      port: 3000,
      dataDir: "./data",
      databaseUrl: undefined,
      corsOrigins: [],
    });
    expect(config.db).toEqual({
      poolMax: 10,
      connectionTimeoutMs: 5000,
      idleTimeoutMs: 30000,
      statementTimeoutMs: 15000,
    });
    expect(config.http.bodyLimitBytes).toBe(1024 * 1024);
  });

  it("names every bad variable at once", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", CORS_ORIGINS: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "CORS_ORIGINS"])
        expect(message).toContain(name);
    }
  });

  it("requires a strong JWT_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short" })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(32) }).jwtSecret).toBe("x".repeat(32));
  });

  it("treats empty variables as unset and splits CORS origins", () => {
    const config = loadConfig({ PORT: "", CORS_ORIGINS: "https://a.example.com, https://b.example.com" });
    expect(config.port).toBe(3000);
    expect(config.corsOrigins).toEqual(["https://a.example.com", "https://b.example.com"]);
  });
});

describe("resolveJwtSecret", () => {
  it("generates a secret once in DATA_DIR and reuses it", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "prepdeck-"));
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await resolveJwtSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await resolveJwtSecret(config)).toBe(first);
    expect((await readFile(join(dataDir, "jwt-secret"), "utf8")).trim()).toBe(first);
    expect((await stat(join(dataDir, "jwt-secret"))).mode & 0o777).toBe(0o600);
  });

  it("prefers JWT_SECRET when set", async () => {
    const config = loadConfig({ JWT_SECRET: "y".repeat(40), DATA_DIR: "/nonexistent" });
    expect(await resolveJwtSecret(config)).toBe("y".repeat(40));
  });
});
