import type { PartnerCommissions } from "@referral-app/shared/schemas/partners";
import type { PayoutBatch, PayoutBatchDetail } from "@referral-app/shared/schemas/payout";
import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewardLedger } from "../../db/schema/index.ts";
import {
  createOrganizationRow,
  insertReferralRow,
  insertRewardRow,
  signUpPartner,
} from "../../test/fixtures.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: SignedUpUser;
let agency: { id: string; member: SignedUpUser };
let small: { id: string; member: SignedUpUser };

async function commission(org: { id: string; member: SignedUpUser }, amountMinor: number, currency = "USD") {
  const referralId = await insertReferralRow(t, {
    referrerId: org.member.id,
    partnerOrganizationId: org.id,
    status: "converted",
    fullName: `Friend ${amountMinor}`,
  });
  return insertRewardRow(t, {
    userId: org.member.id,
    referralId,
    kind: "partner_commission",
    status: "approved",
    amountMinor,
    currency,
    partnerOrganizationId: org.id,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, { role: "admin" });
  const agencyId = await createOrganizationRow(t, { name: "Global Study Agency" });
  const smallId = await createOrganizationRow(t, { name: "Tiny Partners" });
  agency = { id: agencyId, member: await signUpPartner(t, agencyId) };
  small = { id: smallId, member: await signUpPartner(t, smallId) };
  await commission(agency, 3_000);
  await commission(agency, 4_550);
  await commission(agency, 2_450);
  await commission(agency, 2_000, "EUR");
  await commission(small, 1_000);
});
afterAll(() => t.close());

const call = (method: "GET" | "POST", url: string, user: SignedUpUser, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const data = <T>(response: { json(): unknown }) => (response.json() as { data: T }).data;

async function pdfText(payload: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(payload) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("POST /api/admin/payout-batches", () => {
  let batch: PayoutBatch;

  it("batches each organisation's approved commissions over the minimum, totals equal to their sum", async () => {
    const held = data<PayoutBatch[]>(
      await call("POST", "/api/admin/payout-batches", admin, { minimumMinor: 5_000, holdDays: 3 }),
    );
    expect(held).toEqual([]);
    const created = await call("POST", "/api/admin/payout-batches", admin, {
      minimumMinor: 5_000,
      holdDays: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    const batches = data<PayoutBatch[]>(created);
    expect(batches).toHaveLength(1);
    batch = batches[0]!;
    expect(batch).toMatchObject({
      partnerOrganizationId: agency.id,
      currency: "USD",
      totalMinor: 10_000,
      commissionCount: 3,
      status: "open",
    });
    expect(batch.number).toMatch(/^PAY-\d{4}-0001$/);
    const detail = data<PayoutBatchDetail>(await call("GET", `/api/admin/payout-batches/${batch.id}`, admin));
    expect(detail.commissions.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(detail.totalMinor);
    const again = data<PayoutBatch[]>(
      await call("POST", "/api/admin/payout-batches", admin, { minimumMinor: 0, holdDays: 0 }),
    );
    expect(again.map((item) => [item.partnerOrganizationId, item.currency, item.totalMinor]).sort()).toEqual(
      [
        [agency.id, "EUR", 2_000],
        [small.id, "USD", 1_000],
      ].sort(),
    );
    expect(
      (await call("POST", "/api/admin/payout-batches", small.member, { minimumMinor: 0, holdDays: 0 }))
        .statusCode,
    ).toBe(403);
  });

  it("gives a statement PDF and a bank-upload CSV", async () => {
    const csv = await call("GET", `/api/admin/payout-batches/${batch.id}.csv`, admin);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toBe(
      `payee_name,amount,currency,payment_reference,commissions\r\nGlobal Study Agency,100.00,USD,${batch.number},3\r\n`,
    );
    const pdf = await call("GET", `/api/admin/payout-batches/${batch.id}/statement.pdf`, admin);
    const text = await pdfText(pdf.rawPayload);
    for (const expected of [
      "Payout statement",
      batch.number,
      "Global Study Agency",
      "$30.00",
      "$45.50",
      "$24.50",
      "$100.00",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("marks the batch paid with its reference; the partner sees the statement and paid totals", async () => {
    const paid = await call("POST", `/api/admin/payout-batches/${batch.id}/mark-paid`, admin, {
      reference: "SEPA-2026-889",
    });
    expect(data<PayoutBatchDetail>(paid)).toMatchObject({
      status: "paid",
      paymentReference: "SEPA-2026-889",
    });
    expect(
      (await call("POST", `/api/admin/payout-batches/${batch.id}/mark-paid`, admin, { reference: "x" }))
        .statusCode,
    ).toBe(409);
    const rows = await t.ctx.db.select().from(rewardLedger).where(eq(rewardLedger.payoutBatchId, batch.id));
    expect(rows.map((row) => row.status)).toEqual(["paid", "paid", "paid"]);
    const statements = data<PayoutBatch[]>(
      await call("GET", "/api/partners/payout-statements", agency.member),
    );
    expect(statements.map((item) => item.id)).toContain(batch.id);
    const own = await call("GET", `/api/partners/payout-statements/${batch.id}/statement.pdf`, agency.member);
    expect(await pdfText(own.rawPayload)).toContain("SEPA-2026-889");
    const foreign = await call(
      "GET",
      `/api/partners/payout-statements/${batch.id}/statement.pdf`,
      small.member,
    );
    expect(foreign.statusCode).toBe(404);
    const totals = data<PartnerCommissions>(
      await call("GET", "/api/partners/commissions", agency.member),
    ).totals;
    expect(totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: "USD", status: "paid", amountMinor: 10_000 }),
        expect.objectContaining({ currency: "EUR", status: "approved", amountMinor: 2_000 }),
      ]),
    );
  });
});
