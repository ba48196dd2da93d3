import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox } from "../../db/schema/index.ts";
import { createTestApp, json, signUp, type TestApp } from "../../test/test-app.ts";

// A real SMTP server in this process: the app sends over SMTP_URL, the test reads what arrived.
interface ReceivedMail {
  to: string[];
  raw: string;
}
const inbox: ReceivedMail[] = [];
let smtp: SMTPServer;
let t: TestApp;

/** Subject and decoded text of a raw message (quoted-printable bodies, as nodemailer writes them). */
function readMail(raw: string): { subject: string; text: string } {
  const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? "";
  const decoded = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return { subject, text: decoded };
}

async function mailTo(email: string, subject: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await t.drain();
    const found = inbox
      .filter((mail) => mail.to.includes(email))
      .map((mail) => readMail(mail.raw))
      .find((mail) => mail.subject === subject);
    if (found) return found.text;
    if (Date.now() > deadline) throw new Error(`no "${subject}" mail to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The link in a mail, as a path on this app (the mail carries PUBLIC_URL). */
function linkIn(text: string, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${pathPrefix}[^\\s]*)`).exec(text);
  if (!match) throw new Error(`no ${pathPrefix} link in:\n${text}`);
  return match[1]!;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("email verification", () => {
  it("sends the verification mail over SMTP on sign-up; its link marks the email verified", async () => {
    const user = await signUp(t);
    const text = await mailTo(user.email, "Verify your email address");
    expect(t.ctx.mailer.transport).toBe("smtp");
    // Plain text and HTML alternatives, the link in both.
    expect(text).toMatch(/Content-Type: text\/plain/i);
    expect(text).toMatch(/Content-Type: text\/html/i);
    expect(text).toContain('<a href="http');
    expect(await t.ctx.db.select().from(devMailbox)).toHaveLength(0);

    const before = await t.app.inject({ url: "/api/users/me/profile", headers: user.headers });
    expect(json<{ data: { emailVerified: boolean } }>(before).data.emailVerified).toBe(false);
    const verify = await t.app.inject({ url: linkIn(text, "/api/auth/verify-email") });
    expect(verify.statusCode).toBeLessThan(400);
    const after = await t.app.inject({ url: "/api/users/me/profile", headers: user.headers });
    expect(json<{ data: { emailVerified: boolean } }>(after).data.emailVerified).toBe(true);
  });

  it("refuses a forged verification token", async () => {
    const response = await t.app.inject({ url: "/api/auth/verify-email?token=forged" });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(json(response)).toMatchObject({ status: "error" });
  });
});

describe("password reset", () => {
  it("mails a reset link over SMTP; its token sets a new password and ends the old sessions", async () => {
    const user = await signUp(t, { password: "old-password-1" });
    const request = await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: user.email, redirectTo: "/reset-password" },
    });
    expect(request.statusCode).toBe(200);
    const text = await mailTo(user.email, "Reset your password");

    // The mailed link checks the token and sends the browser to the app's reset page with it.
    const link = await t.app.inject({ url: linkIn(text, "/api/auth/reset-password/") });
    expect(link.statusCode).toBe(302);
    const token = new URL(String(link.headers.location), "http://app.test").searchParams.get("token");
    expect(token).toBeTruthy();

    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "new-password-2" },
    });
    expect(reset.statusCode).toBe(200);

    const signIn = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email: user.email, password },
      });
    expect((await signIn("old-password-1")).statusCode).toBe(401);
    expect((await signIn("new-password-2")).statusCode).toBe(200);
    const old = await t.app.inject({ url: "/api/users/me/profile", headers: user.headers });
    expect(old.statusCode).toBe(401);

    const reused = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "third-password-3" },
    });
    expect(reused.statusCode).toBe(400);
    expect(json(reused)).toMatchObject({ status: "error", error: { code: "BAD_REQUEST" } });
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = inbox.length;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: "nobody-here@example.com", redirectTo: "/reset-password" },
    });
    expect(response.statusCode).toBe(200);
    await t.drain();
    expect(inbox.length).toBe(before);
  });
});
