import { Readable } from "node:stream";
import type { DataExport } from "@referral-app/shared/schemas/privacy";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { and, eq, sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataExports, storedFiles, users } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { storeUpload } from "../files/files.service.ts";
import { EXPORTED_BY_SECTION, EXPORTED_ROWS, NOT_EXPORTED } from "./export-tables.ts";
import { applyRetention } from "./retention.service.ts";

let t: TestApp;
let client: SignedUpUser;
let admin: SignedUpUser;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t, { name: "Exporting Client" });
  admin = await signUp(t, { role: "admin" });
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

async function requestExport(by: SignedUpUser, userId = "me"): Promise<DataExport> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/users/${userId}/data-export`,
    headers: by.headers,
  });
  expect(response.statusCode).toBe(202);
  return json<{ data: DataExport }>(response).data;
}

async function exportsOf(by: SignedUpUser, userId = "me"): Promise<DataExport[]> {
  return json<{ data: DataExport[] }>(
    await t.app.inject({ method: "GET", url: `/api/users/${userId}/data-exports`, headers: by.headers }),
  ).data;
}

async function download(by: SignedUpUser, url: string): Promise<Record<string, Uint8Array>> {
  const response = await t.app.inject({ method: "GET", url, headers: by.headers });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe("application/zip");
  return unzipSync(new Uint8Array(response.rawPayload));
}

describe("export coverage", () => {
  it("covers every column that holds a user's id (a new table with one fails here until it is added)", async () => {
    const result = await t.ctx.db.execute(sql`
      select kcu.table_name as "table", kcu.column_name as "column"
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
        and ccu.table_name = 'users' and ccu.column_name = 'id'
      union
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()
        and (column_name in ('user_id', 'client_id', 'owner_id', 'actor_id') or column_name like '%\\_user\\_id')
      union
      select 'users', 'id'`);
    const found = (result as unknown as { rows: { table: string; column: string }[] }).rows.map(
      (row) => `${row.table}.${row.column}`,
    );
    const covered = new Set([
      ...EXPORTED_ROWS.map((source) => `${source.table}.${source.column}`),
      ...Object.keys(EXPORTED_BY_SECTION),
      ...Object.keys(NOT_EXPORTED),
    ]);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((key) => !covered.has(key)).sort()).toEqual([]);
  });
});

describe("POST /api/users/:id/data-export", () => {
  it("answers 202 with a job, builds the zip in the queue, and links it for 7 days", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: client.headers,
      payload: { fullName: "Exported Friend", email: "exported.friend@example.org" },
    });
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    await storeUpload(t.ctx, Readable.from([png]), {
      ownerId: client.id,
      purpose: "profile_picture",
      fileName: "me.png",
      accept: ["image/png"],
      maxBytes: 1024 * 1024,
    });
    const queued = await requestExport(client);
    expect(queued).toMatchObject({ state: "queued", downloadUrl: null });
    expect(queued.jobId).toEqual(expect.any(String));
    // A second request while one is pending answers the same export.
    expect((await requestExport(client)).id).toBe(queued.id);

    await t.drain();
    const [ready] = await exportsOf(client);
    expect(ready).toMatchObject({ id: queued.id, state: "ready" });
    const days = (Date.parse(ready!.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const files = await download(client, ready!.downloadUrl!);
    const data = JSON.parse(new TextDecoder().decode(files["export.json"]!)) as Record<string, unknown>;
    expect(data.profile).toMatchObject({ id: client.id, email: client.email, name: "Exporting Client" });
    expect(data.cases).toHaveLength(1);
    expect((data.referralsMade as Referral[]).map((r) => r.fullName)).toEqual(["Exported Friend"]);
    expect(data.notifications).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: "Referral received" })]),
    );
    expect(data.sessions).toEqual([expect.not.objectContaining({ token: expect.anything() })]);
    expect((data.signInMethods as Record<string, unknown>[])[0]).not.toHaveProperty("password");
    const [picture] = data.files as { path: string; sizeBytes: number }[];
    expect(files[picture!.path]).toHaveLength(png.length);
    // Every section of the registry is present, empty or not.
    for (const source of EXPORTED_ROWS) expect(data).toHaveProperty(source.section);

    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.export_downloaded"), eq(auditLog.entityId, client.id)));
    expect(audit?.actorId).toBe(client.id);
  });

  it("shows referrals made only at the visibility the friend allows", async () => {
    const referrer = await signUp(t);
    await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: referrer.headers,
      payload: { fullName: "Private Friend", email: "private.friend@example.org" },
    });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: {
        name: "Private Friend",
        email: "private.friend@example.org",
        password: "correct-horse-1",
        referrerVisibility: "nothing",
      },
    });
    await requestExport(referrer);
    await t.drain();
    const [ready] = await exportsOf(referrer);
    const files = await download(referrer, ready!.downloadUrl!);
    const data = JSON.parse(new TextDecoder().decode(files["export.json"]!)) as { referralsMade: Referral[] };
    expect(data.referralsMade[0]).toMatchObject({ friend: null, referredUserId: null, caseId: null });
  });

  it("holds the whole conversations the user is in, others' messages too, the others by name only", async () => {
    const member = await signUp(t, { name: "Thread Member" });
    const other = await signUp(t, { name: "Other Member" });
    const outsider = await signUp(t, { name: "Not In It" });
    const post = (url: string, by: SignedUpUser, payload: object) =>
      t.app.inject({ method: "POST", url, headers: by.headers, payload });
    const group = json<{ data: { id: string } }>(
      await post("/api/conversations", staff, {
        type: "group",
        subject: "Family forms",
        participantIds: [member.id, other.id],
      }),
    ).data;
    const elsewhere = json<{ data: { id: string } }>(
      await post("/api/conversations", staff, {
        type: "group",
        subject: "Not yours",
        participantIds: [outsider.id],
      }),
    ).data;
    for (const [by, body] of [
      [staff, "Please send the forms"],
      [member, "Here they are"],
      [other, "Mine follow tomorrow"],
    ] as const) {
      expect((await post(`/api/conversations/${group.id}/messages`, by, { body })).statusCode).toBe(201);
    }
    await post(`/api/conversations/${elsewhere.id}/messages`, staff, { body: "Private to someone else" });

    const [staffRow] = await t.ctx.db.select({ name: users.name }).from(users).where(eq(users.id, staff.id));
    await requestExport(member);
    await t.drain();
    const [ready] = await exportsOf(member);
    const files = await download(member, ready!.downloadUrl!);
    const text = new TextDecoder().decode(files["export.json"]!);
    const data = JSON.parse(text) as { conversations: Record<string, unknown>[]; messagesYouSent: unknown[] };
    expect(data.conversations).toHaveLength(1);
    const [thread] = data.conversations;
    expect(thread).toMatchObject({ id: group.id, type: "group", subject: "Family forms" });
    expect(thread!.participants).toEqual(
      expect.arrayContaining([
        { name: "Thread Member", role: "client", you: true },
        { name: "Other Member", role: "client" },
        { name: staffRow!.name, role: "staff" },
      ]),
    );
    expect(
      (thread!.messages as { from: string; body: string; fromYou: boolean }[]).map((m) => [
        m.from,
        m.body,
        m.fromYou,
      ]),
    ).toEqual([
      [staffRow!.name, "Please send the forms", false],
      ["Thread Member", "Here they are", true],
      ["Other Member", "Mine follow tomorrow", false],
    ]);
    // Other people are named as the thread shows them: no e-mail address or account id of theirs.
    const threadText = JSON.stringify(data.conversations);
    for (const person of [other, staff]) {
      expect(threadText).not.toContain(person.email);
      expect(threadText).not.toContain(person.id);
    }
    expect(text).not.toContain("Private to someone else");
    expect(data.messagesYouSent).toHaveLength(1);
  });

  it("lets an admin run it for a user (audited), and nobody else", async () => {
    const other = await signUp(t);
    const byAdmin = await requestExport(admin, other.id);
    expect(byAdmin.requestedBy).toBe(admin.id);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.export_requested"), eq(auditLog.entityId, other.id)));
    expect(audit).toMatchObject({ actorId: admin.id, after: { byStaff: true } });
    for (const stranger of [staff, client]) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/users/${other.id}/data-export`,
        headers: stranger.headers,
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it("stops serving the zip once the link expires, and the retention job removes the file", async () => {
    const user = await signUp(t);
    await requestExport(user);
    await t.drain();
    const [ready] = await exportsOf(user);
    await t.ctx.db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.id, ready!.id));
    const [expired] = await exportsOf(user);
    expect(expired).toMatchObject({ state: "expired", downloadUrl: null });
    const gone = await t.app.inject({ method: "GET", url: ready!.downloadUrl!, headers: user.headers });
    expect(gone.statusCode).toBe(404);
    // Not through the generic file route either.
    const [row] = await t.ctx.db.select().from(dataExports).where(eq(dataExports.id, ready!.id));
    const direct = await t.app.inject({
      method: "GET",
      url: `/api/files/${row!.fileId}`,
      headers: user.headers,
    });
    expect(direct.statusCode).toBe(404);
    const report = await applyRetention(t.ctx, new Date());
    expect(report.expiredExports).toBeGreaterThanOrEqual(1);
    expect(await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, row!.fileId!))).toEqual([]);
  });
});
