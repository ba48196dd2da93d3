import type { Language } from "@referral-app/shared/constants";
import type { MailMessage } from "../../lib/mailer.ts";
import { MAIL_WORDS } from "../../lib/messages.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** The email for one notification: plain text and a simple HTML version of the same words. */
export function notificationMail(input: {
  to: string;
  name: string;
  title: string;
  body: string;
  link: string;
  language?: Language;
  messageId?: string;
}): MailMessage {
  const words = MAIL_WORDS[input.language ?? "en"];
  const text = `${words.hello(input.name)}\n\n${input.body}\n\n${words.seeNotifications}: ${input.link}\n`;
  const paragraphs = input.body
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
<h1 style="font-size:18px">${escapeHtml(input.title)}</h1>
<p>${escapeHtml(words.hello(input.name))}</p>
${paragraphs}
<p><a href="${escapeHtml(input.link)}">${escapeHtml(words.seeNotifications)}</a></p>
</body></html>`;
  return {
    to: input.to,
    subject: input.title,
    text,
    html,
    ...(input.messageId ? { messageId: input.messageId } : {}),
  };
}

/** An account email with one link to follow (verification, password reset), in text and HTML. */
export interface ActionMail {
  to: string;
  name: string;
  subject: string;
  intro: string;
  action: { label: string; url: string };
  outro?: string | undefined;
  language?: Language;
}

export function actionMail(input: ActionMail): MailMessage {
  const hello = MAIL_WORDS[input.language ?? "en"].hello(input.name);
  const text = [hello, "", input.intro, input.action.url, ...(input.outro ? ["", input.outro] : [])]
    .join("\n")
    .concat("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(input.intro)}</p>
<p><a href="${escapeHtml(input.action.url)}">${escapeHtml(input.action.label)}</a></p>
${input.outro ? `<p>${escapeHtml(input.outro)}</p>\n` : ""}</body></html>`;
  return { to: input.to, subject: input.subject, text, html };
}
