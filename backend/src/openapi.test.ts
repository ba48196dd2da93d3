import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./test/test-app.ts";

// Every route the app registers, seen as it is registered.
const registered: { method: string; url: string }[] = [];

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      onRoute: (route) => {
        for (const method of [route.method].flat()) registered.push({ method, url: route.url });
      },
    },
  );
  const response = await t.app.inject({ url: "/api/openapi.json" });
  expect(response.statusCode).toBe(200);
  doc = response.json<OpenApiDocument>();
});
afterAll(() => t.close());

// The reset mail's link is a browser redirect, not an API operation.
const undocumented = (url: string) =>
  url === "/api/openapi.json" || url.startsWith("/api/docs") || url === "/api/auth/reset-password/:token";

// Fastify's `:id` is OpenAPI's `{id}`.
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it("lists every route under /api with its method", () => {
    const routes = registered.filter(
      (route) =>
        route.url.startsWith("/api/") &&
        !undocumented(route.url) &&
        route.method !== "HEAD" &&
        route.method !== "OPTIONS",
    );
    // The app really has routes in every area (the hook saw them).
    for (const url of [
      "/api/users/:id/profile",
      "/api/analytics/events",
      "/api/features",
      "/api/admin/features/:key",
    ]) {
      expect(routes.map((route) => route.url)).toContain(url);
    }
    const missing = routes
      .filter((route) => !doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it("documents only routes that exist", () => {
    const known = new Set(registered.map((route) => `${route.method} ${toOpenApiPath(route.url)}`));
    const phantom = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => `${method.toUpperCase()} ${path}`)
        .filter((operation) => !known.has(operation)),
    );
    expect(phantom).toEqual([]);
  });

  it("has the shared schemas as components and every $ref resolves", () => {
    for (const id of ["Referral", "UserProfile", "AnalyticsOverview", "FeatureFlag", "ApiErrorResponse"]) {
      expect(doc.components.schemas).toHaveProperty(id);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((ref) => !(ref in doc.components.schemas))).toEqual([]);
  });

  it("refers to the shared Referral schema from the referral routes", () => {
    const text = JSON.stringify(doc.paths["/api/referrals/{id}"] ?? doc.paths["/api/referrals"]);
    expect(text).toMatch(/#\/components\/schemas\/Referral/);
  });

  it("gives every operation a unique verb-noun operationId, a summary, tags and its 4xx in the error shape", () => {
    const operations = Object.entries(doc.paths).flatMap(([url, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${url}`,
        operation,
      })),
    );
    const problems = operations.flatMap(({ name, operation }) => {
      const clientErrors = Object.entries(operation.responses ?? {}).filter(([status]) =>
        status.startsWith("4"),
      );
      return [
        !/^[a-z]+[A-Z][A-Za-z]+$/.test(operation.operationId ?? "") && `${name}: operationId`,
        !operation.summary && `${name}: summary`,
        !operation.tags?.length && `${name}: tags`,
        (clientErrors.length === 0 ||
          clientErrors.some(
            ([, response]) =>
              response.content?.["application/json"]?.schema?.$ref !==
              "#/components/schemas/ApiErrorResponse",
          )) &&
          `${name}: 4xx responses`,
      ].filter(Boolean);
    });
    expect(problems).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("passes Redocly's recommended rules with no error and no warning (backend/redocly.yaml)", () => {
    const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const dir = mkdtempSync(path.join(os.tmpdir(), "openapi-lint-"));
    try {
      const file = path.join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(doc));
      const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
      const lint = spawnSync(
        process.execPath,
        [cli, "lint", file, "--config", path.join(backendDir, "redocly.yaml"), "--format", "stylish"],
        {
          encoding: "utf8",
          // Offline: no usage telemetry, no update check.
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        },
      );
      const output = lint.stdout + lint.stderr;
      expect(output).toContain("Your API description is valid");
      expect(output, output).not.toMatch(/\b(error|warning)\b\s+[a-z-]+/);
      expect(lint.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
