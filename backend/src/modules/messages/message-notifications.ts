import { isStaffRole } from "@referral-app/shared/constants";
import { type Message, UNREAD_DIGEST_AFTER_MS } from "@referral-app/shared/schemas/conversation";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { MailMessage } from "../../lib/mailer.ts";
import { enqueueNotification, queueMail } from "../notifications/notifications.service.ts";
import { type ConversationRow, listRecipients } from "./conversations.repository.ts";
import {
  type ClaimedDigest,
  claimDigest,
  findDigestCandidates,
  listActiveStaff,
  listUnansweredSupport,
} from "./digests.repository.ts";
import { excerpt, wordsFor } from "./message-words.ts";

/** Where a participant opens a conversation: the staff app for staff, the portal for partners. */
export function conversationPath(role: string, conversationId: string): string {
  if (isStaffRole(role as never)) return `/admin/messages/${conversationId}`;
  if (role === "partner") return `/partners/messages/${conversationId}`;
  return `/messages/${conversationId}`;
}

/**
 * A push to every other participant's phones (as their `message` push preference allows), queued
 * in the send's transaction. The mobile app shows it only while it is in the background.
 */
export async function queueMessagePushes(
  ctx: AppContext,
  tx: Tx,
  conversation: ConversationRow,
  message: Message,
): Promise<void> {
  const recipients = await listRecipients(tx, conversation.id);
  for (const recipient of recipients) {
    if (recipient.userId === message.senderId) continue;
    const words = wordsFor(recipient.preferences?.language);
    await enqueueNotification(ctx, tx, {
      userId: recipient.userId,
      type: "message",
      title: words.pushTitle(message.senderName),
      body: message.body ? excerpt(message.body) : words.attachmentOnly,
      data: { conversationId: conversation.id, messageId: message.id },
      dedupeKey: `message:${message.id}:${recipient.userId}`,
      channels: ["push"],
    });
  }
}

function topicOf(digest: Pick<ClaimedDigest, "type" | "subject" | "caseNumber">, language?: string) {
  const words = wordsFor(language);
  if (digest.type === "consultation" && digest.caseNumber) return words.caseTopic(digest.caseNumber);
  if (digest.subject) return `“${digest.subject}”`;
  return digest.type === "support" ? words.supportTopic : words.groupTopic;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function digestMail(ctx: AppContext, conversationId: string, digest: ClaimedDigest): MailMessage {
  const language = digest.preferences?.language;
  const words = wordsFor(language);
  const topic = topicOf(digest, language);
  const link = `${ctx.config.publicUrl}${conversationPath(digest.role, conversationId)}`;
  const lines = digest.unread.map((message) => `${message.senderName ?? "—"}: ${excerpt(message.body, 300)}`);
  const text = [
    words.greeting(digest.name),
    "",
    words.digestIntro(digest.count, topic),
    "",
    ...lines.map((line) => `  ${line}`),
    "",
    `${words.open}: ${link}`,
    "",
    words.preferences,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937">
<p>${escapeHtml(words.greeting(digest.name))}</p>
<p>${escapeHtml(words.digestIntro(digest.count, topic))}</p>
<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>
<p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a></p>
<p style="color:#6b7280;font-size:13px">${escapeHtml(words.preferences)}</p>
</body></html>`;
  return { to: digest.email, subject: words.digestSubject(digest.count, topic), text, html };
}

/**
 * One e-mail per conversation for each participant who has left a message unread for 15 minutes:
 * it covers every unread message, and the next comes only after they read and let new ones wait.
 * The claim and the queued e-mail commit together, so concurrent or repeated runs send one.
 */
export async function sendUnreadDigests(ctx: AppContext, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNREAD_DIGEST_AFTER_MS);
  let sent = 0;
  for (const candidate of await findDigestCandidates(ctx.db, cutoff, 500)) {
    sent += await ctx.db.transaction(async (tx) => {
      const digest = await claimDigest(tx, candidate, cutoff);
      if (!digest || digest.count === 0) return 0;
      // Turned off: the claim still stands, so turning it back on does not flood old digests.
      if (digest.preferences?.notifications?.message?.email === false) return 0;
      await queueMail(ctx, digestMail(ctx, candidate.conversationId, digest), tx);
      return 1;
    });
  }
  return sent;
}

/** Each morning: every staff member hears how many support questions wait for a first answer. */
export async function sendUnansweredSupportSummary(ctx: AppContext, now: Date = new Date()): Promise<number> {
  const waiting = await listUnansweredSupport(ctx.db, now);
  if (waiting.length === 0) return 0;
  const day = now.toISOString().slice(0, 10);
  const overdue = waiting.filter((item) => item.overdue).length;
  const staff = await listActiveStaff(ctx.db);
  await ctx.db.transaction(async (tx) => {
    for (const member of staff) {
      const words = wordsFor(member.preferences?.language);
      const lines = waiting
        .slice(0, 20)
        .map((item) => `• ${item.subject ?? words.supportTopic} (${item.clientName ?? "—"})`);
      await enqueueNotification(ctx, tx, {
        userId: member.id,
        type: "message",
        title: words.summarySubject(waiting.length),
        body: [
          words.summaryIntro(waiting.length),
          ...lines,
          ...(overdue ? [words.summaryOverdue(overdue)] : []),
        ].join("\n"),
        // One a day per person, however often the job runs.
        dedupeKey: `support-summary:${day}:${member.id}`,
        channels: ["email"],
        linkPath: "/admin/messages",
      });
    }
  });
  return staff.length;
}
