import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Conversation, Message, MessageAttachment } from "@referral-app/shared/schemas/conversation";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

// A 1×1 PNG: its bytes, not its name, make it an image.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

let t: TestApp;
let dataDir: string;
let staff: SignedUpUser;
let client: SignedUpUser;
let stranger: SignedUpUser;
let group: Conversation;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "message-attachments-"));
  t = await createTestApp({ DATA_DIR: dataDir, PUBLIC_URL: "http://files.test" });
  staff = await signUp(t, { role: "staff" });
  client = await signUp(t);
  stranger = await signUp(t);
  const response = await t.app.inject({
    method: "POST",
    url: "/api/conversations",
    headers: staff.headers,
    payload: { type: "group", participantIds: [client.id] },
  });
  group = json<{ data: Conversation }>(response).data;
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

function upload(user: SignedUpUser, content: Buffer, fileName = "passport.png", conversationId = group.id) {
  const boundary = `----test${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`;
  return t.app.inject({
    method: "POST",
    url: `/api/conversations/${conversationId}/attachments`,
    headers: { ...user.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const send = (user: SignedUpUser, payload: object) =>
  t.app.inject({
    method: "POST",
    url: `/api/conversations/${group.id}/messages`,
    headers: user.headers,
    payload,
  });

describe("message attachments", () => {
  it("uploads a file, sends it with a message and gives participants an audited signed link", async () => {
    const uploaded = await upload(client, PNG);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = json<{ data: MessageAttachment }>(uploaded).data;
    expect(file).toMatchObject({ fileName: "passport.png", contentType: "image/png", size: PNG.length });

    const sent = await send(client, { body: "", attachmentIds: [file.id] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(json<{ data: Message }>(sent).data.attachments).toEqual([file]);
    // The thread's page carries the files too, in the message's own row.
    const message = json<{ data: Message }>(sent).data;
    const page = await t.app.inject({
      method: "GET",
      url: `/api/conversations/${message.conversationId}/messages?limit=50`,
      headers: staff.headers,
    });
    expect(page.statusCode, page.body).toBe(200);
    const listed = json<{ data: Message[] }>(page).data.find((item) => item.id === message.id);
    expect(listed?.attachments).toEqual([file]);
    expect(
      json<{ data: Message[] }>(page)
        .data.filter((item) => item.id !== message.id)
        .every((item) => Array.isArray(item.attachments)),
    ).toBe(true);

    const link = await t.app.inject({
      method: "GET",
      url: `/api/attachments/${file.id}/link`,
      headers: staff.headers,
    });
    expect(link.statusCode, link.body).toBe(200);
    const { url } = json<{ data: { url: string } }>(link).data;
    const download = await t.app.inject({ method: "GET", url: url.replace("http://files.test", "") });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers["content-disposition"]).toContain("passport.png");
    const audited = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "attachment.link_issued"), eq(auditLog.entityId, file.id)));
    expect(audited.map((row) => row.actorId)).toEqual([staff.id]);
  });

  it("answers 404 to a non-participant and to anyone sending someone else's upload", async () => {
    const file = json<{ data: MessageAttachment }>(await upload(client, PNG)).data;
    const link = await t.app.inject({
      method: "GET",
      url: `/api/attachments/${file.id}/link`,
      headers: stranger.headers,
    });
    expect(link.statusCode).toBe(404);
    // Not yet sent: only its uploader may fetch it.
    const pending = await t.app.inject({
      method: "GET",
      url: `/api/attachments/${file.id}/link`,
      headers: staff.headers,
    });
    expect(pending.statusCode).toBe(404);
    const theft = await send(staff, { body: "mine now", attachmentIds: [file.id] });
    expect(theft.statusCode).toBe(404);
    expect((await upload(stranger, PNG)).statusCode).toBe(404);
    // A file can go out once.
    expect((await send(client, { body: "here", attachmentIds: [file.id] })).statusCode).toBe(201);
    expect((await send(client, { body: "again", attachmentIds: [file.id] })).statusCode).toBe(404);
  });

  it("refuses a file whose bytes are not a document or a photo, keeping nothing", async () => {
    const response = await upload(client, Buffer.from("#!/bin/sh\necho hi\n"), "run.png");
    expect(response.statusCode).toBe(415);
  });
});
