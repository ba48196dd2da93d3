import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, verifications } from "../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 15: what matters lands in the audit log, readable by staff at /admin/audit:
// sign-ins (success and failure, with IP and user agent), password resets, staff edits of a
// client's profile and staff downloads of a client's file. (Mailbox reads: mailbox.test.ts.)

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

let t: TestApp;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

interface Entry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit log as staff read it at /admin/audit. */
async function auditOf(entityId: string): Promise<Entry[]> {
  const response = await t.app.inject({
    url: `/api/admin/audit?entityId=${encodeURIComponent(entityId)}`,
    headers: staff.headers,
  });
  expect(response.statusCode).toBe(200);
  return json<{ data: Entry[] }>(response).data;
}

const signIn = (email: string, password: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password },
    headers: { "user-agent": "AuditTest/1.0" },
    remoteAddress: "203.0.113.7",
  });

describe("security: the audit log", () => {
  it("records sign-ins that work and that fail, with IP and user agent", async () => {
    const client = await signUp(t);
    expect((await signIn(client.email, "correct-horse-1")).statusCode).toBe(200);
    expect((await signIn(client.email, "wrong-password-1")).statusCode).toBe(401);

    const [signedIn] = (await auditOf(client.id)).filter((entry) => entry.action === "auth.signed_in");
    expect(signedIn).toMatchObject({
      actorId: client.id,
      entityType: "user",
      after: { email: client.email, ip: "203.0.113.7", userAgent: "AuditTest/1.0" },
    });
    const failed = (await auditOf(client.email)).filter((entry) => entry.action === "auth.sign_in_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actorId: null,
      after: { email: client.email, ip: "203.0.113.7", userAgent: "AuditTest/1.0" },
    });
  });

  it("records a password reset's request and its completion", async () => {
    const client = await signUp(t);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: client.email, redirectTo: "/reset-password" },
    });
    const [row] = await t.ctx.db
      .select({ identifier: verifications.identifier })
      .from(verifications)
      .where(and(eq(verifications.value, client.id), like(verifications.identifier, "reset-password:%")));
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token: row!.identifier.slice("reset-password:".length), newPassword: "brand-new-secret-9" },
    });
    expect(reset.statusCode).toBe(200);
    const actions = (await auditOf(client.id)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]));
  });

  it("records staff edits of a client's profile with old and new values, not the client's own", async () => {
    const client = await signUp(t, { name: "Before Name" });
    const patch = (by: SignedUpUser, payload: Record<string, unknown>) =>
      t.app.inject({ method: "PATCH", url: `/api/users/${client.id}/profile`, headers: by.headers, payload });
    expect((await patch(client, { country: "AU" })).statusCode).toBe(200);
    expect((await patch(staff, { name: "After Name", country: "AU" })).statusCode).toBe(200);

    const edits = (await auditOf(client.id)).filter((entry) => entry.action === "user.profile_updated");
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      actorId: staff.id,
      before: { name: "Before Name" },
      after: { name: "After Name" },
    });
  });

  it("records staff downloads of a client's file, not the owner's", async () => {
    const client = await signUp(t);
    const uploaded = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/profile-picture",
      headers: { ...client.headers, "content-type": "image/png" },
      payload: PNG,
    });
    expect(uploaded.statusCode).toBe(200);
    const path = json<{ data: { profilePicture: string } }>(uploaded).data.profilePicture;
    const fileId = path.split("/").at(-1)!;
    expect((await t.app.inject({ url: path, headers: client.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: path, headers: staff.headers })).statusCode).toBe(200);

    const downloads = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "file.downloaded"), eq(auditLog.entityId, fileId)));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ actorId: staff.id, after: { ownerId: client.id } });
  });
});
