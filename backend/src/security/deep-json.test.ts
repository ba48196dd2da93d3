import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "../plugins/json-body.ts";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 5: deeply nested JSON overflowed the stack in a recursive walk and answered 500.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const nested = (depth: number) => `{"events":${"[".repeat(depth)}${"]".repeat(depth)}}`;

const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url, payload, headers: { "content-type": "application/json", ...headers } });

describe("security: deeply nested JSON", () => {
  it("answers 400 VALIDATION_ERROR on the anonymous analytics route", async () => {
    const response = await post("/api/analytics/events", nested(30_000));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: "error", error: { code: "VALIDATION_ERROR" } });
  });

  it("answers 400 on any JSON route, half a million levels deep", async () => {
    const user = await signUp(t);
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      payload: `{"name":${"[".repeat(500_000)}${"]".repeat(500_000)}}`,
      headers: { ...user.headers, "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
  });

  it("caps anonymous analytics bodies far below 1 MB", async () => {
    const events = Array.from({ length: 50 }, () => ({
      name: "page_view",
      properties: { x: "a".repeat(2000) },
    }));
    const response = await post("/api/analytics/events", JSON.stringify({ events }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("counts nesting outside strings only", () => {
    const limit = MAX_JSON_DEPTH;
    expect(jsonDepthExceeds(`${"[".repeat(limit)}${"]".repeat(limit)}`, limit)).toBe(false);
    expect(jsonDepthExceeds(`${"[".repeat(limit + 1)}${"]".repeat(limit + 1)}`, limit)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[{{{{\\"[[[[' }), 2)).toBe(false);
  });
});
