import type { Conversation, Message } from "@referral-app/shared/schemas/conversation";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox, notificationDeliveries } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { sendUnansweredSupportSummary, sendUnreadDigests } from "./message-notifications.ts";
import { unreadDigestsJob } from "./messages.jobs.ts";

let t: TestApp;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff", name: "Sam Staff" });
});
afterAll(() => t.close());

const call = (method: "GET" | "POST" | "PATCH", url: string, user: SignedUpUser, payload?: unknown) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload: payload as object } : {}) });

async function groupWith(user: SignedUpUser, subject: string): Promise<Conversation> {
  const response = await call("POST", "/api/conversations", staff, {
    type: "group",
    subject,
    participantIds: [user.id],
  });
  return json<{ data: Conversation }>(response).data;
}

async function send(conversationId: string, user: SignedUpUser, body: string): Promise<Message> {
  const response = await call("POST", `/api/conversations/${conversationId}/messages`, user, { body });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: Message }>(response).data;
}

// Sign-up sent each a verification mail too; digests are the mails that link to a conversation.
const mailTo = async (user: SignedUpUser) =>
  (await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, user.email))).filter((mail) =>
    mail.text.includes("/messages"),
  );
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("unread digests", () => {
  it("sends exactly one e-mail per conversation, not one per message, 15 minutes on", async () => {
    const client = await signUp(t, { name: "Priya Client" });
    const first = await groupWith(client, "Visa documents");
    const second = await groupWith(client, "Family application");
    for (const body of ["Please send the passport scan", "And the bank statement", "Thanks!"])
      await send(first.id, staff, body);
    await send(second.id, staff, "Your family's forms are ready");

    // Not yet 15 minutes: nothing.
    expect(await sendUnreadDigests(t.ctx, minutesFromNow(10))).toBe(0);
    expect(await sendUnreadDigests(t.ctx, minutesFromNow(16))).toBe(2);
    // Later runs (and more messages while still unread) add nothing.
    await send(first.id, staff, "One more thing");
    expect(await sendUnreadDigests(t.ctx, minutesFromNow(17))).toBe(0);
    expect(await sendUnreadDigests(t.ctx, minutesFromNow(60))).toBe(0);
    await t.drain();

    const mails = await mailTo(client);
    expect(mails).toHaveLength(2);
    const documents = mails.find((mail) => mail.subject.includes("Visa documents"))!;
    expect(documents.subject).toBe("3 unread messages in “Visa documents”");
    expect(documents.text).toContain("Please send the passport scan");
    expect(documents.text).toContain(`/messages/${first.id}`);
    // The staff member sent everything: they have nothing unread.
    expect(await mailTo(staff)).toHaveLength(0);
  });

  it("sends nothing for what was read in time, and starts again after a read", async () => {
    const client = await signUp(t, { name: "Quick Reader" });
    const group = await groupWith(client, "Quick");
    const message = await send(group.id, staff, "Read me");
    await call("POST", `/api/conversations/${group.id}/read`, client, { upToMessageId: message.id });
    expect(await sendUnreadDigests(t.ctx, minutesFromNow(16))).toBe(0);

    await send(group.id, staff, "Second round");
    // Through the job the worker runs every minute, at a chosen moment.
    await t.ctx.queue.send(unreadDigestsJob, { now: minutesFromNow(16).toISOString() });
    await t.drain();
    expect(await mailTo(client)).toHaveLength(1);
  });

  it("writes in the participant's language and honours their message e-mail preference", async () => {
    const spanish = await signUp(t, { name: "Lucía" });
    await call("PATCH", "/api/users/me/profile", spanish, { preferences: { language: "es" } });
    const quiet = await signUp(t, { name: "No Mail" });
    await call("PATCH", "/api/users/me/profile", quiet, {
      preferences: { notifications: { message: { email: false } } },
    });
    const es = await groupWith(spanish, "Citas");
    const off = await groupWith(quiet, "Silencio");
    await send(es.id, staff, "Su cita es el martes");
    await send(off.id, staff, "Hello");
    await sendUnreadDigests(t.ctx, minutesFromNow(16));
    await t.drain();

    const [mail] = await mailTo(spanish);
    expect(mail?.subject).toBe("1 mensaje sin leer en “Citas”");
    expect(mail?.text).toContain("Hola, Lucía:");
    expect(mail?.text).toContain("Tiene un mensaje");
    expect(await mailTo(quiet)).toHaveLength(0);
  });

  it("queues a push per message for the other participants (as their preference allows)", async () => {
    const client = await signUp(t, { name: "Phone User" });
    const group = await groupWith(client, "Push");
    const message = await send(group.id, staff, "On your phone");
    await t.drain();
    const deliveries = await t.ctx.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.dedupeKey, `message:${message.id}:${client.id}`));
    // No push service in tests: recorded as skipped, on the push channel only (no in-app, no e-mail).
    expect(deliveries.map((row) => row.channel)).toEqual(["push"]);
  });
});

describe("daily unanswered support summary", () => {
  it("tells each staff member once a day which support questions wait for an answer", async () => {
    const client = await signUp(t, { name: "Waiting Client" });
    const support = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", client, { type: "support", subject: "Still waiting" }),
    ).data;
    await send(support.id, client, "Anyone there?");
    const morning = new Date();
    expect(await sendUnansweredSupportSummary(t.ctx, morning)).toBeGreaterThan(0);
    await sendUnansweredSupportSummary(t.ctx, morning);
    await t.drain();
    const mails = (await mailTo(staff)).filter((mail) => mail.subject.includes("waiting for an answer"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Still waiting");
  });
});
