import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { closeContext, createContext } from "../bootstrap.ts";
import type { AppContext } from "../context.ts";
import { openDatabase } from "../db/client.ts";
import { createTestApp, json, signUp, type TestApp, testConfig } from "../test/test-app.ts";
import { MemoryCache } from "./cache.ts";
import { encodeLiveMessage, MAX_PAYLOAD_BYTES } from "./pg-live-transport.ts";

// Two API instances on one database. On PostgreSQL (the CI's PostgreSQL pass) they are two
// contexts with their own pools and listeners, as two processes would be; on the embedded database
// there is one process, and the same checks cover the in-process fan-out.

let t: TestApp;
let second: { app: FastifyInstance; ctx: AppContext; close(): Promise<void> };
let base2: string;

beforeAll(async () => {
  t = await createTestApp();
  if (t.ctx.database.kind === "postgres") {
    const database = await openDatabase({ databaseUrl: t.ctx.database.url, poolMax: 5 });
    const ctx = await createContext(testConfig(), { supervise: false, database, migrate: false });
    const app = await buildApp(ctx);
    second = {
      app,
      ctx,
      close: async () => {
        await app.close();
        await closeContext(ctx);
      },
    };
  } else {
    second = { app: t.app, ctx: t.ctx, close: async () => {} };
  }
  await second.app.listen({ port: 0, host: "127.0.0.1" });
  base2 = `http://127.0.0.1:${(second.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await second.close();
  await t.close();
});

const postgres = () => t.ctx.database.kind === "postgres";

/** Opens the SSE stream and returns a reader that waits for a given event. */
async function openStream(url: string, token: string) {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (event: string, timeoutMs = 10_000): Promise<unknown> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = buffer.match(new RegExp(`event: ${event}\\ndata: (.*)\\n\\n`));
      if (match) {
        buffer = buffer.slice((match.index ?? 0) + match[0].length);
        return JSON.parse(match[1]!);
      }
      if (Date.now() > deadline) throw new Error(`no ${event} event; got ${buffer}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs),
        ),
      ]);
      if (chunk.done) throw new Error("stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { next, close: () => abort.abort() };
}

describe("live notifications across instances", () => {
  it("delivers a notification raised on instance 1 to an SSE stream on instance 2", async () => {
    expect(second.ctx !== t.ctx).toBe(postgres());
    const client = await signUp(t);
    const stream = await openStream(`${base2}/api/notifications/stream`, client.token);
    expect(await stream.next("unread-count")).toEqual({ count: 0 });

    const created = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: client.headers,
      payload: { fullName: "Far Away Friend", email: "far.away@example.com" },
    });
    expect(created.statusCode).toBe(201);
    // The worker (here: instance 1 draining its queue) delivers and publishes.
    expect(await t.drain()).toBeGreaterThan(0);
    const event = (await stream.next("notification")) as {
      notification: { title: string; userId: string };
      unreadCount: number;
    };
    expect(event.notification).toMatchObject({ title: "Referral received", userId: client.id });
    expect(event.unreadCount).toBe(1);
    stream.close();
  });

  it("keeps delivering after the listener's database connection is cut", async () => {
    const client = await signUp(t);
    const stream = await openStream(`${base2}/api/notifications/stream`, client.token);
    await stream.next("unread-count");
    if (postgres()) {
      const admin = new pg.Client({ connectionString: t.ctx.database.url });
      await admin.connect();
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and application_name = 'referral-live-listener'`,
      );
      await admin.end();
      expect(rowCount).toBe(2);
      // Both listeners reconnect within the backoff (100 ms, then 200 ms, …).
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    const created = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: client.headers,
      payload: { fullName: "Second Friend", email: "second.friend@example.com" },
    });
    expect(created.statusCode).toBe(201);
    await t.drain();
    const event = (await stream.next("notification")) as { notification: { title: string } };
    expect(event.notification.title).toBe("Referral received");
    stream.close();
  });
});

describe("sessions across instances", () => {
  it("accepts on instance 2 a session created on instance 1, and a sign-out on 2 ends it on 1", async () => {
    const client = await signUp(t);
    const profile = await fetch(`${base2}/api/users/me/profile`, { headers: client.headers });
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as { data: { id: string } }).data.id).toBe(client.id);

    const signOut = await fetch(`${base2}/api/auth/sign-out`, {
      method: "POST",
      headers: { ...client.headers, "content-type": "application/json", origin: t.ctx.config.publicUrl },
      body: "{}",
    });
    expect(signOut.status).toBe(200);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: client.headers,
    });
    expect(after.statusCode).toBe(401);
    expect(json<{ error: { code: string } }>(after).error.code).toBe("UNAUTHORIZED");
  });
});

describe("memory cache deletions across instances", () => {
  it("drops a key on instance 2 when instance 1 deletes it (memory cache without Redis)", async () => {
    const [one, two] = [t.ctx.cache, second.ctx.cache];
    expect(one).toBeInstanceOf(MemoryCache);
    await two.set("features:flags", { on: true }, 60);
    await one.set("features:flags", { on: true }, 60);
    await one.delPrefix("features:");
    expect(await one.get("features:flags")).toBeUndefined();
    const deadline = Date.now() + 5_000;
    while ((await two.get("features:flags")) !== undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await two.get("features:flags")).toBeUndefined();
  });
});

describe("encodeLiveMessage", () => {
  it("fits a huge notification into one NOTIFY by cutting its body", () => {
    const event = {
      notification: {
        id: "00000000-0000-4000-8000-000000000000",
        userId: "u1",
        type: "system" as const,
        title: "Big",
        body: "é".repeat(20_000),
        data: { huge: "x".repeat(10_000) },
        readAt: null,
        createdAt: new Date(0).toISOString(),
      },
      unreadCount: 3,
    };
    const encoded = encodeLiveMessage("me", "u1", event);
    expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const decoded = JSON.parse(encoded) as { event: typeof event };
    expect(decoded.event.notification.data).toBeNull();
    expect(decoded.event.notification.body.length).toBeGreaterThan(1_000);
    expect(decoded.event.unreadCount).toBe(3);
  });
});
