import {
  type Invoice,
  type InvoiceSummary,
  refundInvoiceSchema,
  voidInvoiceSchema,
} from "@referral-app/shared/schemas/invoice";
import {
  type CreditBalance,
  REWARD_CREDIT_DISCLOSURE,
  type RewardPreference,
  updateRewardPreferenceSchema,
} from "@referral-app/shared/schemas/rewards";
import { http } from "msw";
import { fixtureUuid } from "./case-fixtures.ts";
import type { MockStore } from "./mock-store.ts";
import { fail, invalid, ok, readJson } from "./respond.ts";

const summaryOf = ({
  notes: _notes,
  lines: _lines,
  payments: _payments,
  ...summary
}: Invoice): InvoiceSummary => summary;

/** One open invoice on the first case, the manual gateway's instructions, and cash rewards. */
export function invoiceHandlers(store: MockStore, url: (path: string) => string) {
  const first = store.cases[0];
  const now = new Date().toISOString();
  const invoices: Invoice[] = first
    ? [
        {
          id: fixtureUuid(900_001),
          number: "INV-2026-0001",
          caseId: first.id,
          caseNumber: first.number,
          clientId: first.client.id,
          clientName: first.client.name,
          currency: "USD",
          state: "open",
          overdue: false,
          isStageInvoice: true,
          issueDate: now.slice(0, 10),
          dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          subtotalMinor: 150_000,
          taxMinor: 0,
          totalMinor: 150_000,
          paidMinor: 0,
          refundedMinor: 0,
          balanceMinor: 150_000,
          sentAt: now,
          createdAt: now,
          updatedAt: now,
          notes: null,
          lines: [
            {
              id: fixtureUuid(900_002),
              kind: "item",
              description: "Service fee",
              quantity: 1,
              unitAmountMinor: 150_000,
              amountMinor: 150_000,
              taxRateId: null,
              taxRateName: null,
              taxRateBps: 0,
              taxMinor: 0,
            },
          ],
          payments: [],
        },
      ]
    : [];
  let preference: RewardPreference = {
    method: "cash",
    disclosureVersion: null,
    disclosureAcceptedAt: null,
    disclosure: { ...REWARD_CREDIT_DISCLOSURE },
  };
  const credit = (): CreditBalance => ({ method: preference.method, balances: [], history: [] });
  return [
    http.get(url("cases/:id/invoices"), ({ params }) =>
      ok(invoices.filter((invoice) => invoice.caseId === params.id).map(summaryOf)),
    ),
    http.get(url("invoices/:id"), ({ params }) => {
      const invoice = invoices.find((entry) => entry.id === params.id);
      return invoice ? ok(invoice) : fail("NOT_FOUND", "Invoice not found");
    }),
    http.get(url("invoices/:id/pdf-link"), ({ params }) => {
      const invoice = invoices.find((entry) => entry.id === params.id);
      if (!invoice) return fail("NOT_FOUND", "Invoice not found");
      return ok({
        url: `https://demo.test/api/invoices/${invoice.id}/pdf?token=mock-token`,
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
      });
    }),
    http.post(url("invoices/:id/pay"), ({ params }) => {
      const invoice = invoices.find((entry) => entry.id === params.id);
      if (!invoice) return fail("NOT_FOUND", "Invoice not found");
      return ok({
        provider: "manual" as const,
        instructions: "Pay by bank transfer to IBAN GB29 NWBK 6016 1331 9268 19, quoting the invoice number.",
        reference: invoice.number ?? "",
        amountMinor: invoice.balanceMinor,
        currency: invoice.currency,
      });
    }),
    http.get(url("users/:id/credit"), () => ok(credit())),
    http.get(url("users/:id/reward-preference"), () => ok(preference)),
    http.put(url("users/:id/reward-preference"), async ({ request }) => {
      const parsed = updateRewardPreferenceSchema.safeParse(await request.json());
      if (!parsed.success) return fail("VALIDATION_ERROR", "Invalid preference");
      if (
        parsed.data.method === "credit" &&
        parsed.data.disclosureVersion !== REWARD_CREDIT_DISCLOSURE.version
      ) {
        return fail("VALIDATION_ERROR", "Accept the disclosure of how credit works first");
      }
      preference = {
        ...preference,
        method: parsed.data.method,
        ...(parsed.data.method === "credit"
          ? {
              disclosureVersion: REWARD_CREDIT_DISCLOSURE.version,
              disclosureAcceptedAt: new Date().toISOString(),
            }
          : {}),
      };
      return ok(preference);
    }),
    http.get(url("admin/invoices"), () => ok(invoices.map(summaryOf))),
    http.get(url("admin/analytics/revenue"), () =>
      ok({
        revenueByMonth: [
          { month: "2026-10", currency: "USD", amountMinor: 420_000 },
          { month: "2026-11", currency: "USD", amountMinor: 615_000 },
        ],
        outstanding: [{ currency: "USD", amountMinor: 150_000, overdueMinor: 0, invoices: 1 }],
        referralRoi: [
          {
            channel: "client_referrals",
            partnerOrganizationId: null,
            name: "Client referrals",
            currency: "USD",
            revenueMinor: 480_000,
            costMinor: 60_000,
            roi: 8,
          },
        ],
      }),
    ),
    http.post(url("admin/invoices/:id/payments"), async ({ params, request }) => {
      const invoice = invoices.find((entry) => entry.id === params.id);
      if (!invoice) return fail("NOT_FOUND", "Invoice not found");
      const body = (await request.json()) as {
        amount: number;
        method: "cash";
        reference: string;
        paidAt: string;
      };
      if (body.amount > invoice.balanceMinor) return fail("CONFLICT", "The payment is more than the balance");
      invoice.paidMinor += body.amount;
      invoice.balanceMinor -= body.amount;
      invoice.state = invoice.balanceMinor === 0 ? "paid" : "partially_paid";
      invoice.payments.push({
        id: fixtureUuid(900_100 + invoice.payments.length),
        kind: "payment",
        amountMinor: body.amount,
        method: body.method,
        reference: body.reference,
        paidAt: body.paidAt,
        createdAt: new Date().toISOString(),
      });
      return ok(invoice, 201);
    }),
    // Void and refund answer the API's 409s: money held cannot be voided, no more than was paid goes back.
    http.post(url("admin/invoices/:id/void"), async ({ params, request }) => {
      const invoice = invoices.find((entry) => entry.id === params.id);
      if (!invoice) return fail("NOT_FOUND", "Invoice not found");
      const parsed = voidInvoiceSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      if (invoice.paidMinor - invoice.refundedMinor > 0) {
        return fail(
          "INVALID_TRANSITION",
          `A ${invoice.state.replace("_", " ")} invoice cannot be voided; refund it first`,
        );
      }
      Object.assign(invoice, { state: "void", balanceMinor: 0, overdue: false });
      return ok(invoice);
    }),
    http.post(url("admin/invoices/:id/refund"), async ({ params, request }) => {
      const invoice = invoices.find((entry) => entry.id === params.id);
      if (!invoice) return fail("NOT_FOUND", "Invoice not found");
      const parsed = refundInvoiceSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const refundable = invoice.paidMinor - invoice.refundedMinor;
      if (refundable <= 0) return fail("INVALID_TRANSITION", "This invoice has nothing to refund");
      const amount = parsed.data.amount ?? refundable;
      if (amount > refundable) {
        return fail("CONFLICT", "At most the amount paid can be refunded", { refundableMinor: refundable });
      }
      invoice.refundedMinor += amount;
      invoice.balanceMinor += amount;
      invoice.state = invoice.paidMinor === invoice.refundedMinor ? "refunded" : "partially_paid";
      invoice.payments.push({
        id: fixtureUuid(900_100 + invoice.payments.length),
        kind: "refund",
        amountMinor: amount,
        method: invoice.payments.find((payment) => payment.kind === "payment")?.method ?? "cash",
        reference: parsed.data.reason,
        paidAt: new Date().toISOString(),
        createdAt: new Date().toISOString(),
      });
      return ok(invoice);
    }),
  ];
}
