import { z } from "zod";
import { idSchema, isoDateTimeSchema, uuidSchema } from "./common.ts";

// Invoices on a case: integer minor units in one ISO currency per invoice.

export const INVOICE_STATES = ["draft", "open", "partially_paid", "paid", "void", "refunded"] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];
export const invoiceStateSchema = z.enum(INVOICE_STATES);

/** Manual methods staff record by hand; `card` is an online payment through the gateway. */
export const PAYMENT_METHODS = ["bank_transfer", "cash", "card_terminal", "card", "credit"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const MANUAL_PAYMENT_METHODS = ["bank_transfer", "cash", "card_terminal"] as const;

export const PAYMENT_PROVIDERS = ["manual", "stripe"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, "A three-letter ISO currency code, e.g. USD");
const minorAmount = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
const positiveMinor = z.number().int().min(1).max(1_000_000_000_000);

export const invoiceLineInputSchema = z.object({
  description: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(10_000).default(1),
  /** Per unit, minor units; negative for a discount. */
  unitAmountMinor: minorAmount,
  /** A tax rate from the consultancy settings; none by default. */
  taxRateId: z.string().min(1).max(40).nullable().optional(),
});
export type InvoiceLineInput = z.input<typeof invoiceLineInputSchema>;

export const invoiceLineSchema = z
  .object({
    id: uuidSchema,
    kind: z.enum(["item", "credit"]),
    description: z.string(),
    quantity: z.number().int(),
    unitAmountMinor: z.number().int(),
    amountMinor: z.number().int(),
    taxRateId: z.string().nullable(),
    taxRateName: z.string().nullable(),
    /** Basis points: 1000 = 10 %. */
    taxRateBps: z.number().int(),
    taxMinor: z.number().int(),
  })
  .meta({ id: "InvoiceLine" });
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoicePaymentSchema = z
  .object({
    id: uuidSchema,
    kind: z.enum(["payment", "refund"]),
    amountMinor: z.number().int(),
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().nullable(),
    paidAt: isoDateTimeSchema,
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "InvoicePayment" });
export type InvoicePayment = z.infer<typeof invoicePaymentSchema>;

export const invoiceSummarySchema = z
  .object({
    id: uuidSchema,
    number: z.string().nullable(),
    caseId: uuidSchema,
    caseNumber: z.string(),
    clientId: idSchema,
    clientName: z.string(),
    currency: currencySchema,
    state: invoiceStateSchema,
    /** Derived: open or partly paid past its due date. */
    overdue: z.boolean(),
    isStageInvoice: z.boolean(),
    issueDate: z.iso.date(),
    dueDate: z.iso.date(),
    subtotalMinor: z.number().int(),
    taxMinor: z.number().int(),
    totalMinor: z.number().int(),
    paidMinor: z.number().int(),
    refundedMinor: z.number().int(),
    balanceMinor: z.number().int(),
    sentAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "InvoiceSummary" });
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

export const invoiceSchema = invoiceSummarySchema
  .extend({
    notes: z.string().nullable(),
    lines: z.array(invoiceLineSchema),
    payments: z.array(invoicePaymentSchema),
  })
  .meta({ id: "Invoice" });
export type Invoice = z.infer<typeof invoiceSchema>;

const dueDateSchema = z.iso.date();

export const createInvoiceSchema = z
  .object({
    caseId: uuidSchema,
    /** Copies the template's currency and lines (lines given here are added after them). */
    templateId: uuidSchema.optional(),
    currency: currencySchema.optional(),
    lines: z.array(invoiceLineInputSchema).max(100).optional(),
    issueDate: z.iso.date().optional(),
    dueDate: dueDateSchema.optional(),
    /** Paying this invoice in full completes the case's Payment stage. */
    isStageInvoice: z.boolean().optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .meta({ id: "CreateInvoiceData" });
export type CreateInvoiceData = z.input<typeof createInvoiceSchema>;

export const updateInvoiceSchema = z
  .object({
    currency: currencySchema.optional(),
    lines: z.array(invoiceLineInputSchema).max(100).optional(),
    issueDate: z.iso.date().optional(),
    dueDate: dueDateSchema.optional(),
    isStageInvoice: z.boolean().optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .meta({ id: "UpdateInvoiceData" });
export type UpdateInvoiceData = z.input<typeof updateInvoiceSchema>;

export const recordPaymentSchema = z
  .object({
    /** Minor units; never more than the balance (409). */
    amount: positiveMinor,
    method: z.enum(MANUAL_PAYMENT_METHODS),
    reference: z.string().trim().min(1).max(200),
    paidAt: isoDateTimeSchema,
  })
  .meta({ id: "RecordPaymentData" });
export type RecordPaymentData = z.infer<typeof recordPaymentSchema>;

export const refundInvoiceSchema = z
  .object({
    /** Minor units; the whole paid amount when omitted. */
    amount: positiveMinor.optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .meta({ id: "RefundInvoiceData" });
export type RefundInvoiceData = z.infer<typeof refundInvoiceSchema>;

export const voidInvoiceSchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .meta({ id: "VoidInvoiceData" });
export type VoidInvoiceData = z.infer<typeof voidInvoiceSchema>;

/** `GET /api/invoices/:id/pdf-link?kind=`: which PDF the short-lived link opens. */
export const invoicePdfLinkQuerySchema = z.object({
  kind: z.enum(["invoice", "receipt"]).default("invoice"),
});

/**
 * A link to the invoice's (or receipt's) PDF that works without a session for a few minutes, for
 * apps that open it in the system browser (the phone). Holding the live link is the permission.
 */
export const invoicePdfLinkSchema = z
  .object({ url: z.string(), expiresAt: isoDateTimeSchema })
  .meta({ id: "InvoicePdfLink" });
export type InvoicePdfLink = z.infer<typeof invoicePdfLinkSchema>;

/** The PDF routes take `?token=` from such a link instead of a session. */
export const invoicePdfQuerySchema = z.object({ token: z.string().min(1).max(4096).optional() });

/** `POST /api/invoices/:id/pay`: a hosted checkout page, or the manual gateway's instructions. */
export const payInvoiceResultSchema = z
  .discriminatedUnion("provider", [
    z.object({ provider: z.literal("stripe"), checkoutUrl: z.url() }),
    z.object({
      provider: z.literal("manual"),
      /** Plain words: how to pay by bank transfer, cash or card terminal. */
      instructions: z.string(),
      /** What to quote with a transfer so staff can match it. */
      reference: z.string(),
      amountMinor: z.number().int(),
      currency: currencySchema,
    }),
  ])
  .meta({ id: "PayInvoiceResult" });
export type PayInvoiceResult = z.infer<typeof payInvoiceResultSchema>;

const queryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

export const adminInvoiceListQuerySchema = z.object({
  state: invoiceStateSchema.optional(),
  overdue: queryBoolean.optional(),
  caseId: uuidSchema.optional(),
  /** Issue dates from/to (inclusive). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminInvoiceListQuery = z.output<typeof adminInvoiceListQuerySchema>;
export const adminInvoiceExportQuerySchema = adminInvoiceListQuerySchema.omit({ cursor: true, limit: true });

export const invoiceTemplateSchema = z
  .object({
    id: uuidSchema,
    visaTypeId: uuidSchema,
    name: z.string(),
    currency: currencySchema,
    lines: z.array(
      z.object({
        description: z.string(),
        quantity: z.number().int(),
        unitAmountMinor: z.number().int(),
        taxRateId: z.string().nullable().optional(),
      }),
    ),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "InvoiceTemplate" });
export type InvoiceTemplate = z.infer<typeof invoiceTemplateSchema>;

export const createInvoiceTemplateSchema = z
  .object({
    visaTypeId: uuidSchema,
    name: z.string().trim().min(1).max(120),
    currency: currencySchema,
    lines: z.array(invoiceLineInputSchema).min(1).max(100),
  })
  .meta({ id: "CreateInvoiceTemplateData" });
export type CreateInvoiceTemplateData = z.input<typeof createInvoiceTemplateSchema>;

export const invoiceTemplateListQuerySchema = z.object({ visaTypeId: uuidSchema.optional() });

export const taxRateSchema = z
  .object({
    id: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    rateBps: z.number().int().min(0).max(10_000),
  })
  .meta({ id: "TaxRate" });
export type TaxRate = z.infer<typeof taxRateSchema>;

/** Webhook acknowledgement: whether this delivery changed anything (a replay does not). */
export const webhookResultSchema = z
  .object({ received: z.literal(true), processed: z.boolean() })
  .meta({ id: "WebhookResult" });

/** Staff analytics: money in by month, what is still owed, and what referrals bring against what they cost. */
export const revenueAnalyticsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type RevenueAnalyticsQuery = z.infer<typeof revenueAnalyticsQuerySchema>;

export const revenueAnalyticsSchema = z
  .object({
    /** Payments net of refunds, by the month they were received. */
    revenueByMonth: z.array(
      z.object({ month: z.string(), currency: currencySchema, amountMinor: z.number().int() }),
    ),
    outstanding: z.array(
      z.object({
        currency: currencySchema,
        amountMinor: z.number().int(),
        overdueMinor: z.number().int(),
        invoices: z.number().int(),
      }),
    ),
    /** Per channel: client referrals, or one partner organisation. */
    referralRoi: z.array(
      z.object({
        channel: z.enum(["client_referrals", "partner"]),
        partnerOrganizationId: uuidSchema.nullable(),
        name: z.string(),
        currency: currencySchema,
        revenueMinor: z.number().int(),
        /** Rewards paid or taken as credit, and partner commissions paid. */
        costMinor: z.number().int(),
        /** Revenue per unit of cost (null with no cost yet). */
        roi: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "RevenueAnalytics" });
export type RevenueAnalytics = z.infer<typeof revenueAnalyticsSchema>;
