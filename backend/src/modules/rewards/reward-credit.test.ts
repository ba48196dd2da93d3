import type { CaseSummary, VisaCase } from "@referral-app/shared/schemas/case";
import type { Invoice } from "@referral-app/shared/schemas/invoice";
import {
  type CreditBalance,
  REWARD_CREDIT_DISCLOSURE,
  type RewardPreference,
} from "@referral-app/shared/schemas/rewards";
import { and, asc, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  notifications,
  referrals,
  rewardLedger,
  rewardPreferences,
} from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp({ REWARD_HOLDING_DAYS: "0" });
  admin = await signUp(t, { role: "admin" });
});
afterAll(() => t.close());

const call = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, user: SignedUpUser, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const data = <T>(response: { json(): unknown }) => (response.json() as { data: T }).data;

async function primaryCase(user: SignedUpUser): Promise<CaseSummary> {
  return data<CaseSummary[]>(await call("GET", `/api/users/${user.id}/cases`, admin))[0]!;
}

/** A referrer whose friend signed up with their code; the referral converted by staff. */
async function convertedReferral(friendName: string, vesting?: { stage: string; percent: number }[]) {
  const referrer = await signUp(t, { name: "Lena Referrer" });
  const code = data<{ referralCode: string }>(
    await call("GET", "/api/users/me/profile", referrer),
  ).referralCode;
  const friend = await signUp(t, { name: friendName, referralCode: code });
  const friendCase = await primaryCase(friend);
  // Sign-up cases share one visa type: each test sets (or clears) its vesting.
  const saved = await call("PUT", `/api/admin/visa-types/${friendCase.visaType.id}/reward-vesting`, admin, {
    rules: vesting ?? [],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.referredUserId, friend.id));
  for (const status of ["contacted", "qualified", "converted"]) {
    const moved = await call("PATCH", `/api/admin/referrals/${referral!.id}/status`, admin, { status });
    expect(moved.statusCode, moved.body).toBe(200);
  }
  const parts = () =>
    t.ctx.db
      .select()
      .from(rewardLedger)
      .where(eq(rewardLedger.referralId, referral!.id))
      .orderBy(asc(rewardLedger.amountMinor), asc(rewardLedger.vestStage));
  return { referrer, friend, friendCase, parts };
}

