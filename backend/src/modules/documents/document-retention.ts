import { and, eq, isNotNull, lt } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { cases, documents } from "../../db/schema/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { removeStoredFile } from "../files/files.service.ts";
import { deleteDocumentRow, findDocumentRow, listVersions } from "./documents.repository.ts";

export interface PurgedDocuments {
  documents: number;
  files: number;
}

/**
 * The retention rule for case documents: every document of a case decided before `cutoff` (a day,
 * `YYYY-MM-DD`), with all its versions, is deleted, then their files leave the storage. One
 * transaction per document (audited), files removed after it commits, so a crash midway leaves
 * only unreferenced objects, and a second run picks up where this one stopped.
 */
export async function purgeDecidedCaseDocuments(ctx: AppContext, cutoff: string): Promise<PurgedDocuments> {
  const due = await ctx.db
    .select({ id: documents.id })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .where(and(isNotNull(cases.decidedAt), lt(cases.decidedAt, cutoff)));
  const purged: PurgedDocuments = { documents: 0, files: 0 };
  for (const { id } of due) {
    const fileIds = await ctx.db.transaction(async (tx) => {
      const row = await findDocumentRow(tx, id, { forUpdate: true });
      if (!row) return [];
      const versions = await listVersions(tx, [row.id]);
      await deleteDocumentRow(tx, row.id);
      await writeAudit(tx, {
        actorId: null,
        action: "document.retention_deleted",
        entityType: "document",
        entityId: row.id,
        before: { caseId: row.caseId, requirementId: row.requirementId, versions: versions.length },
      });
      purged.documents += 1;
      return versions.map((version) => version.fileId);
    });
    for (const fileId of fileIds) await removeStoredFile(ctx, fileId);
    purged.files += fileIds.length;
  }
  return purged;
}
