import type { AccountDeletion } from "@referral-app/shared/schemas/privacy";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, invoices, sessions, users } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { eraseDueAccounts } from "./account-deletion.service.ts";

let t: TestApp;
let admin: SignedUpUser;
let staff: SignedUpUser;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, { role: "admin" });
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

const yearsAgo = (years: number) => {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() - years);
  return day.toISOString().slice(0, 10);
};

/** An invoice of the payments module on the user's case, issued `years` ago. */
async function invoiceFor(user: SignedUpUser, years: number, state: "draft" | "open" | "paid" = "open") {
  const [own] = await t.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.clientId, user.id));
  await t.ctx.db.insert(invoices).values({
    caseId: own!.id,
    clientId: user.id,
    currency: "EUR",
    state,
    issueDate: yearsAgo(years),
    dueDate: yearsAgo(years),
  });
}

async function decideCaseOf(user: SignedUpUser): Promise<void> {
  const [row] = await t.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.clientId, user.id));
  const decided = await t.app.inject({
    method: "POST",
    url: `/api/admin/cases/${row!.id}/outcome`,
    headers: staff.headers,
    payload: { outcome: "withdrawn", decidedAt: new Date().toISOString().slice(0, 10) },
  });
  expect(decided.statusCode).toBe(200);
}

async function schedule(by: SignedUpUser, userId = "me"): Promise<AccountDeletion> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/users/${userId}/deletion`,
    headers: by.headers,
  });
  expect(response.statusCode).toBe(200);
  return json<{ data: AccountDeletion }>(response).data;
}

describe("POST /api/users/:id/deletion", () => {
  it("without a legal hold: scheduled in 30 days, then the account is erased", async () => {
    const user = await signUp(t);
    await decideCaseOf(user);
    const scheduled = await schedule(user);
    expect(scheduled).toMatchObject({ state: "scheduled", holds: [] });
    const days = (Date.parse(scheduled.scheduledFor!) - Date.now()) / DAY;
    expect(Math.round(days)).toBe(30);

    // Not yet due: nothing happens.
    expect(await eraseDueAccounts(t.ctx, new Date())).toBe(0);
    expect(await t.ctx.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
    expect(await eraseDueAccounts(t.ctx, new Date(Date.now() + 31 * DAY))).toBe(1);
    expect(await t.ctx.db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
  });

  it("with an open case and a recent invoice: the user is told what is kept and why, then anonymised", async () => {
    const user = await signUp(t, { name: "Held Client" });
    await invoiceFor(user, 1);
    const scheduled = await schedule(user);
    expect(scheduled.holds.map((hold) => hold.kind)).toEqual(["open_case", "invoice_retention"]);
    expect(scheduled.holds[1]!.reason).toContain("7 years");
    expect(new Date(scheduled.holds[1]!.until!).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 6);
    await t.drain();
    const [told] = json<{ data: { title: string; body: string }[] }>(
      await t.app.inject({ method: "GET", url: "/api/notifications", headers: user.headers }),
    ).data.filter((n) => n.title === "Your account will be deleted");
    expect(told?.body).toContain("Accounting law");

    await eraseDueAccounts(t.ctx, new Date(Date.now() + 31 * DAY));
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: "Deleted user", phone: null });
    expect(row!.email).not.toContain("example.com");
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await t.ctx.db.select().from(cases).where(eq(cases.clientId, user.id))).toHaveLength(1);
    const signIn = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: user.headers,
    });
    expect(signIn.statusCode).toBe(401);
  });

  it("holds for invoices only while an issued one is within the retention period (drafts never)", async () => {
    const drafted = await signUp(t);
    await decideCaseOf(drafted);
    await invoiceFor(drafted, 0, "draft");
    expect((await schedule(drafted)).holds).toEqual([]);

    const old = await signUp(t);
    await decideCaseOf(old);
    await invoiceFor(old, 8, "paid");
    expect((await schedule(old)).holds).toEqual([]);

    const paid = await signUp(t);
    await decideCaseOf(paid);
    await invoiceFor(paid, 8, "paid");
    await invoiceFor(paid, 2, "paid");
    const [hold] = (await schedule(paid)).holds;
    expect(hold?.kind).toBe("invoice_retention");
    expect(hold?.until?.slice(0, 10)).toBe(yearsAgo(-5));
    // Erased on the day: anonymised, the invoices stay with the anonymous account.
    await eraseDueAccounts(t.ctx, new Date(Date.now() + 31 * DAY));
    expect(await t.ctx.db.select().from(invoices).where(eq(invoices.clientId, paid.id))).toHaveLength(2);
    const [row] = await t.ctx.db.select({ name: users.name }).from(users).where(eq(users.id, paid.id));
    expect(row?.name).toBe("Deleted user");
  });

  it("cancels within the 30 days (DELETE), and a second cancel is a conflict", async () => {
    const user = await signUp(t);
    await schedule(user);
    const again = await schedule(user);
    expect(again.state).toBe("scheduled");
    const cancelled = await t.app.inject({
      method: "DELETE",
      url: "/api/users/me/deletion",
      headers: user.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(json<{ data: AccountDeletion }>(cancelled).data.state).toBe("cancelled");
    const twice = await t.app.inject({
      method: "DELETE",
      url: "/api/users/me/deletion",
      headers: user.headers,
    });
    expect(twice.statusCode).toBe(409);
    expect(await eraseDueAccounts(t.ctx, new Date(Date.now() + 31 * DAY))).toBe(0);
    expect(await t.ctx.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });

  it("an admin can schedule it for a user (audited); other staff and clients get 404", async () => {
    const user = await signUp(t);
    const scheduled = await schedule(admin, user.id);
    expect(scheduled.requestedBy).toBe(admin.id);
    const audit = json<{ data: { action: string; byYou: boolean }[] }>(
      await t.app.inject({ method: "GET", url: "/api/users/me/audit", headers: user.headers }),
    ).data;
    expect(audit).toEqual(
      expect.arrayContaining([
        { ...audit.find((a) => a.action === "privacy.deletion_requested")!, byYou: false },
      ]),
    );
    for (const stranger of [staff, await signUp(t)]) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/users/${user.id}/deletion`,
        headers: stranger.headers,
      });
      expect(response.statusCode).toBe(404);
    }
  });
});
