import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushTokens } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import type { NotificationPayload } from "./notifications.jobs.ts";
import { enqueueNotification } from "./notifications.service.ts";

let t: TestApp;
let client: SignedUpUser;
let other: SignedUpUser;
let staff: SignedUpUser;

interface Page<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number; pages: number };
}
interface Item {
  id: string;
  title: string;
  readAt: string | null;
  userId: string;
}

let sequence = 0;
async function notify(userId: string, overrides: Partial<NotificationPayload> = {}): Promise<void> {
  sequence += 1;
  await t.ctx.db.transaction((tx) =>
    enqueueNotification(t.ctx, tx, {
      userId,
      type: "system",
      title: `Notice ${sequence}`,
      body: `Body ${sequence}`,
      dedupeKey: `routes-test:${sequence}`,
      ...overrides,
    }),
  );
  await t.drain();
}

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  other = await signUp(t);
  staff = await signUp(t, { role: "staff" });
  for (let i = 0; i < 3; i += 1) await notify(client.id);
  await notify(other.id, { title: "Other's notice" });
});
afterAll(() => t.close());

describe("anonymous callers", () => {
  it("get 401 in the one error shape on every notification route", async () => {
    const routes = [
      { method: "GET", url: "/api/notifications" },
      { method: "GET", url: "/api/notifications/unread-count" },
      { method: "POST", url: "/api/notifications/read-all" },
      { method: "POST", url: "/api/notifications/00000000-0000-4000-8000-000000000000/read" },
      { method: "GET", url: "/api/notifications/stream" },
      { method: "GET", url: "/api/notifications/stream?token=not-a-session" },
      { method: "POST", url: "/api/notifications/push-tokens", payload: { token: "t", platform: "ios" } },
      { method: "DELETE", url: "/api/notifications/push-tokens/t" },
      { method: "GET", url: "/api/admin/mailbox" },
    ] as const;
    for (const route of routes) {
      const response = await t.app.inject({ payload: route.method === "POST" ? {} : undefined, ...route });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(json(response)).toMatchObject({ status: "error", error: { code: "UNAUTHORIZED" } });
    }
  });
});

describe("GET /api/notifications", () => {
  it("lists only the caller's notifications, newest first, paged", async () => {
    const response = await t.app.inject({ url: "/api/notifications", headers: client.headers });
    expect(response.statusCode).toBe(200);
    const body = json<Page<Item> & { status: string }>(response);
    expect(body.status).toBe("success");
    expect(body.data.map((item) => item.title)).toEqual(["Notice 3", "Notice 2", "Notice 1"]);
    expect(body.data.every((item) => item.userId === client.id && item.readAt === null)).toBe(true);
    expect(body.pagination).toEqual({ page: 1, limit: 20, total: 3, pages: 1 });

    const second = await t.app.inject({ url: "/api/notifications?page=2&limit=2", headers: client.headers });
    const page = json<Page<Item>>(second);
    expect(page.data.map((item) => item.title)).toEqual(["Notice 1"]);
    expect(page.pagination).toEqual({ page: 2, limit: 2, total: 3, pages: 2 });
  });

  it("rejects a bad page size with field details", async () => {
    const response = await t.app.inject({
      url: "/api/notifications?limit=1000&unread=maybe",
      headers: client.headers,
    });
    expect(response.statusCode).toBe(400);
    const body = json<{ error: { code: string; details: { fields: Record<string, string[]> } } }>(response);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details.fields).sort()).toEqual(["limit", "unread"]);
  });
});

describe("POST /api/notifications/:id/read", () => {
  it("marks the caller's notification read, idempotently, and updates the unread views", async () => {
    const list = json<Page<Item>>(await t.app.inject({ url: "/api/notifications", headers: client.headers }));
    const target = list.data[1]!;
    const first = await t.app.inject({
      method: "POST",
      url: `/api/notifications/${target.id}/read`,
      headers: client.headers,
    });
    expect(first.statusCode).toBe(200);
    const readAt = json<{ data: Item }>(first).data.readAt;
    expect(readAt).not.toBeNull();
    const again = await t.app.inject({
      method: "POST",
      url: `/api/notifications/${target.id}/read`,
      headers: client.headers,
    });
    expect(again.statusCode).toBe(200);
    expect(json<{ data: Item }>(again).data.readAt).toBe(readAt);

    const count = await t.app.inject({ url: "/api/notifications/unread-count", headers: client.headers });
    expect(json(count)).toEqual({ status: "success", data: { count: 2 } });
    const unread = json<Page<Item>>(
      await t.app.inject({ url: "/api/notifications?unread=true", headers: client.headers }),
    );
    expect(unread.data.map((item) => item.title)).toEqual(["Notice 3", "Notice 1"]);
    expect(unread.pagination.total).toBe(2);
  });

  it("answers 404 for someone else's notification, even to staff, and for ids that cannot exist", async () => {
    const othersId = json<Page<Item>>(
      await t.app.inject({ url: "/api/notifications", headers: other.headers }),
    ).data[0]!.id;
    for (const [id, headers] of [
      [othersId, client.headers],
      [othersId, staff.headers],
      ["00000000-0000-4000-8000-000000000000", client.headers],
      ["not-a-uuid", client.headers],
    ] as const) {
      const response = await t.app.inject({ method: "POST", url: `/api/notifications/${id}/read`, headers });
      expect(response.statusCode).toBe(404);
      expect(json(response)).toMatchObject({ status: "error", error: { code: "NOT_FOUND" } });
    }
    const still = json<Page<Item>>(await t.app.inject({ url: "/api/notifications", headers: other.headers }));
    expect(still.data[0]!.readAt).toBeNull();
  });
});

