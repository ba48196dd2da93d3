import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "../../context.ts";
import { devMailbox, notificationDeliveries, notifications, pushTokens } from "../../db/schema/index.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { deliverNotification } from "./notification-delivery.ts";
import { deliverNotificationJob, type NotificationPayload, sendEmailJob } from "./notifications.jobs.ts";
import { enqueueNotification, queueMail } from "./notifications.service.ts";

// A stand-in for Expo's push API: records requests, answers what the test sets.
interface PushRequest {
  authorization: string | undefined;
  messages: { to: string; title: string; body: string }[];
}
const pushRequests: PushRequest[] = [];
let pushAnswer: { status: number; body: unknown } = { status: 200, body: { data: [] } };
let expo: Server;

const LAPSE_SECONDS = 2;
let t: TestApp;
let user: SignedUpUser;
let sequence = 0;

function payload(overrides: Partial<NotificationPayload> = {}): NotificationPayload {
  sequence += 1;
  return {
    userId: user.id,
    type: "referral",
    title: `Referral update ${sequence}`,
    body: `Your friend moved along <${sequence}>.`,
    dedupeKey: `delivery-test:${sequence}`,
    ...overrides,
  };
}

async function send(item: NotificationPayload): Promise<void> {
  await t.ctx.db.transaction((tx) => enqueueNotification(t.ctx, tx, item));
}

const rowsFor = (dedupeKey: string) =>
  t.ctx.db.select().from(notifications).where(eq(notifications.dedupeKey, dedupeKey));
const mailsFor = (subject: string) =>
  t.ctx.db
    .select()
    .from(devMailbox)
    .where(and(eq(devMailbox.to, user.email), eq(devMailbox.subject, subject)));
async function deliveries(dedupeKey: string): Promise<Record<string, string>> {
  const rows = await t.ctx.db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.dedupeKey, dedupeKey));
  return Object.fromEntries(rows.map((row) => [row.channel, row.status]));
}
async function setPreferences(notificationsPrefs: Record<string, Record<string, boolean>>) {
  const response = await t.app.inject({
    method: "PATCH",
    url: "/api/users/me/profile",
    headers: user.headers,
    payload: { preferences: { notifications: notificationsPrefs } },
  });
  expect(response.statusCode).toBe(200);
}

beforeAll(async () => {
  expo = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      pushRequests.push({ authorization: request.headers.authorization, messages: JSON.parse(raw) });
      response.writeHead(pushAnswer.status, { "content-type": "application/json" });
      response.end(JSON.stringify(pushAnswer.body));
    });
  });
  await new Promise<void>((resolve) => expo.listen(0, "127.0.0.1", resolve));
  const { port } = expo.address() as AddressInfo;
  t = await createTestApp({
    // Claims lapse after 2 s here (15 s by default), so the crash cases below run in seconds.
    DELIVERY_CLAIM_LAPSE_SECONDS: String(LAPSE_SECONDS),
    EXPO_PUSH_URL: `http://127.0.0.1:${port}/--/api/v2/push/send`,
    EXPO_ACCESS_TOKEN: "expo-access-token",
  });
  user = await signUp(t);
  await t.drain();
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => expo.close(resolve));
});
beforeEach(async () => {
  pushRequests.length = 0;
  pushAnswer = { status: 200, body: { data: [] } };
  await t.ctx.db.delete(pushTokens);
  await setPreferences({ referral: { inApp: true, email: true, push: true } });
});

