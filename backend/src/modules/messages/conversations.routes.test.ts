import type { Conversation, ConversationSummary, Message } from "@referral-app/shared/schemas/conversation";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, messages } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let consultant: SignedUpUser;
let otherStaff: SignedUpUser;
let admin: SignedUpUser;
let client: SignedUpUser;
let stranger: SignedUpUser;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  consultant = await signUp(t, { role: "staff", name: "Sam Consultant" });
  otherStaff = await signUp(t, { role: "staff", name: "Olga Staff" });
  admin = await signUp(t, { role: "admin", name: "Ada Admin" });
  client = await signUp(t, { name: "Priya Client" });
  stranger = await signUp(t, { name: "Other Client" });
  // Sign-up opened the client's first case; give it to the consultant.
  const [row] = await t.ctx.db.select().from(cases).where(eq(cases.clientId, client.id));
  caseId = row!.id;
  await t.ctx.db.update(cases).set({ consultantId: consultant.id }).where(eq(cases.id, caseId));
});
afterAll(() => t.close());

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  user: SignedUpUser,
  payload?: unknown,
) => t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload: payload as object } : {}) });

async function openConsultation(user: SignedUpUser = client): Promise<Conversation> {
  const response = await call("POST", "/api/conversations", user, { type: "consultation", caseId });
  expect([200, 201], response.body).toContain(response.statusCode);
  return json<{ data: Conversation }>(response).data;
}

async function send(conversationId: string, user: SignedUpUser, body: string): Promise<Message> {
  const response = await call("POST", `/api/conversations/${conversationId}/messages`, user, { body });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: Message }>(response).data;
}

describe("POST /api/conversations", () => {
  it("opens the case's consultation between the client and the assigned consultant, once", async () => {
    const response = await call("POST", "/api/conversations", client, { type: "consultation", caseId });
    expect(response.statusCode, response.body).toBe(201);
    const conversation = json<{ data: Conversation }>(response).data;
    expect(conversation.participants.map((p) => p.userId).sort()).toEqual([client.id, consultant.id].sort());
    expect(conversation.canWrite).toBe(true);
    const again = await call("POST", "/api/conversations", consultant, { type: "consultation", caseId });
    expect(again.statusCode).toBe(200);
    expect(json<{ data: Conversation }>(again).data.id).toBe(conversation.id);
  });

  it("answers 404 to a client opening a consultation on someone else's case", async () => {
    const response = await call("POST", "/api/conversations", stranger, { type: "consultation", caseId });
    expect(response.statusCode).toBe(404);
  });

  it("refuses a client adding participants", async () => {
    const response = await call("POST", "/api/conversations", client, {
      type: "support",
      subject: "Question",
      participantIds: [stranger.id],
    });
    expect(response.statusCode).toBe(403);
    expect(json<{ error: { code: string } }>(response).error.code).toBe("FORBIDDEN");
  });

  it("lets a client open support but not a group; lets staff open a group", async () => {
    const support = await call("POST", "/api/conversations", client, { type: "support", subject: "Fees" });
    expect(support.statusCode).toBe(201);
    expect(json<{ data: Conversation }>(support).data.participants.map((p) => p.userId)).toEqual([client.id]);
    expect((await call("POST", "/api/conversations", client, { type: "group" })).statusCode).toBe(403);
    const group = await call("POST", "/api/conversations", consultant, {
      type: "group",
      subject: "Family",
      participantIds: [client.id, stranger.id],
    });
    expect(group.statusCode, group.body).toBe(201);
    expect(json<{ data: Conversation }>(group).data.participants).toHaveLength(3);
  });

  it("rejects unknown participants with a field error and opens nothing", async () => {
    const response = await call("POST", "/api/conversations", consultant, {
      type: "group",
      participantIds: ["no-such-user"],
    });
    expect(response.statusCode).toBe(400);
    expect(json<{ error: { details: { fields: object } } }>(response).error.details.fields).toHaveProperty(
      "participantIds",
    );
  });
});

