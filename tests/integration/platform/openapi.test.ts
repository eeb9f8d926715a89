import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Every method + path the app serves, from Fastify's own route tree (docs assets excluded). */
function servedRoutes(): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  const tree = t.app.printRoutes({ commonPrefix: false, includeHooks: false });
  for (const line of tree.split("\n")) {
    const match = line.match(/^([│ ]*)[└├]── (\/\S*)(?: \(([^)]+)\))?/);
    if (!match?.[2]) continue;
    const depth = (match[1] ?? "").length / 4;
    parents.length = depth;
    const full = `${depth > 0 ? (parents[depth - 1] ?? "") : ""}${match[2]}`.replace(/\/\//g, "/");
    parents[depth] = full;
    const path = full.replace(/:(\w+)/g, "{$1}");
    if (!match[3] || path.startsWith("/docs")) continue;
    for (const method of match[3].split(", ")) {
      if (method !== "HEAD" && method !== "OPTIONS") routes.push(`${method} ${path}`);
    }
  }
  return routes.sort();
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const response = await t.app.inject({ method: "GET", url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(spec))).resolves.toBeDefined();
  });

  it("describes every route the app serves, each with its responses", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const documented: string[] = [];
    for (const [path, operations] of Object.entries(
      spec.paths as Record<string, Record<string, { responses?: object }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        documented.push(`${method.toUpperCase()} ${path}`);
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
    expect(documented.sort()).toEqual(servedRoutes());
    expect(documented).toEqual(
      expect.arrayContaining(["POST /v1/auth/register", "GET /v1/me", "GET /health/ready"]),
    );
  });

  it("serves the interactive reference at /docs", async () => {
    const response = await t.app.inject({ method: "GET", url: "/docs" });
    expect([200, 302]).toContain(response.statusCode);
    const page = await t.app.inject({ method: "GET", url: "/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
  });
});
