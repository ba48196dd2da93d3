import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { enqueueNotification } from "./notifications.service.ts";

let t: TestApp;
let base: string;
let user: SignedUpUser;

/** Reads a server-sent event stream as text, waiting for what a test expects. */
class StreamReader {
  private text = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    this.reader = response.body!.getReader();
  }

  /** The next event of this name, parsed; fails after 10 s. */
  async next(event: string): Promise<unknown> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const match = new RegExp(`event: ${event}\\ndata: (.*)\\n\\n`).exec(this.text);
      if (match) {
        this.text = this.text.slice(match.index + match[0].length);
        return JSON.parse(match[1]!);
      }
      if (Date.now() > deadline) throw new Error(`no ${event} event in: ${this.text}`);
      const { value, done } = await this.reader.read();
      if (done) throw new Error(`stream ended before ${event}`);
      this.text += this.decoder.decode(value, { stream: true });
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

async function notify(title: string): Promise<void> {
  await t.ctx.db.transaction((tx) =>
    enqueueNotification(t.ctx, tx, {
      userId: user.id,
      type: "status_update",
      title,
      body: "Your case moved.",
      dedupeKey: `stream-test:${title}`,
    }),
  );
  await t.drain();
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  user = await signUp(t);
  await notify("Before connecting");
});
let closed = false;
const closeApp = async () => {
  if (closed) return;
  closed = true;
  await t.close();
};
afterAll(closeApp);

describe("GET /api/notifications/stream", () => {
  it("sends the unread count on connect and each new notification live, then cleans up", async () => {
    const response = await fetch(`${base}/api/notifications/stream`, { headers: user.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const stream = new StreamReader(response);
    expect(await stream.next("unread-count")).toEqual({ count: 1 });
    // One listener for its notifications, one for its conversations, one for the end of its session.
    expect(t.ctx.live.listenerCount()).toBe(3);

    await notify("Moved to Assessment");
    const event = (await stream.next("notification")) as {
      notification: { title: string; userId: string; readAt: string | null };
      unreadCount: number;
    };
    expect(event.notification).toMatchObject({ title: "Moved to Assessment", userId: user.id, readAt: null });
    expect(event.unreadCount).toBe(2);

    // Conversation events ride the same stream under their own names.
    const conversationId = "6f1c1d7e-1d3a-4c55-9a55-0c1e2f3a4b5c";
    const read = {
      conversationId,
      userId: "someone",
      lastReadMessageId: conversationId,
      readAt: new Date().toISOString(),
    };
    await t.ctx.live.publishConversation([user.id], { type: "conversation.read", data: read });
    expect(await stream.next("conversation.read")).toEqual(read);

    await stream.cancel();
    await waitFor(() => t.ctx.live.listenerCount() === 0);
  });

  it("accepts the bearer token as ?token= for EventSource clients", async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/notifications/stream?token=${encodeURIComponent(user.token)}`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(await new StreamReader(response).next("unread-count")).toEqual({ count: 2 });
    controller.abort();
    await waitFor(() => t.ctx.live.listenerCount() === 0);
  });

  it("refuses anonymous callers and bad tokens with 401 in the error shape", async () => {
    for (const url of ["/api/notifications/stream", "/api/notifications/stream?token=forged"]) {
      const response = await fetch(`${base}${url}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ status: "error", error: { code: "UNAUTHORIZED" } });
    }
  });

  it("does not keep shutdown waiting on open streams", async () => {
    const response = await fetch(`${base}/api/notifications/stream`, { headers: user.headers });
    await new StreamReader(response).next("unread-count");
    const started = Date.now();
    await closeApp();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(t.ctx.live.listenerCount()).toBe(0);
  });
});