describe("participant rules", () => {
  it("answers 404 to a non-participant, staff included", async () => {
    const conversation = await openConsultation();
    for (const user of [stranger, otherStaff]) {
      expect((await call("GET", `/api/conversations/${conversation.id}`, user)).statusCode).toBe(404);
      expect((await call("GET", `/api/conversations/${conversation.id}/messages`, user)).statusCode).toBe(
        404,
      );
      const post = await call("POST", `/api/conversations/${conversation.id}/messages`, user, { body: "hi" });
      expect(post.statusCode).toBe(404);
    }
  });

  it("lets an admin open any conversation with a reason, audited, read-only", async () => {
    const conversation = await openConsultation();
    const without = await call("GET", `/api/conversations/${conversation.id}`, admin);
    expect(without.statusCode).toBe(403);
    expect(json<{ error: { code: string } }>(without).error.code).toBe("REASON_REQUIRED");
    const reason = "Client complaint about a reply";
    const opened = await call(
      "GET",
      `/api/conversations/${conversation.id}?reason=${encodeURIComponent(reason)}`,
      admin,
    );
    expect(opened.statusCode, opened.body).toBe(200);
    expect(json<{ data: Conversation }>(opened).data.canWrite).toBe(false);
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "conversation.opened_by_admin"), eq(auditLog.entityId, conversation.id)),
      );
    expect(entry).toMatchObject({ actorId: admin.id, after: { reason } });
    const write = await call("POST", `/api/conversations/${conversation.id}/messages`, admin, { body: "x" });
    expect(write.statusCode).toBe(404);
  });

  it("lets other staff join a consultation", async () => {
    const conversation = await openConsultation();
    const joined = await call("POST", `/api/conversations/${conversation.id}/join`, otherStaff);
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await call("GET", `/api/conversations/${conversation.id}`, otherStaff)).statusCode).toBe(200);
    expect((await call("POST", `/api/conversations/${conversation.id}/join`, client)).statusCode).toBe(403);
  });
});

describe("POST /api/conversations/:id/messages", () => {
  it("keeps text to 5,000 characters, as plain text", async () => {
    const conversation = await openConsultation();
    const long = await call("POST", `/api/conversations/${conversation.id}/messages`, client, {
      body: "x".repeat(5001),
    });
    expect(long.statusCode).toBe(400);
    const empty = await call("POST", `/api/conversations/${conversation.id}/messages`, client, {
      body: "  ",
    });
    expect(empty.statusCode).toBe(400);
    const html = await send(conversation.id, client, "<b>bold</b> https://example.com");
    expect(html.body).toBe("<b>bold</b> https://example.com");
    expect((await send(conversation.id, client, "y".repeat(5000))).body).toHaveLength(5000);
  });

  it("gives one message for 20 concurrent sends with one Idempotency-Key", async () => {
    const conversation = await openConsultation();
    const headers = { ...client.headers, "idempotency-key": "phone-retry-1" };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: "POST",
          url: `/api/conversations/${conversation.id}/messages`,
          headers,
          payload: { body: "Is my visa ready?" },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const ids = new Set(responses.map((r) => json<{ data: Message }>(r).data.id));
    expect(ids.size).toBe(1);
    const stored = await t.ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.body, "Is my visa ready?")));
    expect(stored).toHaveLength(1);
    expect(responses.filter((r) => r.headers["idempotent-replayed"] === "true")).toHaveLength(19);
  });

  it("pages messages newest last", async () => {
    const group = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", consultant, { type: "group", participantIds: [client.id] }),
    ).data;
    for (const body of ["one", "two", "three"]) await send(group.id, consultant, body);
    const first = await call("GET", `/api/conversations/${group.id}/messages?limit=2`, client);
    const page = json<{ data: Message[]; nextCursor: string }>(first);
    expect(page.data.map((m) => m.body)).toEqual(["two", "three"]);
    const earlier = await call(
      "GET",
      `/api/conversations/${group.id}/messages?limit=2&cursor=${page.nextCursor}`,
      client,
    );
    expect(json<{ data: Message[]; nextCursor: null }>(earlier)).toMatchObject({
      data: [{ body: "one" }],
      nextCursor: null,
    });
  });
});

