import {
  type CaseChecklist,
  type CaseDocument,
  caseChecklistSchema,
  caseDocumentSchema,
  documentLinkSchema,
  type ExpiringDocument,
  expiringDocumentSchema,
  type ReviewDocumentData,
} from "@referral-app/shared/schemas/document";
import { z } from "zod";
import { BaseService, pathId } from "./base-service.ts";

/** Case documents: the checklist, one document, and short-lived links to read a version. */
export class DocumentService extends BaseService {
  getChecklist(caseId: string, signal?: AbortSignal): Promise<CaseChecklist> {
    return this.get(`cases/${pathId(caseId)}/documents`, caseChecklistSchema, { signal });
  }

  /** The client shares the case's documents with the partner it came from, or stops (consent recorded). */
  setSharing(caseId: string, shared: boolean): Promise<CaseChecklist> {
    return this.put(`cases/${pathId(caseId)}/documents/sharing`, caseChecklistSchema, { shared });
  }

  getDocument(id: string, signal?: AbortSignal): Promise<CaseDocument> {
    return this.get(`documents/${pathId(id)}`, caseDocumentSchema, { signal });
  }

  /** Staff: accept the current version, or reject it with a reason the client reads. */
  review(id: string, data: ReviewDocumentData): Promise<CaseDocument> {
    return this.post(`admin/documents/${pathId(id)}/review`, caseDocumentSchema, data);
  }

  /** Staff: documents across open cases that stop meeting their rule within `withinDays`. */
  listExpiring(withinDays: number, signal?: AbortSignal): Promise<ExpiringDocument[]> {
    return this.get("admin/documents/expiring", z.array(expiringDocumentSchema), {
      searchParams: { withinDays },
      signal,
    });
  }

  /** A signed link (valid a few minutes) for a preview (`inline`) or a download. */
  getLink(
    id: string,
    options: { versionId?: string; disposition?: "inline" | "attachment" } = {},
  ): Promise<z.infer<typeof documentLinkSchema>> {
    return this.get(`documents/${pathId(id)}/download`, documentLinkSchema, {
      searchParams: { format: "json", versionId: options.versionId, disposition: options.disposition },
    });
  }
}
