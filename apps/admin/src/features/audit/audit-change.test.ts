import type { AuditEntry } from "@referral-app/shared/schemas/audit";
import { describe, expect, it } from "vitest";
import { describeChanges } from "./audit-change.ts";

const CONSULTANT = "7d0f3c1e-2b4a-4c5d-8e9f-0a1b2c3d4e5f";
const STRANGER = "11111111-2222-4333-8444-555555555555";
const names = (id: string) => (id === CONSULTANT ? "Maya Consultant" : undefined);

function entry(partial: Partial<AuditEntry>): AuditEntry {
  return {
    id: "a1",
    actorId: null,
    actorName: null,
    actorEmail: null,
    action: "referral.status_changed",
    entityType: "referral",
    entityId: "r1",
    before: null,
    after: null,
    createdAt: "2026-03-02T10:00:00.000Z",
    ...partial,
  };
}

describe("audit changes in words", () => {
  it("names statuses, drops fields that did not change and never prints null", () => {
    const changes = describeChanges(
      entry({
        before: { status: "pending" },
        after: { status: "contacted", internalNote: null, messageToReferrer: "We called" },
      }),
      names,
    );
    expect(changes).toEqual(["Status: Pending → Contacted", "Message to the referrer: We called"]);
  });

  it("reads reward statuses for rewards and stages for cases", () => {
    expect(
      describeChanges(
        entry({ entityType: "reward", before: { status: "pending" }, after: { status: "approved" } }),
        names,
      ),
    ).toEqual(["Status: Pending → Approved"]);
    expect(
      describeChanges(
        entry({ entityType: "case", before: { stage: "enquiry" }, after: { stage: "assessment" } }),
        names,
      ),
    ).toEqual(["Stage: Enquiry → Assessment"]);
  });

  it("reads an invoice's state, money, method and number in words", () => {
    expect(
      describeChanges(
        entry({
          action: "invoice.payment_recorded",
          entityType: "invoice",
          before: { state: "open", paidMinor: 0 },
          after: {
            state: "paid",
            currency: "USD",
            paidMinor: 70_000,
            paymentId: STRANGER,
            method: "bank_transfer",
            number: "INV-2026-0007",
          },
        }),
        names,
      ),
    ).toEqual([
      "State: Open → Paid",
      "Paid: $0.00 → $700.00",
      "Currency: USD",
      "Method: Bank transfer",
      "Invoice: INV-2026-0007",
    ]);
  });

  it("says which PDF of which invoice was downloaded, and how", () => {
    expect(
      describeChanges(
        entry({
          action: "invoice.pdf_downloaded",
          entityType: "invoice",
          after: { number: "INV-2026-0007", kind: "receipt", via: "link" },
        }),
        names,
      ),
    ).toEqual(["Invoice: INV-2026-0007", "PDF: Receipt", "Opened with: A 5-minute link (phone)"]);
  });

  it("shows a value that appears as set, not as null → value", () => {
    expect(
      describeChanges(entry({ before: null, after: { recipientCount: 0, country: "IE" } }), names),
    ).toEqual(["Recipients: 0", "Country: Ireland"]);
  });

  it("names staff by their id and leaves unknown ids out", () => {
    expect(
      describeChanges(
        entry({
          before: { consultantId: null },
          after: { consultantId: CONSULTANT, clientId: "MrhiYqTHdmmWEX2FFMVwis1rVp6CEbxD" },
        }),
        names,
      ),
    ).toEqual(["Consultant: Maya Consultant"]);
    expect(
      describeChanges(
        entry({ before: { consultantId: CONSULTANT }, after: { consultantId: STRANGER } }),
        names,
      ),
    ).toEqual(["Consultant: Maya Consultant → someone else"]);
  });

  it("says yes or no, lists roles in words, and reports nothing when nothing changed", () => {
    expect(
      describeChanges(
        entry({
          before: { enabled: false, roles: ["staff"] },
          after: { enabled: true, roles: ["staff", "admin"] },
        }),
        names,
      ),
    ).toEqual(["Enabled: No → Yes", "Roles: Staff → Staff, Admins"]);
    expect(describeChanges(entry({ before: { enabled: true }, after: { enabled: true } }), names)).toEqual(
      [],
    );
  });
});
