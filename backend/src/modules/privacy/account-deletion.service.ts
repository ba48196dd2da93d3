import type { AccountDeletion, LegalHold } from "@referral-app/shared/schemas/privacy";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { latestIssuedInvoiceDate } from "../invoices/invoices.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { readSettings } from "../settings/settings.service.ts";
import {
  anonymiseUser,
  cancelScheduledDeletion,
  completeDeletion,
  countOpenCases,
  type DeletionRow,
  deleteUser,
  findLatestDeletion,
  insertDeletion,
  listDueDeletions,
} from "./account-deletion.repository.ts";

export const DELETION_GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function toDeletion(row: DeletionRow | null): AccountDeletion {
  if (!row) return { state: "none", scheduledFor: null, holds: [], requestedBy: null, createdAt: null };
  return {
    state: row.state,
    scheduledFor: row.scheduledFor.toISOString(),
    holds: row.holds,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the law makes us keep after the deletion, in words the person can read. */
export async function legalHoldsOf(db: DbOrTx, userId: string): Promise<LegalHold[]> {
  const holds: LegalHold[] = [];
  if ((await countOpenCases(db, userId)) > 0) {
    holds.push({
      kind: "open_case",
      kept: "Your open visa case, its documents and the name on it",
      reason:
        "The case is still in progress with the authorities; it is kept until it is decided or withdrawn.",
      until: null,
    });
  }
  // Counted from the newest issued invoice (the invoices module decides what counts as issued).
  const invoiceAt = await latestIssuedInvoiceDate(db, userId);
  if (invoiceAt) {
    const { invoiceRetentionYears } = await readSettings(db);
    const until = new Date(invoiceAt);
    until.setUTCFullYear(until.getUTCFullYear() + invoiceRetentionYears);
    if (until > new Date()) {
      holds.push({
        kind: "invoice_retention",
        kept: "Your invoices and payments, with the name and case they were issued for",
        reason: `Accounting law requires us to keep invoices for ${invoiceRetentionYears} years.`,
        until: until.toISOString(),
      });
    }
  }
  return holds;
}

export async function deletionStatus(ctx: AppContext, userId: string): Promise<AccountDeletion> {
  const row = await findLatestDeletion(ctx.db, userId);
  // Holds change (a case is decided): a scheduled deletion shows today's.
  if (row?.state === "scheduled") return { ...toDeletion(row), holds: await legalHoldsOf(ctx.db, userId) };
  return toDeletion(row);
}

/** Schedules the erasure in 30 days (again: the scheduled one), tells the user what is kept and why. */
export async function requestDeletion(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<AccountDeletion> {
  const row = await ctx.db.transaction(async (tx) => {
    const holds = await legalHoldsOf(tx, userId);
    const scheduledFor = new Date(Date.now() + DELETION_GRACE_DAYS * DAY_MS);
    const created = await insertDeletion(tx, { userId, requestedBy: actor.id, scheduledFor, holds });
    if (!created) return findLatestDeletion(tx, userId);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "privacy.deletion_requested",
      entityType: "user",
      entityId: userId,
      after: { scheduledFor: scheduledFor.toISOString(), holds: holds.map((hold) => hold.kind) },
    });
    await enqueueNotification(ctx, tx, {
      userId,
      type: "system",
      title: "Your account will be deleted",
      body: `Your account will be deleted on ${scheduledFor.toISOString().slice(0, 10)}.`,
      message: {
        key: "privacy.deletion_scheduled",
        params: {
          date: scheduledFor.toISOString().slice(0, 10),
          kept: holds.map((hold) => `${hold.kept}. ${hold.reason}`).join(" "),
        },
      },
      data: { kind: "account_deletion" },
      dedupeKey: `deletion-scheduled:${created.id}`,
    });
    return created;
  });
  return toDeletion(row);
}

export async function cancelDeletion(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<AccountDeletion> {
  const row = await ctx.db.transaction(async (tx) => {
    const cancelled = await cancelScheduledDeletion(tx, userId);
    if (!cancelled) throw new DomainError("CONFLICT", "No deletion is scheduled for this account");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "privacy.deletion_cancelled",
      entityType: "user",
      entityId: userId,
    });
    await enqueueNotification(ctx, tx, {
      userId,
      type: "system",
      title: "Account deletion cancelled",
      body: "Your account will not be deleted.",
      message: { key: "privacy.deletion_cancelled", params: {} },
      data: { kind: "account_deletion" },
      dedupeKey: `deletion-cancelled:${cancelled.id}`,
    });
    return cancelled;
  });
  return toDeletion(row);
}

/** Carries out each due deletion: erased, or anonymised when a hold still applies. Idempotent. */
export async function eraseDueAccounts(ctx: AppContext, now: Date): Promise<number> {
  const due = await listDueDeletions(ctx.db, now);
  for (const deletion of due) {
    await ctx.db.transaction(async (tx) => {
      const holds = await legalHoldsOf(tx, deletion.userId);
      // The audit row outlives the user (its actor link is cut when the account goes).
      await writeAudit(tx, {
        actorId: null,
        action: holds.length > 0 ? "privacy.account_anonymised" : "privacy.account_erased",
        entityType: "user",
        entityId: deletion.userId,
        after: { deletionId: deletion.id, holds: holds.map((hold) => hold.kind) },
      });
      if (holds.length > 0) {
        await anonymiseUser(tx, deletion.userId);
        await completeDeletion(tx, deletion.id, holds);
      } else {
        await completeDeletion(tx, deletion.id, holds);
        await deleteUser(tx, deletion.userId);
      }
    });
    // This process forgets the account's sessions at once; the others on the database's notice (0017).
    ctx.sessions?.invalidate(`u:${deletion.userId}`);
  }
  return due.length;
}
