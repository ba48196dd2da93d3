import { createHash, randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type { Db } from "../db/client.ts";
import { devMailbox } from "../db/schema/index.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * The Message-ID header, `<…@…>`. Give every send of one logical mail the same one (see
   * `messageIdFor`): a send repeated after a crash is then the same message, which mail clients
   * show once and the dev mailbox keeps once. nodemailer makes a random one when absent.
   */
  messageId?: string;
}

/** The domain part of MAIL_FROM ("Name <no-reply@example.org>" → "example.org"). */
function mailDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? "referral.local";
}

/** A Message-ID fixed by `key`: the same key gives the same id, so a resend is recognisably one mail. */
export function messageIdFor(key: string, from: string): string {
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@${mailDomain(from)}>`;
}

/** A new Message-ID, fixed when a mail is queued so that every attempt of its job sends the same one. */
export function newMessageId(from: string): string {
  return `<${randomUUID()}@${mailDomain(from)}>`;
}

export interface Mailer {
  /** "smtp" when SMTP_URL is set; otherwise messages land in the dev mailbox table. */
  readonly transport: "smtp" | "dev-mailbox";
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; db: Db }): Mailer {
  if (options.smtpUrl) {
    // nodemailer waits up to 10 minutes on a silent server by default; a send must end well before
    // its job expires, or pg-boss would start a second attempt alongside it. The URL's own query
    // options (e.g. ?socketTimeout=…) still win.
    const transporter = nodemailer.createTransport({
      url: options.smtpUrl,
      // Reuse connections: a handshake per message held a worker to about 30 mails a second.
      pool: true,
      maxConnections: 4,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      transport: "smtp",
      async send(message) {
        await transporter.sendMail({ from: options.from, ...message });
      },
      close: () => transporter.close(),
    };
  }
  return {
    transport: "dev-mailbox",
    async send(message) {
      await options.db
        .insert(devMailbox)
        .values({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? null,
          messageId: message.messageId ?? null,
        })
        .onConflictDoNothing({ target: devMailbox.messageId });
    },
    close: () => {},
  };
}
