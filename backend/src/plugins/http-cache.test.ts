import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";
import { API_CACHE_CONTROL, ETAG_MIN_BYTES, matchesEtag } from "./http-cache.ts";

let t: TestApp;
let client: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
});

afterAll(() => t.close());

describe("conditional GET on /api reads", () => {
  const referral = (n: number) =>
    t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: client.headers,
      payload: { fullName: `Friend Number ${n}`, email: `friend-${n}-${client.id}@example.com` },
    });
  const list = (headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "GET",
      url: "/api/users/me/referrals",
      headers: { ...client.headers, ...headers },
    });

  it("answers 304 to If-None-Match with the current ETag and 200 once the resource changes", async () => {
    for (let n = 0; n < 6; n += 1) expect((await referral(n)).statusCode).toBe(201);
    const first = await list();
    expect(first.statusCode).toBe(200);
    expect(first.body.length).toBeGreaterThanOrEqual(ETAG_MIN_BYTES);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe(API_CACHE_CONTROL);

    const again = await list({ "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);

    // nginx turns a strong tag weak when it gzips; the comparison is weak.
    expect((await list({ "if-none-match": `W/${etag}` })).statusCode).toBe(304);

    const created = await referral(7);
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBeUndefined();
    const changed = await list({ "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("does not hash a small answer, where a 304 would save nothing", async () => {
    const profile = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: client.headers,
    });
    expect(profile.statusCode).toBe(200);
    expect(profile.body.length).toBeLessThan(ETAG_MIN_BYTES);
    expect(profile.headers.etag).toBeUndefined();
    expect(profile.headers["cache-control"]).toBe(API_CACHE_CONTROL);
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