describe("notification delivery", () => {
  it("delivers in-app and by email (dev mailbox without SMTP, text and HTML), push skipped without devices", async () => {
    const item = payload();
    await send(item);
    await t.drain();
    expect(await rowsFor(item.dedupeKey)).toHaveLength(1);
    const [mail] = await mailsFor(item.title);
    expect(mail?.text).toContain(item.body);
    expect(mail?.html).toContain("&lt;");
    expect(await deliveries(item.dedupeKey)).toEqual({ inApp: "sent", email: "sent", push: "skipped" });
  });

  it("honours a preference that turns in-app off: no row, the delivery recorded as skipped", async () => {
    await setPreferences({ referral: { inApp: false } });
    const item = payload();
    await send(item);
    await t.drain();
    expect(await rowsFor(item.dedupeKey)).toHaveLength(0);
    expect(await mailsFor(item.title)).toHaveLength(1);
    expect(await deliveries(item.dedupeKey)).toMatchObject({ inApp: "skipped", email: "sent" });
  });

  it("honours a preference that turns email off: no mail", async () => {
    await setPreferences({ referral: { email: false } });
    const item = payload();
    await send(item);
    await t.drain();
    expect(await rowsFor(item.dedupeKey)).toHaveLength(1);
    expect(await mailsFor(item.title)).toHaveLength(0);
    expect(await deliveries(item.dedupeKey)).toMatchObject({ inApp: "sent", email: "skipped" });
  });

  it("does nothing when the enclosing transaction rolls back", async () => {
    const item = payload();
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueNotification(t.ctx, tx, item);
        throw new Error("the business change failed");
      }),
    ).rejects.toThrow("the business change failed");
    expect(await t.drain()).toBe(0);
    expect(await rowsFor(item.dedupeKey)).toHaveLength(0);
    expect(await mailsFor(item.title)).toHaveLength(0);
    expect(await deliveries(item.dedupeKey)).toEqual({});
  });

  it("delivers exactly once after a worker crash between claiming and finishing the job", async () => {
    const item = payload();
    await send(item);
    const [job] = (await t.ctx.queue.fetch(deliverNotificationJob)) as {
      id: string;
      data: NotificationPayload;
    }[];
    expect(job?.data.dedupeKey).toBe(item.dedupeKey);
    // The worker does the work, then dies before it can complete the job.
    await deliverNotificationJob.handler(deliverNotificationJob.payload.parse(job!.data), t.ctx);
    // pg-boss notices (expiry) and puts the job back for another attempt.
    await t.ctx.queue.fail(deliverNotificationJob, job!.id, "worker crashed");
    const deadline = Date.now() + 10_000;
    let redelivered = 0;
    while (redelivered === 0 && Date.now() < deadline) {
      redelivered = await t.drain();
      if (redelivered === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(redelivered).toBe(1);
    expect(await rowsFor(item.dedupeKey)).toHaveLength(1);
    expect(await mailsFor(item.title)).toHaveLength(1);
    expect(await deliveries(item.dedupeKey)).toEqual({ inApp: "sent", email: "sent", push: "skipped" });
  });

  it("resends an email whose claim's heartbeat lapsed (a crash mid-send), but not one being sent right now", async () => {
    const item = payload();
    const emailRow = and(
      eq(notificationDeliveries.dedupeKey, item.dedupeKey),
      eq(notificationDeliveries.channel, "email"),
    );
    await t.ctx.db.insert(notificationDeliveries).values({
      dedupeKey: item.dedupeKey,
      userId: user.id,
      channel: "email",
      status: "pending",
      heartbeatAt: new Date(),
    });
    // Another worker is alive and sending: it keeps renewing its claim.
    const live = setInterval(() => {
      t.ctx.db
        .update(notificationDeliveries)
        .set({ heartbeatAt: new Date() })
        .where(emailRow)
        .catch(() => {});
    }, 200);
    try {
      await expect(deliverNotification(item, t.ctx)).rejects.toThrow(/in progress/);
    } finally {
      clearInterval(live);
    }
    expect(await mailsFor(item.title)).toHaveLength(0);
    expect(await rowsFor(item.dedupeKey)).toHaveLength(1);

    // That worker died: its claim lapses and this retry sends the mail, once.
    await deliverNotification(item, t.ctx);
    await deliverNotification(item, t.ctx);
    expect(await mailsFor(item.title)).toHaveLength(1);
    expect(await rowsFor(item.dedupeKey)).toHaveLength(1);
    expect((await deliveries(item.dedupeKey)).email).toBe("sent");
  });

  it("takes over a claim whose heartbeat already lapsed without waiting", async () => {
    const item = payload();
    await t.ctx.db.insert(notificationDeliveries).values({
      dedupeKey: item.dedupeKey,
      userId: user.id,
      channel: "email",
      status: "pending",
      heartbeatAt: new Date(Date.now() - (LAPSE_SECONDS + 60) * 1000),
    });
    const started = Date.now();
    await deliverNotification(item, t.ctx);
    expect(Date.now() - started).toBeLessThan(LAPSE_SECONDS * 1000);
    expect(await mailsFor(item.title)).toHaveLength(1);
  });

  it("renews the claim while a slow e-mail is being sent, so no other worker takes it over", async () => {
    const item = payload();
    const heartbeat = async () => {
      const [row] = await t.ctx.db
        .select({ heartbeatAt: notificationDeliveries.heartbeatAt })
        .from(notificationDeliveries)
        .where(
          and(
            eq(notificationDeliveries.dedupeKey, item.dedupeKey),
            eq(notificationDeliveries.channel, "email"),
          ),
        );
      return row?.heartbeatAt?.getTime() ?? 0;
    };
    const first = { at: 0 };
    const slow: AppContext = {
      ...t.ctx,
      mailer: {
        ...t.ctx.mailer,
        // Outlasts the lapse: a second worker trying meanwhile must find the claim still held.
        send: async (mail) => {
          first.at = await heartbeat();
          await expect(deliverNotification(item, t.ctx)).rejects.toThrow(/in progress/);
          return t.ctx.mailer.send(mail);
        },
      },
    };
    await deliverNotification(item, slow);
    expect(await heartbeat()).toBeGreaterThan(first.at);
    expect(await mailsFor(item.title)).toHaveLength(1);
  });

  it("records a failed email and sends it on the retry instead of dropping it", async () => {
    const item = payload();
    const failing: AppContext = {
      ...t.ctx,
      mailer: { transport: "smtp", send: () => Promise.reject(new Error("SMTP down")), close: () => {} },
    };
    await expect(deliverNotification(item, failing)).rejects.toThrow("SMTP down");
    expect(await deliveries(item.dedupeKey)).toMatchObject({ inApp: "sent", email: "failed" });
    await deliverNotification(item, t.ctx);
    expect(await mailsFor(item.title)).toHaveLength(1);
    expect((await deliveries(item.dedupeKey)).email).toBe("sent");
    expect(await rowsFor(item.dedupeKey)).toHaveLength(1);
  });
});

