import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox, users } from "../../db/schema/index.ts";
import {
  createOrganizationRow,
  insertReferralRow,
  insertRewardRow,
  signUpPartner,
} from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let orgA: string;
let orgB: string;
let partnerA: SignedUpUser;
let partnerB: SignedUpUser;
let referralA: string;
let referralB: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  orgA = await createOrganizationRow(t, { name: "Alpha Visas" });
  orgB = await createOrganizationRow(t, { name: "Beta Migration" });
  partnerA = await signUpPartner(t, orgA);
  partnerB = await signUpPartner(t, orgB);
  referralA = await insertReferralRow(t, {
    referrerId: partnerA.id,
    partnerOrganizationId: orgA,
    fullName: "Carla Alpha",
    status: "converted",
  });
  await insertReferralRow(t, { referrerId: partnerA.id, partnerOrganizationId: orgA, fullName: "Dan Alpha" });
  referralB = await insertReferralRow(t, {
    referrerId: partnerB.id,
    partnerOrganizationId: orgB,
    fullName: "Eve Beta",
  });
  await insertRewardRow(t, {
    userId: partnerA.id,
    referralId: referralA,
    kind: "partner_commission",
    amountMinor: 5000,
    partnerOrganizationId: orgA,
  });
});
afterAll(() => t.close());