describe("stage vesting and clawback", () => {
  it("splits the reward 50/50 at Assessment and Payment, vests with the friend's case and claws back the rest", async () => {
    const { friendCase, parts } = await convertedReferral("Mei Chen", [
      { stage: "assessment", percent: 50 },
      { stage: "payment", percent: 50 },
    ]);
    let rows = await parts();
    expect(rows.map((row) => [row.vestStage, row.amountMinor, row.vestedAt])).toEqual([
      ["assessment", 5_000, null],
      ["payment", 5_000, null],
    ]);
    const early = await call("POST", `/api/admin/rewards/${rows[0]!.id}/approve`, admin, {});
    expect(early.statusCode).toBe(409);
    await call("POST", `/api/admin/cases/${friendCase.id}/stage`, admin, { stage: "assessment" });
    rows = await parts();
    expect(rows[0]!.vestedAt).not.toBeNull();
    expect(rows[1]!.vestedAt).toBeNull();
    expect((await call("POST", `/api/admin/rewards/${rows[0]!.id}/approve`, admin, {})).statusCode).toBe(200);
    const decided = await call("POST", `/api/admin/cases/${friendCase.id}/outcome`, admin, {
      outcome: "withdrawn",
      decidedAt: new Date().toISOString().slice(0, 10),
    });
    expect(decided.statusCode, decided.body).toBe(200);
    rows = await parts();
    expect(rows.map((row) => row.status)).toEqual(["approved", "reversed"]);
    expect(rows[1]!.reason).toContain("withdrawn before this part vested");
  });

  it("refuses vesting parts that do not add up to 100%", async () => {
    const { friendCase } = await convertedReferral("Ana Lima");
    const bad = await call("PUT", `/api/admin/visa-types/${friendCase.visaType.id}/reward-vesting`, admin, {
      rules: [{ stage: "assessment", percent: 60 }],
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe("PUT /api/users/:id/reward-preference", () => {
  it("takes credit only with the current disclosure accepted, stored with its version and time", async () => {
    const user = await signUp(t);
    const without = await call("PUT", "/api/users/me/reward-preference", user, { method: "credit" });
    expect(without.statusCode).toBe(400);
    expect(json<{ error: { details: { fields: object } } }>(without).error.details.fields).toHaveProperty(
      "disclosureVersion",
    );
    const stale = await call("PUT", "/api/users/me/reward-preference", user, {
      method: "credit",
      disclosureVersion: "2020-01-01",
    });
    expect(stale.statusCode).toBe(400);
    expect(
      await t.ctx.db.select().from(rewardPreferences).where(eq(rewardPreferences.userId, user.id)),
    ).toHaveLength(0);
    const shown = data<RewardPreference>(await call("GET", "/api/users/me/reward-preference", user));
    expect(shown).toMatchObject({
      method: "cash",
      disclosureAcceptedAt: null,
      disclosure: REWARD_CREDIT_DISCLOSURE,
    });
    const saved = data<RewardPreference>(
      await call("PUT", "/api/users/me/reward-preference", user, {
        method: "credit",
        disclosureVersion: REWARD_CREDIT_DISCLOSURE.version,
      }),
    );
    expect(saved).toMatchObject({ method: "credit", disclosureVersion: REWARD_CREDIT_DISCLOSURE.version });
    expect(Date.parse(saved.disclosureAcceptedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.some((row) => row.action === "reward_preference.updated")).toBe(true);
    const other = await signUp(t);
    const foreign = await call("PUT", `/api/users/${other.id}/reward-preference`, user, { method: "cash" });
    expect(foreign.statusCode).toBe(404);
  });
});

async function invoiceFor(
  user: SignedUpUser,
  unitAmountMinor = 80_000,
  options: { isStageInvoice?: boolean } = {},
): Promise<Invoice> {
  const userCase = await primaryCase(user);
  const created = data<Invoice>(
    await call("POST", "/api/admin/invoices", admin, {
      caseId: userCase.id,
      currency: "USD",
      ...options,
      lines: [{ description: "Service fee", quantity: 1, unitAmountMinor }],
    }),
  );
  const sent = await call("POST", `/api/admin/invoices/${created.id}/send`, admin);
  expect(sent.statusCode, sent.body).toBe(200);
  return data<Invoice>(sent);
}

/** A referrer who takes credit, with one approved 100.00 USD reward for their friend. */
async function referrerWithCredit(friendName: string) {
  const converted = await convertedReferral(friendName);
  await call("PUT", "/api/users/me/reward-preference", converted.referrer, {
    method: "credit",
    disclosureVersion: REWARD_CREDIT_DISCLOSURE.version,
  });
  const [reward] = await converted.parts();
  expect((await call("POST", `/api/admin/rewards/${reward!.id}/approve`, admin, {})).statusCode).toBe(200);
  return { ...converted, reward: reward! };
}

describe("credit on the referrer's next invoice", () => {
  it("takes an approved reward off the next invoice once, as 'Referral credit: <friend>'", async () => {
    const { referrer, parts } = await convertedReferral("Mei Chen");
    await call("PUT", "/api/users/me/reward-preference", referrer, {
      method: "credit",
      disclosureVersion: REWARD_CREDIT_DISCLOSURE.version,
    });
    const [reward] = await parts();
    expect((await call("POST", `/api/admin/rewards/${reward!.id}/approve`, admin, {})).statusCode).toBe(200);
    const before = data<CreditBalance>(await call("GET", "/api/users/me/credit", referrer));
    expect(before.balances).toEqual([
      { currency: "USD", availableMinor: 10_000, pendingMinor: 0, creditedMinor: 0 },
    ]);
    const [first, second] = await Promise.all([invoiceFor(referrer), invoiceFor(referrer)]);
    const credited = [first!, second!].filter((invoice) =>
      invoice.lines.some((line) => line.kind === "credit"),
    );
    expect(credited).toHaveLength(1);
    const invoice = credited[0]!;
    expect(invoice.lines.at(-1)).toMatchObject({
      kind: "credit",
      description: "Referral credit: Mei Chen",
      amountMinor: -10_000,
    });
    expect(invoice.totalMinor).toBe(70_000);
    const third = await invoiceFor(referrer);
    expect(third.lines.some((line) => line.kind === "credit")).toBe(false);
    const after = data<CreditBalance>(await call("GET", "/api/users/me/credit", referrer));
    expect(after.balances).toEqual([
      { currency: "USD", availableMinor: 0, pendingMinor: 0, creditedMinor: 10_000 },
    ]);
    expect(after.history[0]).toMatchObject({
      friendName: "Mei Chen",
      status: "credited",
      invoiceNumber: invoice.number,
    });
  });

  it("completes the Payment stage, once, when the credit pays a stage invoice in full", async () => {
    const { referrer } = await referrerWithCredit("Ines Duarte");
    const invoice = await invoiceFor(referrer, 10_000, { isStageInvoice: true });
    expect(invoice).toMatchObject({ state: "paid", totalMinor: 0, balanceMinor: 0 });
    const visaCase = data<VisaCase>(await call("GET", `/api/cases/${invoice.caseId}`, referrer));
    expect(visaCase.currentStage).toBe("payment");
    expect(visaCase.stages.find((stage) => stage.id === "payment")).toMatchObject({
      status: "completed",
      completed: true,
    });
    // A later stage invoice, paid with money, finds the stage complete and changes nothing.
    const next = await invoiceFor(referrer, 20_000, { isStageInvoice: true });
    const paid = await call("POST", `/api/admin/invoices/${next.id}/payments`, admin, {
      amount: 20_000,
      method: "cash",
      reference: "Front desk",
      paidAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(data<Invoice>(paid).state).toBe("paid");
    const completed = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.caseId), eq(auditLog.action, "case.payment_completed")));
    expect(completed.map((entry) => entry.after)).toEqual([{ invoiceId: invoice.id }]);
    await t.drain();
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, referrer.id),
          eq(notifications.title, "Payment received: stage complete"),
        ),
      );
    expect(told).toHaveLength(1);
  });

  it("leaves the rewards of a referrer who takes cash for the payout", async () => {
    const { referrer, parts } = await convertedReferral("Tom Berg");
    const [reward] = await parts();
    await call("POST", `/api/admin/rewards/${reward!.id}/approve`, admin, {});
    const invoice = await invoiceFor(referrer);
    expect(invoice.lines.some((line) => line.kind === "credit")).toBe(false);
    expect((await parts())[0]!.status).toBe("approved");
  });
});

describe("POST /api/admin/invoices/:id/void with referral credit on it", () => {
  const voidIt = (invoice: Invoice) =>
    call("POST", `/api/admin/invoices/${invoice.id}/void`, admin, { reason: "Issued to the wrong case" });
  const creditOf = (user: SignedUpUser) =>
    call("GET", "/api/users/me/credit", user).then(data<CreditBalance>);
  const auditOf = (entityId: string, action: string) =>
    t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

  it("gives the credit back once, however often the void is retried, and the next invoice takes it", async () => {
    const { referrer, reward } = await referrerWithCredit("Sofia Rossi");
    const invoice = await invoiceFor(referrer);
    expect(invoice.totalMinor).toBe(70_000);
    const voids = await Promise.all([voidIt(invoice), voidIt(invoice), voidIt(invoice)]);
    expect(voids.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect((await voidIt(invoice)).statusCode).toBe(200);

    const credit = await creditOf(referrer);
    expect(credit.balances).toEqual([
      { currency: "USD", availableMinor: 10_000, pendingMinor: 0, creditedMinor: 0 },
    ]);
    expect(credit.history[0]).toMatchObject({
      rewardId: reward.id,
      status: "approved",
      invoiceNumber: null,
      returnedFromInvoiceNumber: invoice.number,
    });
    expect(await auditOf(reward.id, "reward.credit_returned")).toHaveLength(1);
    const voided = await auditOf(invoice.id, "invoice.voided");
    expect(voided).toHaveLength(1);
    expect(voided[0]!.after).toMatchObject({ creditReturnedMinor: 10_000 });
    const [ledger] = await t.ctx.db.select().from(rewardLedger).where(eq(rewardLedger.id, reward.id));
    expect(ledger!.reason).toBe(`Given back: invoice ${invoice.number} was voided`);

    // The voided invoice still reads as it was issued, credit line included, and owes nothing.
    const shown = data<Invoice>(await call("GET", `/api/invoices/${invoice.id}`, referrer));
    expect(shown).toMatchObject({ state: "void", totalMinor: 70_000, balanceMinor: 0 });
    expect(shown.lines.at(-1)).toMatchObject({ kind: "credit", description: "Referral credit: Sofia Rossi" });
    const pdf = await call("GET", `/api/invoices/${invoice.id}/pdf`, referrer);
    expect(pdf.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain("Status: Void");
    expect(text).toContain("Referral credit: Sofia Rossi");

    const next = await invoiceFor(referrer);
    expect(next.totalMinor).toBe(70_000);
    expect(next.lines.at(-1)).toMatchObject({ kind: "credit", amountMinor: -10_000 });
    const after = await creditOf(referrer);
    expect(after.balances[0]).toMatchObject({ availableMinor: 0, creditedMinor: 10_000 });
    expect(after.history[0]).toMatchObject({
      status: "credited",
      invoiceNumber: next.number,
      returnedFromInvoiceNumber: null,
    });
  });

  it("voids an invoice the credit paid in full", async () => {
    const { referrer } = await referrerWithCredit("Lucas Martin");
    const invoice = await invoiceFor(referrer, 10_000);
    expect(invoice).toMatchObject({ state: "paid", totalMinor: 0 });
    expect(data<Invoice>(await voidIt(invoice)).state).toBe("void");
    expect((await creditOf(referrer)).balances[0]).toMatchObject({ availableMinor: 10_000 });
  });

  it("keeps the credit on a refund, and gives it back when the refunded invoice is voided", async () => {
    const { referrer, reward } = await referrerWithCredit("Amara Okafor");
    const invoice = await invoiceFor(referrer);
    const paid = await call("POST", `/api/admin/invoices/${invoice.id}/payments`, admin, {
      amount: 70_000,
      method: "bank_transfer",
      reference: "TRX-9",
      paidAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect((await voidIt(invoice)).statusCode).toBe(409);
    const partly = await call("POST", `/api/admin/invoices/${invoice.id}/refund`, admin, {
      amount: 20_000,
      reason: "Fee reduced",
    });
    expect(data<Invoice>(partly)).toMatchObject({ state: "partially_paid", balanceMinor: 20_000 });
    expect((await voidIt(invoice)).statusCode).toBe(409);
    const refunded = await call("POST", `/api/admin/invoices/${invoice.id}/refund`, admin, {
      reason: "Case withdrawn",
    });
    expect(data<Invoice>(refunded).state).toBe("refunded");
    expect((await creditOf(referrer)).balances[0]).toMatchObject({
      availableMinor: 0,
      creditedMinor: 10_000,
    });
    expect(data<Invoice>(await voidIt(invoice)).state).toBe("void");
    expect((await creditOf(referrer)).balances[0]).toMatchObject({
      availableMinor: 10_000,
      creditedMinor: 0,
    });
    expect(await auditOf(reward.id, "reward.credit_returned")).toHaveLength(1);
  });
});