describe("e-mail resends", () => {
  it("sends a mail again under the same Message-ID when the send's outcome was lost, and the mailbox keeps it once", async () => {
    const item = payload();
    const sent: (string | undefined)[] = [];
    const crashing: AppContext = {
      ...t.ctx,
      mailer: {
        ...t.ctx.mailer,
        // The server took the mail, then the answer was lost (the worker died, the socket dropped).
        send: async (mail) => {
          sent.push(mail.messageId);
          await t.ctx.mailer.send(mail);
          throw new Error("connection lost after DATA");
        },
      },
    };
    await expect(deliverNotification(item, crashing)).rejects.toThrow("connection lost");
    const recording: AppContext = {
      ...t.ctx,
      mailer: {
        ...t.ctx.mailer,
        send: (mail) => {
          sent.push(mail.messageId);
          return t.ctx.mailer.send(mail);
        },
      },
    };
    await deliverNotification(item, recording);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^<[0-9a-f]{32}@referral\.local>$/);
    expect(sent[1]).toBe(sent[0]);
    const mails = await mailsFor(item.title);
    expect(mails.map((mail) => mail.messageId)).toEqual([sent[0]]);
    expect((await deliveries(item.dedupeKey)).email).toBe("sent");
  });

  it("gives two notifications with the same words two Message-IDs: both are kept", async () => {
    const first = payload();
    const second = payload({ title: first.title, body: first.body });
    await deliverNotification(first, t.ctx);
    await deliverNotification(second, t.ctx);
    const ids = (await mailsFor(first.title)).map((mail) => mail.messageId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it("fixes a queued mail's Message-ID when it is queued, so a job run twice sends one message", async () => {
    const subject = `Invitation ${sequence++}`;
    await queueMail(t.ctx, { to: user.email, subject, text: "Join us." });
    const [job] = (await t.ctx.queue.fetch(sendEmailJob)) as { id: string; data: unknown }[];
    const mail = sendEmailJob.payload.parse(job!.data);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@referral\.local>$/);
    // The worker sent it, then died before completing the job: the job runs again.
    await sendEmailJob.handler(mail, t.ctx);
    await sendEmailJob.handler(mail, t.ctx);
    await t.ctx.queue.complete(sendEmailJob, job!.id);
    expect(await mailsFor(subject)).toHaveLength(1);
  });

  it("retries recording a sent mail through a brief database outage instead of sending it again", async () => {
    const item = payload();
    let failUpdates = 0;
    // The same database, but the next writes fail as if the connection had just been cut.
    const db = Object.create(t.ctx.db) as AppContext["db"];
    db.update = ((...args: Parameters<AppContext["db"]["update"]>) => {
      if (failUpdates > 0) {
        failUpdates -= 1;
        throw new Error("terminating connection due to administrator command");
      }
      return t.ctx.db.update(...args);
    }) as AppContext["db"]["update"];
    let sends = 0;
    const cut: AppContext = {
      ...t.ctx,
      db,
      mailer: {
        ...t.ctx.mailer,
        send: async (mail) => {
          sends += 1;
          await t.ctx.mailer.send(mail);
          failUpdates = 2;
        },
      },
    };
    await deliverNotification(item, cut);
    expect(sends).toBe(1);
    expect(failUpdates).toBe(0);
    expect(await mailsFor(item.title)).toHaveLength(1);
    expect((await deliveries(item.dedupeKey)).email).toBe("sent");
  });
});

describe("push delivery", () => {
  const token = "ExponentPushToken[delivery-test]";
  const stale = "ExponentPushToken[gone]";

  beforeEach(async () => {
    await t.ctx.db.insert(pushTokens).values([
      { token, userId: user.id, platform: "ios" },
      { token: stale, userId: user.id, platform: "android" },
    ]);
  });

  it("posts to Expo with the access token, records it sent and forgets unregistered devices", async () => {
    pushAnswer = {
      status: 200,
      body: {
        data: [
          { status: "ok", id: "ticket-1" },
          { status: "error", message: "not registered", details: { error: "DeviceNotRegistered" } },
        ],
      },
    };
    const item = payload();
    await deliverNotification(item, t.ctx);
    expect(pushRequests).toHaveLength(1);
    expect(pushRequests[0]!.authorization).toBe("Bearer expo-access-token");
    expect(pushRequests[0]!.messages).toMatchObject([
      { to: token, title: item.title, body: item.body },
      { to: stale, title: item.title },
    ]);
    expect((await deliveries(item.dedupeKey)).push).toBe("sent");
    const left = await t.ctx.db.select({ token: pushTokens.token }).from(pushTokens);
    expect(left).toEqual([{ token }]);
    await deliverNotification(item, t.ctx);
    expect(pushRequests).toHaveLength(1);
  });

  it("retries when Expo is unavailable and records the outcome", async () => {
    pushAnswer = { status: 503, body: { errors: [{ message: "busy" }] } };
    const item = payload();
    await expect(deliverNotification(item, t.ctx)).rejects.toThrow(/503/);
    expect((await deliveries(item.dedupeKey)).push).toBe("failed");
    pushAnswer = { status: 200, body: { data: [{ status: "ok" }, { status: "ok" }] } };
    await deliverNotification(item, t.ctx);
    expect(pushRequests).toHaveLength(2);
    expect((await deliveries(item.dedupeKey)).push).toBe("sent");
  });

  it("skips push when it is turned off or not configured", async () => {
    await setPreferences({ referral: { push: false } });
    const off = payload();
    await deliverNotification(off, t.ctx);
    await setPreferences({ referral: { push: true } });
    const unconfigured = payload();
    await deliverNotification(unconfigured, {
      ...t.ctx,
      config: { ...t.ctx.config, expoPushUrl: undefined },
    });
    expect(pushRequests).toHaveLength(0);
    const rows = await t.ctx.db
      .select({
        key: notificationDeliveries.dedupeKey,
        status: notificationDeliveries.status,
        detail: notificationDeliveries.detail,
      })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.channel, "push"));
    expect(rows).toEqual(
      expect.arrayContaining([
        { key: off.dedupeKey, status: "skipped", detail: "turned off" },
        { key: unconfigured.dedupeKey, status: "skipped", detail: "push not configured" },
      ]),
    );
  });
});
