import { apiErrorResponseSchema, apiResponseSchema } from "@referral-app/shared/schemas/common";
import {
  type InvitePartnerMemberData,
  type PartnerCommissionListQuery,
  type PartnerCommissions,
  type PartnerImportResult,
  type PartnerImportSummary,
  type PartnerMember,
  type PartnerOverview,
  type PartnerReferralListQuery,
  type PartnerReferralPage,
  partnerCommissionsSchema,
  partnerImportResultSchema,
  partnerImportSummarySchema,
  partnerMemberSchema,
  partnerOverviewSchema,
  partnerReferralPageSchema,
} from "@referral-app/shared/schemas/partners";
import { type ReferralDetail, referralDetailSchema } from "@referral-app/shared/schemas/referral";
import { z } from "zod";
import { ApiError, codeForStatus } from "../api-error.ts";
import { BaseService, pathId } from "./base-service.ts";

export interface ImportUploadOptions {
  fileName?: string;
  /** Called with 0..1 as the file goes up (XMLHttpRequest upload progress). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

// zod's input type of a coerced number is `unknown`; callers pass numbers and strings.
const params = (query: object) => query as Record<string, string | number | undefined>;

const importResponseSchema = apiResponseSchema(partnerImportResultSchema);

/** The partner portal's endpoints under /api/partners, always scoped to the caller's organisation. */
export class PartnerService extends BaseService {
  getOverview(signal?: AbortSignal): Promise<PartnerOverview> {
    return this.get("partners/me", partnerOverviewSchema, { signal });
  }

  listReferrals(query: PartnerReferralListQuery = {}, signal?: AbortSignal): Promise<PartnerReferralPage> {
    return this.client.request("GET", "partners/referrals", partnerReferralPageSchema, {
      searchParams: params(query),
      signal,
    });
  }

  getReferral(id: string, signal?: AbortSignal): Promise<ReferralDetail> {
    return this.get(`partners/referrals/${pathId(id)}`, referralDetailSchema, { signal });
  }

  listImports(signal?: AbortSignal): Promise<PartnerImportSummary[]> {
    return this.get("partners/imports", z.array(partnerImportSummarySchema), { signal });
  }

  getImport(id: string, signal?: AbortSignal): Promise<PartnerImportResult> {
    return this.get(`partners/imports/${pathId(id)}`, partnerImportResultSchema, { signal });
  }

  /** A link for the browser to download (cookie session). */
  importErrorsUrl(id: string): string {
    return `${this.client.baseURL}/partners/imports/${pathId(id)}/errors.csv`;
  }

  getCommissions(query: PartnerCommissionListQuery = {}, signal?: AbortSignal): Promise<PartnerCommissions> {
    return this.get("partners/commissions", partnerCommissionsSchema, {
      searchParams: params(query),
      signal,
    });
  }

  listMembers(signal?: AbortSignal): Promise<PartnerMember[]> {
    return this.get("partners/members", z.array(partnerMemberSchema), { signal });
  }

  inviteMember(data: InvitePartnerMemberData): Promise<PartnerMember> {
    return this.post("partners/members/invite", partnerMemberSchema, data);
  }

  /**
   * Uploads a CSV as a `text/csv` body. XMLHttpRequest rather than fetch: it is the one browser API
   * that reports upload progress. The server is idempotent per file, so a repeat is harmless.
   */
  importReferralsCsv(file: Blob, options: ImportUploadOptions = {}): Promise<PartnerImportResult> {
    const query = options.fileName ? `?fileName=${encodeURIComponent(options.fileName)}` : "";
    const url = `${this.client.baseURL}/partners/referrals/import${query}`;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.withCredentials = this.client.config.credentials === "include";
      xhr.setRequestHeader("Content-Type", "text/csv");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        options.onProgress?.(1);
        const result = readImportAnswer(xhr.status, xhr.responseText);
        if (result instanceof ApiError) reject(result);
        else resolve(result);
      };
      xhr.onerror = () =>
        reject(ApiError.fromCode("NETWORK_ERROR", "Could not reach the server. Check your connection."));
      xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
      options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
      xhr.send(file);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readImportAnswer(status: number, text: string): PartnerImportResult | ApiError {
  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = importResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data.data;
    return new ApiError({
      code: "INTERNAL_ERROR",
      message: "The import answer does not match the API",
      status,
    });
  }
  const failure = apiErrorResponseSchema.safeParse(body);
  if (failure.success) {
    const { code, message, details } = failure.data.error;
    return new ApiError({ code, message, status, ...(details ? { details } : {}) });
  }
  return new ApiError({ code: codeForStatus(status), message: `Import failed (${status})`, status });
}
