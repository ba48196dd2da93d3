import type { CaseTimelineEntry } from "@referral-app/shared/schemas/case";
import type { Conversation, Message } from "@referral-app/shared/schemas/conversation";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

// The case timeline lists the case's consultation messages, to the conversation's participants only.

let t: TestApp;
let consultant: SignedUpUser;
let otherStaff: SignedUpUser;
let client: SignedUpUser;
let caseId: string;
let conversation: Conversation;

const call = (method: "GET" | "POST" | "DELETE", url: string, user: SignedUpUser, payload?: object) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

async function send(user: SignedUpUser, body: string): Promise<Message> {
  const response = await call("POST", `/api/conversations/${conversation.id}/messages`, user, { body });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: Message }>(response).data;
}

async function timeline(user: SignedUpUser): Promise<CaseTimelineEntry[]> {
  const response = await call("GET", `/api/cases/${caseId}/timeline`, user);
  expect(response.statusCode, response.body).toBe(200);
  return json<{ data: CaseTimelineEntry[] }>(response).data;
}

beforeAll(async () => {
  t = await createTestApp();
  consultant = await signUp(t, { role: "staff", name: "Sam Consultant" });
  otherStaff = await signUp(t, { role: "staff", name: "Olga Staff" });
  client = await signUp(t, { name: "Priya Client" });
  const [row] = await t.ctx.db.select().from(cases).where(eq(cases.clientId, client.id));
  caseId = row!.id;
  await t.ctx.db.update(cases).set({ consultantId: consultant.id }).where(eq(cases.id, caseId));
  const opened = await call("POST", "/api/conversations", client, { type: "consultation", caseId });
  expect(opened.statusCode, opened.body).toBe(201);
  conversation = json<{ data: Conversation }>(opened).data;
});
afterAll(() => t.close());

describe("GET /api/cases/:id/timeline with consultation messages", () => {
  it("lists each message with its author, time, first line and thread, oldest first among the entries", async () => {
    const question = await send(client, "\nWhere is my case?\nI sent the forms last week.");
    const answer = await send(consultant, "It is with the embassy.");
    for (const user of [client, consultant]) {
      const entries = await timeline(user);
      const messageEntries = entries.filter((entry) => entry.kind === "message");
      expect(messageEntries.map((entry) => entry.id)).toEqual([question.id, answer.id]);
      expect(messageEntries[0]).toMatchObject({
        actorName: "Priya Client",
        createdAt: question.createdAt,
        visibility: "client",
        data: { conversationId: conversation.id, messageId: question.id, firstLine: "Where is my case?" },
      });
      expect(messageEntries[1]!.actorName).toBe("Sam Consultant");
      // The case's own entries ("opened") come before the later messages.
      expect(entries[0]!.kind).toBe("opened");
      const times = entries.map((entry) => entry.createdAt);
      expect(times).toEqual([...times].sort());
    }
  });

  it("leaves deleted messages out", async () => {
    const mistake = await send(client, "Sent to the wrong thread");
    expect((await call("DELETE", `/api/messages/${mistake.id}`, client)).statusCode).toBe(200);
    expect((await timeline(client)).some((entry) => entry.id === mistake.id)).toBe(false);
  });

  it("shows nothing of the messages to staff who are not in the conversation", async () => {
    const entries = await timeline(otherStaff);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((entry) => entry.kind === "message")).toBe(false);
    expect(JSON.stringify(entries)).not.toContain("Where is my case?");
  });
});