describe("POST /api/notifications/read-all", () => {
  it("marks every unread notification of the caller only", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      headers: client.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ status: "success", data: { updated: 2 } });
    const again = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      headers: client.headers,
    });
    expect(json(again)).toEqual({ status: "success", data: { updated: 0 } });
    const mine = await t.app.inject({ url: "/api/notifications/unread-count", headers: client.headers });
    expect(json<{ data: { count: number } }>(mine).data.count).toBe(0);
    const theirs = await t.app.inject({ url: "/api/notifications/unread-count", headers: other.headers });
    expect(json<{ data: { count: number } }>(theirs).data.count).toBe(1);
  });
});

describe("POST /api/notifications/push-tokens", () => {
  const token = "ExponentPushToken[routes-test-device]";

  it("stores the device, moves it to a new owner, and validates the body", async () => {
    const register = (user: SignedUpUser, platform: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/notifications/push-tokens",
        headers: user.headers,
        payload: { token, platform },
      });
    expect((await register(client, "ios")).statusCode).toBe(200);
    expect((await register(client, "ios")).statusCode).toBe(200);
    let rows = await t.ctx.db.select().from(pushTokens).where(eq(pushTokens.token, token));
    expect(rows).toMatchObject([{ userId: client.id, platform: "ios" }]);

    expect((await register(other, "android")).statusCode).toBe(200);
    rows = await t.ctx.db.select().from(pushTokens).where(eq(pushTokens.token, token));
    expect(rows).toMatchObject([{ userId: other.id, platform: "android" }]);

    const bad = await register(client, "windows");
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({
      error: { code: "VALIDATION_ERROR", details: { fields: { platform: expect.any(Array) } } },
    });
  });

  it("DELETE forgets only the caller's own device", async () => {
    const remove = (user: SignedUpUser) =>
      t.app.inject({
        method: "DELETE",
        url: `/api/notifications/push-tokens/${encodeURIComponent(token)}`,
        headers: user.headers,
      });
    expect(json(await remove(client))).toEqual({ status: "success", data: { removed: false } });
    expect(await t.ctx.db.select().from(pushTokens).where(eq(pushTokens.token, token))).toHaveLength(1);
    expect(json(await remove(other))).toEqual({ status: "success", data: { removed: true } });
    expect(await t.ctx.db.select().from(pushTokens).where(eq(pushTokens.token, token))).toHaveLength(0);
  });
});

describe("GET /api/admin/mailbox", () => {
  it("shows staff the mail kept without SMTP, newest first, and refuses clients", async () => {
    const refused = await t.app.inject({ url: "/api/admin/mailbox", headers: client.headers });
    expect(refused.statusCode).toBe(403);

    const response = await t.app.inject({
      url: `/api/admin/mailbox?to=${encodeURIComponent(client.email)}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = json<Page<{ to: string; subject: string; text: string; html: string | null }>>(response);
    // The sign-up verification mail, then one email per system notice.
    expect(body.pagination.total).toBe(4);
    expect(body.data.every((mail) => mail.to === client.email)).toBe(true);
    expect(body.data[0]).toMatchObject({ subject: "Notice 3", text: expect.stringContaining("Body 3") });
    expect(body.data[0]!.html).toContain("<h1");
    expect(body.data.at(-1)!.subject).toBe("Verify your email address");

    const all = json<Page<unknown>>(
      await t.app.inject({ url: "/api/admin/mailbox?limit=1", headers: staff.headers }),
    );
    expect(all.data).toHaveLength(1);
    expect(all.pagination.total).toBeGreaterThan(4);
  });
});
