import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, json, type TestApp } from "./test/test-app.ts";

// Every route the app registers, seen through an onRoute hook added to each Fastify instance the
// moment it is created (before buildApp registers anything).
const registered = vi.hoisted(() => [] as { method: string; url: string }[]);
vi.mock("fastify", async (importOriginal) => {
  const actual = await importOriginal<typeof import("fastify")>();
  const create = ((options?: Parameters<typeof actual.default>[0]) => {
    const instance = actual.default(options);
    instance.addHook("onRoute", (route) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url });
    });
    return instance;
  }) as typeof actual.default;
  return { ...actual, default: create, fastify: create };
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ url: "/api/openapi.json" });
  expect(response.statusCode).toBe(200);
  doc = json<OpenApiDocument>(response);
});
afterAll(() => t.close());

const undocumented = (url: string) => url === "/api/openapi.json" || url.startsWith("/api/docs");

// Fastify's `:id` is OpenAPI's `{id}`; @fastify/swagger writes a wildcard as `{*}`.
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}").replace(/\*$/, "{*}");

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
});
