import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.ts";
import { auditLog, verifications } from "../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 2: staff must not take over accounts by reading reset or verification links in the
// dev mailbox. Production needs real SMTP and has no mailbox; development hides the links' secrets
// from all but admins and audits every read.

const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-real-production-secret-0123456789abcdef",
  PUBLIC_URL: "https://referrals.example.com",
};

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  linksHidden: boolean;
}

describe("security: production needs SMTP_URL", () => {
  it("refuses to start without it, naming the variable", () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(ConfigError);
    expect(() => loadConfig(PRODUCTION)).toThrow(/SMTP_URL: required in production/);
    expect(loadConfig({ ...PRODUCTION, SMTP_URL: "smtp://mail.example.com:587" }).smtpUrl).toBe(
      "smtp://mail.example.com:587",
    );
    // Migrations send no mail.
    expect(loadConfig(PRODUCTION, { sendsMail: false }).env).toBe("production");
  });

  it("has no mailbox route", async () => {
    const t = await createTestApp({ ...PRODUCTION, SMTP_URL: "smtp://127.0.0.1:1" });
    try {
      const admin = await signUp(t, { role: "admin" });
      const response = await t.app.inject({ url: "/api/admin/mailbox", headers: admin.headers });
      expect(response.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe("security: the development mailbox", () => {
  let t: TestApp;
  let client: SignedUpUser;
  let resetToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    client = await signUp(t);
    const request = await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: client.email, redirectTo: "/reset-password" },
    });
    expect(request.statusCode).toBe(200);
    await t.drain();
    const [row] = await t.ctx.db
      .select({ identifier: verifications.identifier })
      .from(verifications)
      .where(and(eq(verifications.value, client.id), like(verifications.identifier, "reset-password:%")));
    resetToken = row!.identifier.slice("reset-password:".length);
  });
  afterAll(() => t.close());

  const read = async (reader: SignedUpUser) => {
    const response = await t.app.inject({
      url: `/api/admin/mailbox?to=${encodeURIComponent(client.email)}`,
      headers: reader.headers,
    });
    expect(response.statusCode).toBe(200);
    return json<{ data: Mail[] }>(response).data;
  };

  it("hides reset and verification tokens from staff", async () => {
    const staff = await signUp(t, { role: "staff" });
    const mails = await read(staff);
    const reset = mails.find((mail) => mail.subject === "Reset your password")!;
    const verify = mails.find((mail) => mail.subject === "Verify your email address")!;
    for (const mail of [reset, verify]) {
      expect(mail.linksHidden).toBe(true);
      expect(mail.text).toContain("[hidden]");
      expect(mail.html).toContain("[hidden]");
    }
    expect(JSON.stringify(mails)).not.toContain(resetToken);
    // The verification link's token is a signed JWT: nothing that long and dotted survives.
    expect(verify.text).not.toMatch(/token=eyJ/);
    expect(reset.text).toContain("/reset-password/[hidden]");
  });

  it("shows an admin the whole link", async () => {
    const admin = await signUp(t, { role: "admin" });
    const reset = (await read(admin)).find((mail) => mail.subject === "Reset your password")!;
    expect(reset.linksHidden).toBe(false);
    expect(reset.text).toContain(`/reset-password/${resetToken}`);
  });

  it("audits every read, with who read and whose mail", async () => {
    const staff = await signUp(t, { role: "staff" });
    await read(staff);
    await read(staff);
    const entries = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "mailbox.read"), eq(auditLog.actorId, staff.id)));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ entityType: "mailbox", entityId: client.email });
    expect(entries[0]!.after).toMatchObject({ to: client.email, linksShown: false });
  });
});
