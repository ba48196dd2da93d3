import type { Conversation, InboxItem, Message, SavedReply } from "@referral-app/shared/schemas/conversation";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, conversations } from "../../db/schema/index.ts";
import { addBusinessHours } from "../../lib/business-days.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { getInbox } from "./inbox.service.ts";

let t: TestApp;
let staff: SignedUpUser;
let colleague: SignedUpUser;
let admin: SignedUpUser;
let client: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff", name: "Sam Staff" });
  colleague = await signUp(t, { role: "staff", name: "Cleo Colleague" });
  admin = await signUp(t, { role: "admin", name: "Ada Admin" });
  client = await signUp(t, { name: "Priya Client" });
});
afterAll(() => t.close());

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  user: SignedUpUser,
  payload?: unknown,
) => t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload: payload as object } : {}) });

async function askSupport(subject: string): Promise<Conversation> {
  const response = await call("POST", "/api/conversations", client, { type: "support", subject });
  expect(response.statusCode, response.body).toBe(201);
  const conversation = json<{ data: Conversation }>(response).data;
  await call("POST", `/api/conversations/${conversation.id}/messages`, client, { body: `About ${subject}` });
  return conversation;
}

const inbox = async (query = "") =>
  json<{ data: InboxItem[] }>(await call("GET", `/api/admin/inbox${query}`, staff)).data;

const actorOf = (user: SignedUpUser) => ({
  id: user.id,
  email: user.email,
  name: "",
  role: "staff" as const,
  partnerOrganizationId: null,
});

describe("GET /api/admin/inbox", () => {
  it("lists support conversations for staff only, without letting them read a thread they have not taken", async () => {
    const conversation = await askSupport("Fees");
    const item = (await inbox()).find((entry) => entry.id === conversation.id);
    expect(item).toMatchObject({ state: "open", assignee: null, isParticipant: false, messageCount: 1 });
    expect(item?.client).toMatchObject({ id: client.id, name: "Priya Client" });
    expect((await call("GET", `/api/conversations/${conversation.id}`, staff)).statusCode).toBe(404);
    expect((await call("GET", "/api/admin/inbox", client)).statusCode).toBe(403);
  });

  it("flags a question without a staff answer past the first-response target as overdue", async () => {
    const conversation = await askSupport("Overdue question");
    const [row] = await t.ctx.db.select().from(conversations).where(eq(conversations.id, conversation.id));
    // 4 business hours by default.
    const due = row!.firstResponseDueAt!;
    expect(due.getTime()).toBeGreaterThan(row!.createdAt.getTime());
    const find = (items: InboxItem[]) => items.find((entry) => entry.id === conversation.id);
    const before = await getInbox(t.ctx, actorOf(staff), {}, new Date(due.getTime() - 60_000));
    expect(find(before.items)?.overdue).toBe(false);
    const after = await getInbox(t.ctx, actorOf(staff), { overdue: true }, new Date(due.getTime() + 60_000));
    expect(find(after.items)?.overdue).toBe(true);

    // Taking it and answering stops the clock, and the conversation now waits on the client.
    await call("PATCH", `/api/admin/conversations/${conversation.id}`, staff, { assigneeId: staff.id });
    await call("POST", `/api/conversations/${conversation.id}/messages`, staff, {
      body: "Here is the answer",
    });
    const answered = await getInbox(t.ctx, actorOf(staff), {}, new Date(due.getTime() + 60_000));
    expect(find(answered.items)).toMatchObject({
      overdue: false,
      state: "waiting_on_client",
      firstRespondedAt: expect.any(String),
    });
    // A client's reply reopens it.
    await call("POST", `/api/conversations/${conversation.id}/messages`, client, {
      body: "Thanks, one more thing",
    });
    expect(find(await inbox())?.state).toBe("open");
  });

  it("uses the admin-set first-response hours", async () => {
    const saved = await call("PATCH", "/api/admin/settings", admin, { supportFirstResponseHours: 8 });
    expect(saved.statusCode, saved.body).toBe(200);
    const conversation = await askSupport("Eight hours");
    const item = (await inbox()).find((entry) => entry.id === conversation.id)!;
    const [row] = await t.ctx.db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(item.firstResponseDueAt).toBe(addBusinessHours(row!.createdAt, 8).toISOString());
    await call("PATCH", "/api/admin/settings", admin, { supportFirstResponseHours: 4 });
  });
});

