import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifications } from "../db/schema/index.ts";
import { createSecondInstance } from "../test/second-instance.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 4: a live notification stream lives no longer than its session, on every
// instance, and one session (or everyone together) cannot hold unbounded sockets.

let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  a = await createTestApp({ STREAM_MAX_PER_SESSION: "5", STREAM_MAX_PER_INSTANCE: "8" });
  b = await createSecondInstance(a);
  for (const instance of [a, b]) await instance.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

interface OpenStream {
  /** Resolves true when the server ends the stream within `ms`, false if it is still open. */
  endsWithin(ms: number): Promise<boolean>;
  close(): void;
}

/** Opens a stream on its own socket (no pooling), read until the first event. */
function openStream(on: TestApp, user: SignedUpUser): Promise<OpenStream> {
  const { port } = on.app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: "/api/notifications/stream", headers: user.headers, agent: false },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
        const ended = new Promise<boolean>((done) => {
          response.on("end", () => done(true));
          response.on("close", () => done(true));
        });
        let text = "";
        const onData = (chunk: Buffer) => {
          text += chunk.toString();
          if (!text.includes("event: unread-count")) return;
          response.off("data", onData);
          response.resume();
          resolve({
            endsWithin: (ms) =>
              Promise.race([ended, new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
            close: () => request.destroy(),
          });
        };
        response.on("data", onData);
      },
    );
    request.on("error", reject);
  });
}

const signOut = (on: TestApp, user: SignedUpUser) =>
  on.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: user.headers });

describe("security: GET /api/notifications/stream ends with its session", () => {
  it("ends within 2 s of sign-out", async () => {
    const user = await signUp(a);
    const stream = await openStream(a, user);
    expect(await stream.endsWithin(300)).toBe(false);
    expect((await signOut(a, user)).statusCode).toBe(200);
    expect(await stream.endsWithin(2_000)).toBe(true);
  });

  it("ends within 2 s of sign-out on another instance", async () => {
    const user = await signUp(a);
    const stream = await openStream(a, user);
    expect((await signOut(b, user)).statusCode).toBe(200);
    expect(await stream.endsWithin(2_000)).toBe(true);
  });

  it("ends when the password is reset, and other users' streams stay open", async () => {
    const user = await signUp(a);
    const bystander = await signUp(a);
    const stream = await openStream(b, user);
    const other = await openStream(b, bystander);
    const request = await a.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: user.email, redirectTo: "/reset-password" },
    });
    expect(request.statusCode).toBe(200);
    const [row] = await a.ctx.db
      .select({ identifier: verifications.identifier })
      .from(verifications)
      .where(and(eq(verifications.value, user.id), like(verifications.identifier, "reset-password:%")));
    const reset = await a.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token: row!.identifier.slice("reset-password:".length), newPassword: "brand-new-secret-9" },
    });
    expect(reset.statusCode).toBe(200);
    expect(await stream.endsWithin(2_000)).toBe(true);
    expect(await other.endsWithin(300)).toBe(false);
    other.close();
  });

  it("refuses a sixth stream for one session and streams past the instance's cap with 429", async () => {
    const user = await signUp(a);
    const open: OpenStream[] = [];
    for (let i = 0; i < 5; i += 1) open.push(await openStream(a, user));
    const sixth = await a.app.inject({ url: "/api/notifications/stream", headers: user.headers });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ status: "error", error: { code: "RATE_LIMITED" } });

    // The instance holds 8: three more from someone else fill it.
    const other = await signUp(a);
    for (let i = 0; i < 3; i += 1) open.push(await openStream(a, other));
    const ninth = await a.app.inject({ url: "/api/notifications/stream", headers: other.headers });
    expect(ninth.statusCode).toBe(429);

    // A closed stream frees its place.
    open.shift()!.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    open.push(await openStream(a, user));
    for (const stream of open) stream.close();
  });
});
