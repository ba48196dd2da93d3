import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganizationRow, signUpPartner } from "./test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "./test/test-app.ts";

/**
 * Drives every operation of the OpenAPI document with malformed path ids, query values and bodies,
 * as the role that may call it: bad input must answer a 4xx in the one error shape, never a 500.
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  minLength?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

// Long-lived or session-ending operations, exercised by their own tests.
const SKIPPED = new Set(["GET /api/notifications/stream"]);

const BAD_STRINGS = [
  "",
  "x",
  "'; drop table users;--",
  "\u0000",
  "-1",
  "1e309",
  "9".repeat(40),
  "x".repeat(5000),
];
const BAD_IDS = [
  "x",
  "'",
  "%00",
  "0".repeat(300),
  "00000000-0000-4000-8000-000000000000",
  "-1",
  "1.5",
  "..%2F..",
];
const BAD_VALUES: unknown[] = [
  null,
  -1,
  1e308,
  123456789012345,
  "",
  "\u0000",
  "x".repeat(20_000),
  {},
  [],
  true,
  [null],
];
const BAD_BODIES: unknown[] = [{}, [], "text", 0, { unexpected: true }];

let t: TestApp;
let doc: OpenApi;
let actors: Record<"client" | "staff" | "partner", SignedUpUser>;

beforeAll(async () => {
  t = await createTestApp();
  const organization = await createOrganizationRow(t);
  actors = {
    client: await signUp(t),
    staff: await signUp(t, { role: "staff" }),
    partner: await signUpPartner(t, organization),
  };
  doc = json<OpenApi>(await t.app.inject({ url: "/api/openapi.json" }));
});
afterAll(() => t.close());

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.split("/").at(-1) ?? ""];
}

/** Top-level property names of a request body schema (following refs and unions). */
function bodyFields(schema: Schema | undefined): string[] {
  const resolved = resolve(schema);
  if (!resolved) return [];
  const nested = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
  return [...new Set([...Object.keys(resolved.properties ?? {}), ...nested.flatMap(bodyFields)])];
}

/** A value the schema accepts (first enum member, smallest number, a valid email or date), for mutation. */
function sample(schema: Schema | undefined, key = ""): unknown {
  const resolved = resolve(schema);
  if (!resolved) return undefined;
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  const variant = resolved.anyOf?.[0] ?? resolved.oneOf?.[0];
  if (variant) return sample(variant);
  if (resolved.allOf) return Object.assign({}, ...resolved.allOf.map((part) => sample(part)));
  const type = Array.isArray(resolved.type) ? resolved.type.find((item) => item !== "null") : resolved.type;
  if (type === "object") {
    const entries = (resolved.required ?? []).map((name) => [
      name,
      sample(resolved.properties?.[name], name),
    ]);
    return Object.fromEntries(entries);
  }
  if (type === "array") return [sample(resolved.items)];
  if (type === "integer" || type === "number") return Math.max(resolved.minimum ?? 1, 1);
  if (type === "boolean") return true;
  if (resolved.format === "email" || /email/i.test(key)) return "someone@example.com";
  if (/password/i.test(key)) return "correct-horse-1";
  if (resolved.format === "date") return "2026-01-01";
  if (resolved.format === "date-time") return "2026-01-01T00:00:00.000Z";
  if (resolved.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  return "Valid text".padEnd(resolved.minLength ?? 0, "x");
}

function actorFor(path: string): SignedUpUser {
  if (path.startsWith("/api/admin/")) return actors.staff;
  if (path.startsWith("/api/partners/")) return actors.partner;
  return actors.client;
}

function operations(): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op }))
      .filter(({ method, path: p }) => !SKIPPED.has(`${method} ${p}`)),
  );
}

/** The path with each `{param}` filled: the caller's own id for `{id}` on user routes, else `value`. */
function fill(path: string, value: string, self: SignedUpUser): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === "id" && path.startsWith("/api/users/") && value === "self" ? self.id : encodeURIComponent(value),
  );
}

describe("malformed input never answers 500", () => {
  it("covers the whole document", () => {
    expect(operations().length).toBeGreaterThan(50);
  });

  it("path ids, query values, bodies and idempotency keys", async () => {
    const failures: string[] = [];
    const send = async (method: string, url: string, user: SignedUpUser, payload?: unknown, extra = {}) => {
      const response = await t.app
        .inject({
          method: method as "GET",
          url,
          headers: {
            ...user.headers,
            ...extra,
            ...(payload === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
        })
        .catch((error: unknown) => {
          failures.push(
            `${method} ${url.slice(0, 120)} ${JSON.stringify(payload)?.slice(0, 80)} → ${String(error)}`,
          );
          return null;
        });
      if (!response) return;
      if (response.statusCode >= 500) {
        failures.push(
          `${method} ${url.slice(0, 120)} ${JSON.stringify(payload)?.slice(0, 80)} → ${response.statusCode}`,
        );
      } else if (response.statusCode >= 400 && String(response.headers["content-type"]).includes("json")) {
        const body = json<{ status?: string; error?: { code?: string; message?: string } }>(response);
        if (typeof body.error?.code !== "string" || typeof body.error.message !== "string") {
          failures.push(`${method} ${url.slice(0, 120)} → ${response.statusCode} outside the error shape`);
        }
      }
    };

    for (const { method, path, op } of operations()) {
      const user = actorFor(path);
      const validPath = fill(path, "self", user).replace(/\{\w+\}/g, "00000000-0000-4000-8000-000000000000");
      const jsonBody = op.requestBody?.content?.["application/json"]?.schema;
      const payload = jsonBody ? {} : undefined;

      if (path.includes("{")) {
        for (const id of BAD_IDS) await send(method, fill(path, id, user), user, payload);
      }
      for (const parameter of op.parameters?.filter((p) => p.in === "query") ?? []) {
        for (const value of BAD_STRINGS) {
          await send(method, `${validPath}?${parameter.name}=${encodeURIComponent(value)}`, user, payload);
        }
        await send(method, `${validPath}?${parameter.name}=a&${parameter.name}=b`, user, payload);
      }
      if (jsonBody) {
        for (const body of BAD_BODIES) await send(method, validPath, user, body);
        // One field wrong at a time, the rest valid, so each reaches the handler's own checks.
        const base = sample(jsonBody);
        for (const field of bodyFields(jsonBody)) {
          for (const value of BAD_VALUES) {
            await send(method, validPath, user, { ...(base as object), [field]: value });
          }
        }
      }
      if (op.parameters?.some((p) => p.in === "header" && p.name === "idempotency-key")) {
        for (const key of ["", "x".repeat(1000), "\u00e9"]) {
          await send(method, validPath, user, {}, { "idempotency-key": key });
        }
      }
    }
    expect(failures).toEqual([]);
    // Every operation of the whole document, one after another: it grows with each module.
  }, 180_000);
});
