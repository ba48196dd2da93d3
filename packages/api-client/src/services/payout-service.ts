import {
  type CreatePayoutBatchesData,
  type MarkPayoutPaidData,
  type PayoutBatch,
  type PayoutBatchDetail,
  payoutBatchDetailSchema,
  payoutBatchSchema,
} from "@referral-app/shared/schemas/payout";
import { z } from "zod";
import { BaseService, pathId } from "./base-service.ts";

/** Partner payout batches (admins) and statements (partners). */
export class PayoutService extends BaseService {
  list(signal?: AbortSignal): Promise<PayoutBatch[]> {
    return this.get("admin/payout-batches", z.array(payoutBatchSchema), { signal });
  }

  create(data: CreatePayoutBatchesData): Promise<PayoutBatch[]> {
    return this.post("admin/payout-batches", z.array(payoutBatchSchema), data);
  }

  markPaid(id: string, data: MarkPayoutPaidData): Promise<PayoutBatchDetail> {
    return this.post(`admin/payout-batches/${pathId(id)}/mark-paid`, payoutBatchDetailSchema, data);
  }

  /** Browser downloads (cookie sessions). */
  statementPath(id: string, viewer: "admin" | "partner" = "admin"): string {
    return viewer === "admin"
      ? `/api/admin/payout-batches/${pathId(id)}/statement.pdf`
      : `/api/partners/payout-statements/${pathId(id)}/statement.pdf`;
  }

  csvPath(id: string): string {
    return `/api/admin/payout-batches/${pathId(id)}.csv`;
  }

  partnerStatements(signal?: AbortSignal): Promise<PayoutBatch[]> {
    return this.get("partners/payout-statements", z.array(payoutBatchSchema), { signal });
  }
}
