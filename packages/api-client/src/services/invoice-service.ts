import { type CursorPage, cursorPageSchema } from "@referral-app/shared/schemas/admin";
import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import {
  type AdminInvoiceListQuery,
  type CreateInvoiceData,
  type Invoice,
  type InvoicePdfLink,
  type InvoiceSummary,
  type InvoiceTemplate,
  invoicePdfLinkSchema,
  invoiceSchema,
  invoiceSummarySchema,
  invoiceTemplateSchema,
  type PayInvoiceResult,
  payInvoiceResultSchema,
  type RecordPaymentData,
  type RefundInvoiceData,
  type RevenueAnalytics,
  type RevenueAnalyticsQuery,
  revenueAnalyticsSchema,
  type UpdateInvoiceData,
  type VoidInvoiceData,
} from "@referral-app/shared/schemas/invoice";
import {
  type CreditBalance,
  creditBalanceSchema,
  type RewardPreference,
  rewardPreferenceSchema,
  type UpdateRewardPreferenceData,
} from "@referral-app/shared/schemas/rewards";
import { z } from "zod";
import { createIdempotencyKey } from "../idempotency-key.ts";
import { BaseService, pathId } from "./base-service.ts";

/** Invoices (client and staff), paying them, and rewards taken as credit. */
export class InvoiceService extends BaseService {
  getCaseInvoices(caseId: string, signal?: AbortSignal): Promise<InvoiceSummary[]> {
    return this.get(`cases/${pathId(caseId)}/invoices`, z.array(invoiceSummarySchema), { signal });
  }

  getInvoice(id: string, signal?: AbortSignal): Promise<Invoice> {
    return this.get(`invoices/${pathId(id)}`, invoiceSchema, { signal });
  }

  /** Where the browser downloads the PDF (cookie sessions); the receipt once something was paid. */
  pdfPath(id: string, kind: "invoice" | "receipt" = "invoice"): string {
    return kind === "invoice" ? `/api/invoices/${pathId(id)}/pdf` : `/api/invoices/${pathId(id)}/receipt.pdf`;
  }

  /** A link that opens the PDF without a session for a few minutes: for the phone's browser. */
  getPdfLink(id: string, kind: "invoice" | "receipt" = "invoice"): Promise<InvoicePdfLink> {
    return this.get(`invoices/${pathId(id)}/pdf-link?kind=${kind}`, invoicePdfLinkSchema);
  }

  pay(id: string): Promise<PayInvoiceResult> {
    return this.post(`invoices/${pathId(id)}/pay`, payInvoiceResultSchema);
  }

  getCredit(userId = "me", signal?: AbortSignal): Promise<CreditBalance> {
    return this.get(`users/${pathId(userId)}/credit`, creditBalanceSchema, { signal });
  }

  getRewardPreference(userId = "me", signal?: AbortSignal): Promise<RewardPreference> {
    return this.get(`users/${pathId(userId)}/reward-preference`, rewardPreferenceSchema, { signal });
  }

  async setRewardPreference(data: UpdateRewardPreferenceData, userId = "me"): Promise<RewardPreference> {
    const response = await this.client.request(
      "PUT",
      `users/${pathId(userId)}/reward-preference`,
      apiResponseSchema(rewardPreferenceSchema),
      { json: data },
    );
    return response.data;
  }

  listAdmin(
    query: Partial<AdminInvoiceListQuery> = {},
    signal?: AbortSignal,
  ): Promise<CursorPage<InvoiceSummary>> {
    return this.client.request("GET", "admin/invoices", cursorPageSchema(invoiceSummarySchema), {
      searchParams: {
        state: query.state,
        overdue: query.overdue === undefined ? undefined : String(query.overdue),
        caseId: query.caseId,
        from: query.from,
        to: query.to,
        cursor: query.cursor,
        limit: query.limit,
      },
      signal,
    });
  }

  create(data: CreateInvoiceData): Promise<Invoice> {
    return this.post("admin/invoices", invoiceSchema, data);
  }

  update(id: string, data: UpdateInvoiceData): Promise<Invoice> {
    return this.patch(`admin/invoices/${pathId(id)}`, invoiceSchema, data);
  }

  send(id: string): Promise<Invoice> {
    return this.post(`admin/invoices/${pathId(id)}/send`, invoiceSchema);
  }

  /** Retried safely: one key per payment the user confirms. */
  recordPayment(
    id: string,
    data: RecordPaymentData,
    idempotencyKey = createIdempotencyKey(),
  ): Promise<Invoice> {
    return this.post(`admin/invoices/${pathId(id)}/payments`, invoiceSchema, data, { idempotencyKey });
  }

  void(id: string, data: VoidInvoiceData): Promise<Invoice> {
    return this.post(`admin/invoices/${pathId(id)}/void`, invoiceSchema, data);
  }

  refund(id: string, data: RefundInvoiceData): Promise<Invoice> {
    return this.post(`admin/invoices/${pathId(id)}/refund`, invoiceSchema, data);
  }

  getRevenueAnalytics(query: RevenueAnalyticsQuery = {}, signal?: AbortSignal): Promise<RevenueAnalytics> {
    return this.get("admin/analytics/revenue", revenueAnalyticsSchema, {
      searchParams: { from: query.from, to: query.to },
      signal,
    });
  }

  getTemplates(visaTypeId?: string, signal?: AbortSignal): Promise<InvoiceTemplate[]> {
    return this.get("admin/invoice-templates", z.array(invoiceTemplateSchema), {
      searchParams: { visaTypeId },
      signal,
    });
  }
}
