import type { Conversation } from "@referral-app/shared/schemas/conversation";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, devMailbox, notifications } from "../../db/schema/index.ts";
import { renderMessage } from "../../lib/messages.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { sendUnreadDigests } from "../messages/messages.service.ts";

// Work notifications (notes, tasks, rewards) and message digests are written for the person who
// reads them: a Spanish-speaking client hears in Spanish what an English-speaking consultant did.

let t: TestApp;
let staff: SignedUpUser;
let client: SignedUpUser;
let english: SignedUpUser;

const call = (method: "POST" | "PATCH", url: string, user: SignedUpUser, payload: object) =>
  t.app.inject({ method, url, headers: user.headers, payload });

async function caseOf(user: SignedUpUser) {
  const [row] = await t.ctx.db
    .select({ id: cases.id, number: cases.number })
    .from(cases)
    .where(eq(cases.clientId, user.id));
  return row!;
}

const inAppOf = (user: SignedUpUser, dedupe: string) =>
  t.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.dedupeKey, dedupe)));

const mailsTo = (user: SignedUpUser) =>
  t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, user.email)).orderBy(desc(devMailbox.createdAt));

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff", name: "Sam Consultant" });
  await call("PATCH", "/api/users/me/profile", staff, { preferences: { language: "en" } });
  client = await signUp(t, { name: "Lucía" });
  await call("PATCH", "/api/users/me/profile", client, { preferences: { language: "es" } });
  english = await signUp(t, { name: "Emma" });
});
afterAll(() => t.close());

describe("work notifications in the recipient's language", () => {
  it("a note and a task from an English-speaking consultant reach a Spanish-speaking client in Spanish", async () => {
    const own = await caseOf(client);
    const note = await call("POST", `/api/admin/cases/${own.id}/notes`, staff, {
      body: "Please bring the original passport.",
      visibility: "client",
    });
    expect(note.statusCode, note.body).toBe(201);
    const task = await call("POST", `/api/admin/cases/${own.id}/tasks`, staff, {
      title: "Sign the form",
      assignee: { kind: "client" },
      dueAt: "2030-03-05T00:00:00Z",
    });
    expect(task.statusCode, task.body).toBe(201);
    await t.drain();

    const noteId = json<{ data: { id: string } }>(note).data.id;
    const [inApp] = await inAppOf(client, `case:${own.id}:note:${noteId}:${client.id}`);
    expect(inApp).toMatchObject({
      title: `Nueva nota en el caso ${own.number}`,
      body: "Please bring the original passport.",
    });
    const taskId = json<{ data: { id: string } }>(task).data.id;
    const [taskNotice] = await inAppOf(client, `case:${own.id}:task:${taskId}:${client.id}`);
    expect(taskNotice).toMatchObject({
      title: "Nueva tarea",
      body: `Sign the form (caso ${own.number}), con vencimiento el 5 mar 2030.`,
    });
    const subjects = (await mailsTo(client)).map((mail) => mail.subject);
    expect(subjects).toContain(`Nueva nota en el caso ${own.number}`);

    // The same note to an English-speaking client stays in English.
    const theirs = await caseOf(english);
    const other = await call("POST", `/api/admin/cases/${theirs.id}/notes`, staff, {
      body: "Welcome.",
      visibility: "client",
    });
    await t.drain();
    const otherId = json<{ data: { id: string } }>(other).data.id;
    const [englishNotice] = await inAppOf(english, `case:${theirs.id}:note:${otherId}:${english.id}`);
    expect(englishNotice?.title).toBe(`New note on case ${theirs.number}`);
  });

  it("an unread-messages digest from an English-speaking sender is written in Spanish", async () => {
    const group = json<{ data: Conversation }>(
      await call("POST", "/api/conversations", staff, {
        type: "group",
        subject: "Documentos",
        participantIds: [client.id],
      }),
    ).data;
    const sent = await call("POST", `/api/conversations/${group.id}/messages`, staff, {
      body: "Your appointment is on Tuesday",
    });
    expect(sent.statusCode).toBe(201);
    expect(await sendUnreadDigests(t.ctx, new Date(Date.now() + 16 * 60_000))).toBe(1);
    await t.drain();
    const digest = (await mailsTo(client)).find((mail) => mail.text.includes(`/messages/${group.id}`));
    expect(digest?.subject).toBe("1 mensaje sin leer en “Documentos”");
    expect(digest?.text).toContain("Sam Consultant: Your appointment is on Tuesday");
  });

  it("reward notices are rendered with the recipient's words and number format", () => {
    const params = { amountMinor: "2500", currency: "EUR", reason: "duplicate referral" };
    expect(renderMessage("es", "reward.reversed", params)).toEqual({
      title: "Recompensa anulada",
      // Intl puts a no-break space before the euro sign.
      body: "Su recompensa de 25,00\u00a0€ fue anulada. Motivo: duplicate referral",
    });
    expect(renderMessage("en", "reward.paid", params).body).toBe("Your reward of €25.00 has been paid.");
  });
});