describe("GET /api/partners/referrals", () => {
  it("lists only the caller's organisation's referrals (cursor and page modes)", async () => {
    const response = await t.app.inject({ url: "/api/partners/referrals", headers: partnerA.headers });
    const body = json<{ data: { id: string; fullName: string; reward: { amountMinor: number } | null }[] }>(
      response,
    );
    expect(body.data.map((row) => row.fullName).sort()).toEqual(["Carla Alpha", "Dan Alpha"]);
    expect(body.data.find((row) => row.id === referralA)?.reward?.amountMinor).toBe(5000);
    const paged = await t.app.inject({
      url: "/api/partners/referrals?page=1&limit=1",
      headers: partnerA.headers,
    });
    expect(json<{ pagination: { total: number; pages: number } }>(paged).pagination).toMatchObject({
      total: 2,
      pages: 2,
    });
    const cursor = json<{ nextCursor: string }>(
      await t.app.inject({ url: "/api/partners/referrals?limit=1", headers: partnerA.headers }),
    ).nextCursor;
    const next = await t.app.inject({
      url: `/api/partners/referrals?limit=1&cursor=${cursor}`,
      headers: partnerA.headers,
    });
    expect(json<{ data: unknown[]; nextCursor: null }>(next)).toMatchObject({ nextCursor: null });
    const filtered = await t.app.inject({
      url: "/api/partners/referrals?status=converted&q=carla",
      headers: partnerA.headers,
    });
    expect(json<{ data: { id: string }[] }>(filtered).data.map((row) => row.id)).toEqual([referralA]);
    const other = await t.app.inject({ url: "/api/partners/referrals", headers: partnerB.headers });
    expect(json<{ data: { id: string }[] }>(other).data.map((row) => row.id)).toEqual([referralB]);
  });

  it("answers 404 for another organisation's referral", async () => {
    const own = await t.app.inject({
      url: `/api/partners/referrals/${referralA}`,
      headers: partnerA.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(json<{ data: { history: unknown[] } }>(own).data.history).toBeDefined();
    const foreign = await t.app.inject({
      url: `/api/partners/referrals/${referralB}`,
      headers: partnerA.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe("GET /api/partners/me and /commissions", () => {
  it("answers the organisation, its counts and commission totals", async () => {
    const me = await t.app.inject({ url: "/api/partners/me", headers: partnerA.headers });
    expect(json<{ data: unknown }>(me).data).toMatchObject({
      organization: {
        id: orgA,
        name: "Alpha Visas",
        commissionType: "fixed",
        commissionAmountMinor: 5000,
        memberCount: 1,
      },
      referrals: { total: 2, byStatus: { converted: 1, pending: 1 } },
      commissions: [{ currency: "USD", status: "pending", count: 1, amountMinor: 5000 }],
    });
    const commissions = await t.app.inject({ url: "/api/partners/commissions", headers: partnerA.headers });
    expect(json<{ data: unknown }>(commissions).data).toMatchObject({
      items: [{ referralId: referralA, referralName: "Carla Alpha", amountMinor: 5000, status: "pending" }],
      totals: [{ currency: "USD", status: "pending", amountMinor: 5000 }],
    });
    const none = await t.app.inject({ url: "/api/partners/commissions", headers: partnerB.headers });
    expect(json<{ data: { items: unknown[]; totals: unknown[] } }>(none).data).toMatchObject({
      items: [],
      totals: [],
    });
  });
});

describe("POST /api/partners/members/invite", () => {
  it("creates a partner in the caller's organisation and emails a set-password link", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/partners/members/invite",
      headers: partnerA.headers,
      payload: { email: "New.Colleague@Example.org", name: "New Colleague" },
    });
    expect(response.statusCode).toBe(201);
    expect(json<{ data: unknown }>(response).data).toMatchObject({
      email: "new.colleague@example.org",
      role: "partner",
      partnerOrganizationId: orgA,
    });
    await t.drain();
    const mails = await t.ctx.db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.to, "new.colleague@example.org"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("/api/auth/reset-password/");
    const members = await t.app.inject({ url: "/api/partners/members", headers: partnerA.headers });
    expect(json<{ data: { email: string }[] }>(members).data.map((row) => row.email)).toContain(
      "new.colleague@example.org",
    );
    const otherOrg = await t.app.inject({ url: "/api/partners/members", headers: partnerB.headers });
    expect(json<{ data: unknown[] }>(otherOrg).data).toHaveLength(1);
    const resend = await t.app.inject({
      method: "POST",
      url: "/api/partners/members/invite",
      headers: partnerA.headers,
      payload: { email: "new.colleague@example.org", name: "New Colleague" },
    });
    expect(resend.statusCode).toBe(200);
    const taken = await t.app.inject({
      method: "POST",
      url: "/api/partners/members/invite",
      headers: partnerB.headers,
      payload: { email: "new.colleague@example.org", name: "Someone" },
    });
    expect(taken.statusCode).toBe(409);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "new.colleague@example.org", password: "correct-horse-1" },
    });
    expect(signIn.statusCode).toBe(401);
  });
});

describe("/api/admin/partner-organizations", () => {
  it("lets staff create, list, update organisations and assign users, all audited", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/admin/partner-organizations",
      headers: staff.headers,
      payload: { name: "Gamma", commissionType: "rate" },
    });
    expect(bad.statusCode).toBe(400);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/partner-organizations",
      headers: staff.headers,
      payload: { name: "Gamma", commissionType: "rate", commissionRateBps: 1500 },
    });
    expect(created.statusCode).toBe(201);
    const org = json<{ data: { id: string; commissionCurrency: string } }>(created).data;
    expect(org.commissionCurrency).toBe("USD");
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/partner-organizations/${org.id}`,
      headers: staff.headers,
      payload: { commissionType: "fixed", commissionAmountMinor: 2000, commissionCurrency: "EUR" },
    });
    expect(json<{ data: unknown }>(patched).data).toMatchObject({
      commissionType: "fixed",
      commissionAmountMinor: 2000,
      commissionRateBps: null,
      commissionCurrency: "EUR",
    });
    const incomplete = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/partner-organizations/${org.id}`,
      headers: staff.headers,
      payload: { commissionType: "rate" },
    });
    expect(incomplete.statusCode).toBe(400);
    const list = await t.app.inject({ url: "/api/admin/partner-organizations", headers: staff.headers });
    expect(json<{ data: { name: string }[] }>(list).data.map((row) => row.name)).toEqual([
      "Alpha Visas",
      "Beta Migration",
      "Gamma",
    ]);

    const client = await signUp(t);
    const assigned = await t.app.inject({
      method: "PUT",
      url: `/api/admin/users/${client.id}/partner-organization`,
      headers: staff.headers,
      payload: { partnerOrganizationId: org.id },
    });
    expect(json<{ data: unknown }>(assigned).data).toMatchObject({
      role: "partner",
      partnerOrganizationId: org.id,
    });
    const asPartner = await t.app.inject({ url: "/api/partners/me", headers: client.headers });
    expect(json<{ data: { organization: { id: string } } }>(asPartner).data.organization.id).toBe(org.id);
    const staffAssign = await t.app.inject({
      method: "PUT",
      url: `/api/admin/users/${staff.id}/partner-organization`,
      headers: staff.headers,
      payload: { partnerOrganizationId: org.id },
    });
    expect(staffAssign.statusCode).toBe(409);

    const invite = await t.app.inject({
      method: "POST",
      url: `/api/admin/partner-organizations/${org.id}/members/invite`,
      headers: staff.headers,
      payload: { email: "first@gamma.example", name: "First Member" },
    });
    expect(invite.statusCode).toBe(201);
    const members = await t.app.inject({
      url: `/api/admin/partner-organizations/${org.id}/members`,
      headers: staff.headers,
    });
    expect(json<{ data: unknown[] }>(members).data).toHaveLength(2);
    const [invited] = await t.ctx.db.select().from(users).where(eq(users.email, "first@gamma.example"));
    expect(invited?.role).toBe("partner");

    const audit = await t.app.inject({
      url: "/api/admin/audit?entityType=partner_organization",
      headers: staff.headers,
    });
    expect(json<{ data: { action: string }[] }>(audit).data.map((row) => row.action)).toEqual([
      "partner_organization.updated",
      "partner_organization.created",
    ]);
  });
});
