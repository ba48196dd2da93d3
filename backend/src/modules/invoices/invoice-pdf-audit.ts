import type { DbOrTx } from "../../db/client.ts";
import { writeAudit } from "../audit/audit.service.ts";

/**
 * Every PDF handed out is audited, as document downloads are: who took which PDF of which invoice,
 * and whether through their session or through a short-lived link (the phone's system browser).
 */
export function auditPdfDownload(
  db: DbOrTx,
  entry: {
    actorId: string;
    invoice: { id: string; number: string | null };
    kind: "invoice" | "receipt";
    via: "session" | "link";
  },
): Promise<void> {
  return writeAudit(db, {
    actorId: entry.actorId,
    action: "invoice.pdf_downloaded",
    entityType: "invoice",
    entityId: entry.invoice.id,
    after: { number: entry.invoice.number, kind: entry.kind, via: entry.via },
  });
}
