import { createHash, randomUUID } from "node:crypto";
import type {
  ImportRowError,
  PartnerImportResult,
  PartnerImportSummary,
} from "@referral-app/shared/schemas/partners";
import type { AppContext } from "../../context.ts";
import { csvLine } from "../../lib/csv.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import {
  existingOrgEmails,
  findImport,
  findImportBySha,
  type ImportRow,
  insertImport,
  insertImportedReferrals,
  listImports,
  lockOrganizationImports,
} from "./import.repository.ts";
import { checkImportRows } from "./import-rows.ts";
import type { PartnerCaller } from "./partner-access.ts";

function toResult(row: ImportRow, duplicateFile: boolean): PartnerImportResult {
  return {
    importId: row.id,
    rows: row.rows,
    imported: row.imported,
    failed: row.failed,
    errors: row.errors,
    duplicateFile,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
  };
}

const byRow = (a: ImportRowError, b: ImportRowError) => a.row - b.row;

/**
 * Imports a partner's CSV: every valid row in one transaction (referral, history, analytics event),
 * invalid and duplicate rows reported by row number, one summary notification. The same file
 * (sha256 per organisation) imports once; uploading it again replays the first result.
 */
export async function importReferralsCsv(
  ctx: AppContext,
  caller: PartnerCaller,
  file: { content: Buffer; fileName: string | null },
): Promise<PartnerImportResult> {
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  const seen = await findImportBySha(ctx.db, caller.organizationId, sha256);
  if (seen) return toResult(seen, true);

  const checked = checkImportRows(file.content.toString("utf8"), caller.user.email);
  return ctx.db.transaction(async (tx) => {
    await lockOrganizationImports(tx, caller.organizationId);
    const raced = await findImportBySha(tx, caller.organizationId, sha256);
    if (raced) return toResult(raced, true);

    const errors = [...checked.errors];
    const existing = await existingOrgEmails(
      tx,
      caller.organizationId,
      checked.valid.map((row) => row.data.email.toLowerCase()),
    );
    const fresh = checked.valid.filter((row) => {
      if (!existing.has(row.data.email.toLowerCase())) return true;
      errors.push({
        row: row.row,
        code: "REFERRAL_DUPLICATE",
        fields: { email: ["Your organisation has already referred this person"] },
      });
      return false;
    });
    const importId = randomUUID();
    const inserted = await insertImportedReferrals(tx, {
      referrerId: caller.user.id,
      organizationId: caller.organizationId,
      importId,
      rows: fresh,
    });
    for (const row of fresh) {
      if (!inserted.has(row.data.email.toLowerCase())) {
        errors.push({
          row: row.row,
          code: "REFERRAL_DUPLICATE",
          fields: { email: ["You have already referred this person"] },
        });
      }
    }
    errors.sort(byRow);
    const record = await insertImport(tx, {
      id: importId,
      organizationId: caller.organizationId,
      createdBy: caller.user.id,
      sha256,
      fileName: file.fileName,
      rows: checked.rows,
      imported: inserted.size,
      errors,
    });
    await writeAudit(tx, {
      actorId: caller.user.id,
      action: "partner.referrals_imported",
      entityType: "partner_import",
      entityId: importId,
      after: { imported: inserted.size, failed: errors.length, fileName: file.fileName },
    });
    await enqueueNotification(ctx, tx, {
      userId: caller.user.id,
      type: "referral",
      title: "CSV import finished",
      body: `${inserted.size} referral${inserted.size === 1 ? "" : "s"} imported, ${errors.length} row${errors.length === 1 ? "" : "s"} with errors.`,
      data: { kind: "partner_import", importId, imported: inserted.size, failed: errors.length },
      dedupeKey: `partner-import:${importId}`,
    });
    return toResult(record, false);
  });
}

export async function getImport(
  ctx: AppContext,
  caller: PartnerCaller,
  id: string,
): Promise<PartnerImportResult> {
  const row = await findImport(ctx.db, caller.organizationId, id);
  if (!row) throw notFound("Import");
  return toResult(row, false);
}

export function recentImports(ctx: AppContext, caller: PartnerCaller): Promise<PartnerImportSummary[]> {
  return listImports(ctx.db, caller.organizationId, 50);
}

/** The error report: one line per field message, row numbers as in the uploaded file. */
export async function importErrorsCsv(ctx: AppContext, caller: PartnerCaller, id: string): Promise<string> {
  const row = await findImport(ctx.db, caller.organizationId, id);
  if (!row) throw notFound("Import");
  let csv = csvLine(["row", "code", "field", "message"]);
  for (const error of row.errors) {
    for (const [field, messages] of Object.entries(error.fields)) {
      for (const message of messages) csv += csvLine([error.row, error.code, field, message]);
    }
  }
  return csv;
}
