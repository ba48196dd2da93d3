import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";
import { API_CACHE_CONTROL, matchesEtag } from "./http-cache.ts";

let t: TestApp;
let client: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
});

afterAll(() => t.close());

describe("conditional GET on /api reads", () => {
  it("answers 304 to If-None-Match with the current ETag and 200 once the resource changes", async () => {
    const first = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: client.headers,
    });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe(API_CACHE_CONTROL);

    const again = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: { ...client.headers, "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);

    // nginx turns a strong tag weak when it gzips; the comparison is weak.
    const weak = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: { ...client.headers, "if-none-match": `W/${etag}` },
    });
    expect(weak.statusCode).toBe(304);

    const patched = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: client.headers,
      payload: { name: "Renamed Client" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBeUndefined();
    const changed = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: { ...client.headers, "if-none-match": etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("leaves errors, writes and non-API paths alone", async () => {
    const unauthorized = await t.app.inject({ method: "GET", url: "/api/users/me/profile" });
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.headers.etag).toBeUndefined();
    const health = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(health.headers.etag).toBeUndefined();
  });

  it("streams notifications without an ETag or buffering headers from the cache layer", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/notifications/stream`, {
      headers: client.headers,
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-cache");
    abort.abort();
  });
});

describe("matchesEtag", () => {
  it("compares weakly and understands lists and *", () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag("*", '"x"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
