import nodemailer from "nodemailer";
import type { Db } from "../db/client.ts";
import { devMailbox } from "../db/schema/index.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
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
      await options.db.insert(devMailbox).values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
      });
    },
    close: () => {},
  };
}
