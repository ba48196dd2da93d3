import type { AddressInfo } from "node:net";
import type pg from "pg";
import { SMTPServer } from "smtp-server";

// Production requires SMTP_URL, so the load suite runs a real SMTP server on loopback. Each message
// it receives becomes a dev_mailbox row, so the duplicate-mail check reads one table either way.
// A message received again with a Message-ID already kept is a resend of the same mail (its sender
// died between handing it over and recording that it had): kept once, as a mail client shows it,
// and counted, so the suite can hold resends to the sends a crash cut.

/** The raw message without what differs between two sends of one mail (ids, dates, boundaries). */
function comparable(raw: string): string {
  return raw
    .replace(/^(Message-ID|Date):.*\r?\n/gim, "")
    .replace(/--_NmP-[0-9a-f-]+-Part_\d+/gi, "--boundary")
    .replace(/boundary="[^"]*"/gi, 'boundary=""');
}

export interface SmtpSink {
  port: number;
  /** Messages received again under a Message-ID already kept. */
  resends(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(db: () => pg.Pool): Promise<SmtpSink> {
  let resends = 0;
  const server = new SMTPServer({
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
        const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? "";
        const messageId = /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? null;
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(", ");
        db()
          .query(
            `insert into dev_mailbox ("to", subject, text, message_id) values ($1, $2, $3, $4)
             on conflict (message_id) do nothing`,
            [to, subject, comparable(raw), messageId],
          )
          .then(
            (result) => {
              if (result.rowCount === 0) resends += 1;
              callback();
            },
            (error: Error) => callback(error),
          );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    resends: () => resends,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
