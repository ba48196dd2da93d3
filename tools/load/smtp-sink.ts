import type { AddressInfo } from "node:net";
import type pg from "pg";
import { SMTPServer } from "smtp-server";

// Production requires SMTP_URL, so the load suite runs a real SMTP server on loopback. Each message
// it receives becomes a dev_mailbox row, so the duplicate-mail check reads one table either way.

/** The raw message without what differs between two sends of one mail (ids, dates, boundaries). */
function comparable(raw: string): string {
  return raw
    .replace(/^(Message-ID|Date):.*\r?\n/gim, "")
    .replace(/--_NmP-[0-9a-f-]+-Part_\d+/gi, "--boundary")
    .replace(/boundary="[^"]*"/gi, 'boundary=""');
}

export async function startSmtpSink(db: () => pg.Pool): Promise<{ port: number; close(): Promise<void> }> {
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
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(", ");
        db()
          .query(`insert into dev_mailbox ("to", subject, text) values ($1, $2, $3)`, [
            to,
            subject,
            comparable(raw),
          ])
          .then(
            () => callback(),
            (error: Error) => callback(error),
          );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
