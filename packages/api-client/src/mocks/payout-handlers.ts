import type { PayoutBatch } from "@referral-app/shared/schemas/payout";
import { http } from "msw";
import { fixtureUuid } from "./case-fixtures.ts";
import type { MockStore } from "./mock-store.ts";
import { fail, ok } from "./respond.ts";

/** Payout batches: one open batch for the demo agency; partners see their statements. */
export function payoutHandlers(_store: MockStore, url: (path: string) => string) {
  const batches: PayoutBatch[] = [
    {
      id: fixtureUuid(950_001),
      number: "PAY-2026-0001",
      partnerOrganizationId: fixtureUuid(950_002),
      partnerOrganizationName: "Global Study Agency",
      currency: "USD",
      totalMinor: 45_000,
      commissionCount: 3,
      status: "open",
      paymentReference: null,
      paidAt: null,
      createdAt: new Date().toISOString(),
    },
  ];
  return [
    http.get(url("admin/payout-batches"), () => ok(batches)),
    http.post(url("admin/payout-batches"), () => ok([], 201)),
    http.post(url("admin/payout-batches/:id/mark-paid"), async ({ params, request }) => {
      const batch = batches.find((entry) => entry.id === params.id);
      if (!batch) return fail("NOT_FOUND", "Payout batch not found");
      if (batch.status === "paid") return fail("INVALID_TRANSITION", "Already paid");
      const { reference } = (await request.json()) as { reference: string };
      Object.assign(batch, { status: "paid", paymentReference: reference, paidAt: new Date().toISOString() });
      return ok({ ...batch, commissions: [] });
    }),
    http.get(url("partners/payout-statements"), () => ok(batches)),
  ];
}