describe("PATCH and DELETE /api/messages/:id", () => {
  it("edits within 10 minutes, shown as edited, with the old text kept for staff", async () => {
    const conversation = await openConsultation();
    const message = await send(conversation.id, client, "Helo");
    const edited = await call("PATCH", `/api/messages/${message.id}`, client, { body: "Hello" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<{ data: Message }>(edited).data).toMatchObject({
      body: "Hello",
      editedAt: expect.any(String),
    });
    const [copy] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "message.edited"), eq(auditLog.entityId, message.id)));
    expect(copy).toMatchObject({ before: { body: "Helo" }, after: { body: "Hello" } });
    // Someone else's message is not theirs to change.
    expect((await call("PATCH", `/api/messages/${message.id}`, consultant, { body: "x" })).statusCode).toBe(
      404,
    );
  });

  it("refuses an edit after 10 minutes", async () => {
    const conversation = await openConsultation();
    const message = await send(conversation.id, client, "Old news");
    await t.ctx.db
      .update(messages)
      .set({ createdAt: new Date(Date.now() - 11 * 60 * 1000) })
      .where(eq(messages.id, message.id));
    const late = await call("PATCH", `/api/messages/${message.id}`, client, { body: "New news" });
    expect(late.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(late).error.code).toBe("MESSAGE_EDIT_WINDOW_CLOSED");
  });

  it("deletes, leaving a deleted message and an audit copy", async () => {
    const conversation = await openConsultation();
    const message = await send(conversation.id, client, "Wrong thread, sorry");
    const deleted = await call("DELETE", `/api/messages/${message.id}`, client);
    expect(deleted.statusCode).toBe(200);
    expect(json<{ data: Message }>(deleted).data).toMatchObject({ body: "", deletedAt: expect.any(String) });
    const list = json<{ data: Message[] }>(
      await call("GET", `/api/conversations/${conversation.id}/messages`, consultant),
    );
    expect(list.data.find((m) => m.id === message.id)).toMatchObject({
      body: "",
      deletedAt: expect.any(String),
    });
    const [copy] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "message.deleted"), eq(auditLog.entityId, message.id)));
    expect(copy?.before).toMatchObject({ body: "Wrong thread, sorry" });
    expect((await call("DELETE", `/api/messages/${message.id}`, client)).statusCode).toBe(409);
    expect((await call("PATCH", `/api/messages/${message.id}`, client, { body: "x" })).statusCode).toBe(409);
  });
});

describe("read receipts and unread counts", () => {
  it("counts others' unread messages per conversation and in total, and moves receipts forward only", async () => {
    const reader = await signUp(t, { name: "Reader" });
    const group = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", consultant, { type: "group", participantIds: [reader.id] }),
    ).data;
    const first = await send(group.id, consultant, "first");
    const second = await send(group.id, consultant, "second");
    await send(group.id, reader, "mine never counts");
    const unread = async () =>
      json<{ data: { count: number } }>(await call("GET", "/api/conversations/unread-count", reader)).data
        .count;
    const list = async () =>
      json<{ data: ConversationSummary[] }>(await call("GET", "/api/conversations", reader)).data;
    // Sending marks what the sender saw as read: their own message is after both.
    expect(await unread()).toBe(0);
    const third = await send(group.id, consultant, "third");
    expect(await unread()).toBe(1);
    expect((await list()).find((c) => c.id === group.id)).toMatchObject({
      unreadCount: 1,
      lastMessage: { id: third.id },
    });

    const read = await call("POST", `/api/conversations/${group.id}/read`, reader, {
      upToMessageId: third.id,
    });
    expect(json<{ data: unknown }>(read).data).toMatchObject({ unreadCount: 0, totalUnread: 0 });
    // Back to an older message: the receipt stays.
    await call("POST", `/api/conversations/${group.id}/read`, reader, { upToMessageId: first.id });
    const seen = json<{ data: Conversation }>(
      await call("GET", `/api/conversations/${group.id}`, consultant),
    ).data;
    expect(seen.participants.find((p) => p.userId === reader.id)?.lastReadMessageId).toBe(third.id);
    expect(second.id).not.toBe(third.id);

    const foreign = await openConsultation();
    const stray = await send(foreign.id, client, "not yours");
    const wrong = await call("POST", `/api/conversations/${group.id}/read`, reader, {
      upToMessageId: stray.id,
    });
    expect(wrong.statusCode).toBe(404);
  });
});

describe("GET /api/messages/search", () => {
  it("finds only messages the user may read, highlighted", async () => {
    const conversation = await openConsultation();
    await send(conversation.id, client, "My passport renewal arrived today");
    const group = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", consultant, { type: "group", participantIds: [stranger.id] }),
    ).data;
    await send(group.id, consultant, "Your passport copy is blurry");

    const mine = json<{ data: { message: Message; excerpt: { text: string; match: boolean }[] }[] }>(
      await call("GET", "/api/messages/search?q=passport", client),
    ).data;
    expect(mine.map((r) => r.message.body)).toContain("My passport renewal arrived today");
    expect(mine.map((r) => r.message.body)).not.toContain("Your passport copy is blurry");
    expect(mine[0]!.excerpt).toContainEqual({ text: "passport", match: true });

    const theirs = json<{ data: { message: Message }[] }>(
      await call("GET", "/api/messages/search?q=passport", stranger),
    ).data;
    expect(theirs.map((r) => r.message.body)).toEqual(["Your passport copy is blurry"]);
    // Staff outside the conversations find nothing either.
    const outsider = await signUp(t, { role: "staff" });
    expect(
      json<{ data: unknown[] }>(await call("GET", "/api/messages/search?q=passport", outsider)).data,
    ).toEqual([]);
    expect((await call("GET", "/api/messages/search?q=a", client)).statusCode).toBe(400);
  });
});
