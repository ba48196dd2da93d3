import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 7: defaults that must not reach production.

const production = {
  NODE_ENV: "production",
  PUBLIC_URL: "https://referral.example.com",
  AUTH_SECRET: "production-secret-0123456789abcdef0123456789",
  SMTP_URL: "smtp://127.0.0.1:1",
};

describe("security: the auth secret without AUTH_SECRET", () => {
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "referral-secret-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("is made at random per data folder, kept there (0600) and reused", async () => {
    const [one, two] = [await dataDir(), await dataDir()];
    const first = loadConfig({ DATA_DIR: one }).authSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: one }).authSecret).toBe(first);
    expect(loadConfig({ DATA_DIR: two }).authSecret).not.toBe(first);
    expect(statSync(path.join(one, "auth-secret")).mode & 0o777).toBe(0o600);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("security: /metrics in production", () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });
  const start = async (overrides: Record<string, string>) => {
    const t = await createTestApp({ ...production, ...overrides });
    apps.push(t);
    return t;
  };

  it("is not served without METRICS_TOKEN or METRICS_PORT", async () => {
    const t = await start({});
    expect((await t.app.inject({ url: "/metrics" })).statusCode).toBe(404);
  });

  it("asks for METRICS_TOKEN as a bearer token", async () => {
    const token = "metrics-token-0123456789";
    const t = await start({ METRICS_TOKEN: token });
    expect((await t.app.inject({ url: "/metrics" })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      url: "/metrics",
      headers: { authorization: "Bearer metrics-token-0123456780" },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${token}` } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("http_requests_total");
  });

  it("with METRICS_PORT, is served on that port only", async () => {
    const port = await freePort();
    const t = await start({ METRICS_PORT: String(port), HOST: "127.0.0.1" });
    expect((await t.app.inject({ url: "/metrics" })).statusCode).toBe(404);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("http_requests_total");
  });
});

describe("security: API answers are not stored by caches", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("sends Cache-Control: no-store on reads, writes and errors", async () => {
    const user = await signUp(t);
    const read = await t.app.inject({ url: "/api/users/me/profile", headers: user.headers });
    expect(read.statusCode).toBe(200);
    const write = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: user.headers,
      payload: { name: "Renamed Person" },
    });
    expect(write.statusCode).toBe(200);
    const error = await t.app.inject({ url: "/api/users/me/profile" });
    expect(error.statusCode).toBe(401);
    for (const response of [read, write, error]) expect(response.headers["cache-control"]).toBe("no-store");
  });
});