describe("PATCH /api/admin/conversations/:id", () => {
  it("takes a conversation, assigns it to a colleague (who joins it) and changes its state", async () => {
    const conversation = await askSupport("Assignment");
    const taken = await call("PATCH", `/api/admin/conversations/${conversation.id}`, staff, {
      assigneeId: staff.id,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(json<{ data: InboxItem }>(taken).data).toMatchObject({
      assignee: { id: staff.id },
      isParticipant: true,
    });
    expect((await call("GET", `/api/conversations/${conversation.id}`, staff)).statusCode).toBe(200);

    const handed = await call("PATCH", `/api/admin/conversations/${conversation.id}`, staff, {
      assigneeId: colleague.id,
      state: "closed",
    });
    expect(json<{ data: InboxItem }>(handed).data).toMatchObject({
      assignee: { id: colleague.id },
      state: "closed",
    });
    expect((await call("GET", `/api/conversations/${conversation.id}`, colleague)).statusCode).toBe(200);
    expect((await inbox("?assignee=unassigned")).some((entry) => entry.id === conversation.id)).toBe(false);
    expect((await inbox("?state=closed")).map((entry) => entry.id)).toContain(conversation.id);
  });

  it("refuses a client as assignee, and anything that is not a support conversation", async () => {
    const conversation = await askSupport("Bad assignee");
    const bad = await call("PATCH", `/api/admin/conversations/${conversation.id}`, staff, {
      assigneeId: client.id,
    });
    expect(bad.statusCode).toBe(400);
    const group = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", staff, { type: "group", participantIds: [client.id] }),
    ).data;
    const notInbox = await call("PATCH", `/api/admin/conversations/${group.id}`, staff, { state: "closed" });
    expect(notInbox.statusCode).toBe(404);
    expect((await call("PATCH", `/api/admin/conversations/${conversation.id}`, staff, {})).statusCode).toBe(
      400,
    );
  });
});

describe("GET and POST /api/admin/saved-replies", () => {
  it("lets admins keep replies and staff use them", async () => {
    const created = await call("POST", "/api/admin/saved-replies", admin, {
      title: "Documents received",
      body: "We have your documents and will review them within two business days.",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await call("POST", "/api/admin/saved-replies", staff, { title: "x", body: "y" })).statusCode,
    ).toBe(403);
    const list = json<{ data: SavedReply[] }>(await call("GET", "/api/admin/saved-replies", staff)).data;
    expect(list.map((reply) => reply.title)).toContain("Documents received");
    expect((await call("GET", "/api/admin/saved-replies", client)).statusCode).toBe(403);
  });
});

describe("PATCH and DELETE /api/admin/saved-replies/:id", () => {
  async function keep(title: string): Promise<SavedReply> {
    const created = await call("POST", "/api/admin/saved-replies", admin, { title, body: `${title} body` });
    expect(created.statusCode, created.body).toBe(201);
    return json<{ data: SavedReply }>(created).data;
  }
  const titles = async () =>
    json<{ data: SavedReply[] }>(await call("GET", "/api/admin/saved-replies", staff)).data.map(
      (r) => r.title,
    );
  const audits = (entityId: string) =>
    t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));

  it("lets an admin change a reply's title or body, audited with before and after", async () => {
    const reply = await keep("Fees");
    const changed = await call("PATCH", `/api/admin/saved-replies/${reply.id}`, admin, {
      body: "Our fees are on the website.",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json<{ data: SavedReply }>(changed).data).toMatchObject({
      id: reply.id,
      title: "Fees",
      body: "Our fees are on the website.",
    });
    const rows = await audits(reply.id);
    const updated = rows.find((row) => row.action === "saved_reply.updated");
    expect(updated?.before).toMatchObject({ body: "Fees body" });
    expect(updated?.after).toMatchObject({ body: "Our fees are on the website." });
  });

  it("lets an admin delete a reply, audited; staff and clients may do neither", async () => {
    const reply = await keep("Holidays");
    for (const user of [staff, client]) {
      expect(
        (await call("PATCH", `/api/admin/saved-replies/${reply.id}`, user, { title: "x" })).statusCode,
      ).toBe(403);
      expect((await call("DELETE", `/api/admin/saved-replies/${reply.id}`, user)).statusCode).toBe(403);
    }
    expect(await titles()).toContain("Holidays");
    const deleted = await call("DELETE", `/api/admin/saved-replies/${reply.id}`, admin);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await titles()).not.toContain("Holidays");
    expect((await audits(reply.id)).map((row) => row.action)).toContain("saved_reply.deleted");
    // Deleting it again, or changing it, answers 404.
    expect((await call("DELETE", `/api/admin/saved-replies/${reply.id}`, admin)).statusCode).toBe(404);
    expect(
      (await call("PATCH", `/api/admin/saved-replies/${reply.id}`, admin, { title: "x" })).statusCode,
    ).toBe(404);
  });

  it("rejects an empty change or a blank title with 400 and changes nothing", async () => {
    const reply = await keep("Visas");
    for (const payload of [{}, { title: "  " }, { title: "Ok", extra: 1 }]) {
      const response = await call("PATCH", `/api/admin/saved-replies/${reply.id}`, admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await titles()).toContain("Visas");
    expect((await call("DELETE", "/api/admin/saved-replies/not-an-id", admin)).statusCode).toBe(404);
  });
});

describe("GET /api/cases/:id/conversation", () => {
  it("shows the case's consultation to staff and the client, and 404 to others", async () => {
    const cases = json<{ data: { id: string }[] }>(await call("GET", "/api/users/me/cases", client)).data;
    const caseId = cases[0]!.id;
    const before = await call("GET", `/api/cases/${caseId}/conversation`, client);
    expect(json<{ data: null }>(before).data).toBeNull();
    const opened = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", client, { type: "consultation", caseId }),
    ).data;
    await call("POST", `/api/conversations/${opened.id}/messages`, client, { body: "Hello consultant" });
    const staffView = json<{ data: { id: string; isParticipant: boolean; messageCount: number } }>(
      await call("GET", `/api/cases/${caseId}/conversation`, colleague),
    ).data;
    expect(staffView).toMatchObject({ id: opened.id, isParticipant: false, messageCount: 1 });
    const other = await signUp(t);
    expect((await call("GET", `/api/cases/${caseId}/conversation`, other)).statusCode).toBe(404);
    const messages = json<{ data: Message[] }>(
      await call("GET", `/api/conversations/${opened.id}/messages`, client),
    ).data;
    expect(messages.map((m) => m.body)).toEqual(["Hello consultant"]);
  });
});
