import type { StaffMember, VisaCase } from "@referral-app/shared/schemas/case";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, devMailbox, users, visaTypes } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: SignedUpUser;
let client: SignedUpUser;
let typeId: string;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: "error" });
  admin = await signUp(t, { role: "admin", name: "Ada Admin" });
  client = await signUp(t, { name: "Round Client" });
  const [type] = await t.ctx.db
    .insert(visaTypes)
    .values({ name: "Work visa" })
    .returning({ id: visaTypes.id });
  typeId = type!.id;
});
afterAll(() => t.close());

const openCase = async (payload: Record<string, unknown> = {}) => {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/admin/cases",
    headers: admin.headers,
    payload: { clientId: client.id, visaTypeId: typeId, ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: VisaCase }>(response).data;
};
const patchStaff = (id: string, payload: object, by = admin) =>
  t.app.inject({ method: "PATCH", url: `/api/admin/staff/${id}`, headers: by.headers, payload });

/** Consultants only take round-robin cases while active: park everyone not in this test. */
async function onlyActive(ids: string[]): Promise<void> {
  await t.ctx.db
    .update(users)
    .set({ deactivatedAt: new Date() })
    .where(
      sql`${users.role} = 'staff' and ${users.id} not in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
}

describe("round-robin assignment", () => {
  it("deals new cases to active consultants in turn, never to admins or deactivated members", async () => {
    const a = await signUp(t, { role: "staff", name: "A" });
    const b = await signUp(t, { role: "staff", name: "B" });
    const c = await signUp(t, { role: "staff", name: "C" });
    await onlyActive([a.id, b.id, c.id]);
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 6; i += 1) order.push((await openCase()).consultant?.id);
    expect(new Set(order.slice(0, 3))).toEqual(new Set([a.id, b.id, c.id]));
    // The same turn again: each consultant got one case per round.
    expect(order.slice(3)).toEqual(order.slice(0, 3));
    expect(order).not.toContain(admin.id);

    // Picking a consultant takes the choice, and that counts as their turn.
    const next = order[0]!;
    expect((await openCase({ consultantId: next })).consultant?.id).toBe(next);
    expect((await openCase()).consultant?.id).toBe(order[1]);
    expect((await openCase({ consultantId: admin.id })).consultant?.id).toBe(admin.id);
    expect((await openCase({ consultantId: null })).consultant).toBeNull();
  });

  it("is race-safe: cases opened at the same moment go to different consultants", async () => {
    const team = await Promise.all([1, 2, 3, 4].map((n) => signUp(t, { role: "staff", name: `Racer ${n}` })));
    await onlyActive(team.map((member) => member.id));
    const opened = await Promise.all(Array.from({ length: 8 }, () => openCase()));
    const counts = new Map<string, number>();
    for (const item of opened) counts.set(item.consultant!.id!, (counts.get(item.consultant!.id!) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2, 2]);
  });
});

describe("PATCH /api/admin/staff/:id", () => {
  it("ends a deactivated consultant's sessions at once and leaves their open cases unassigned", async () => {
    const consultant = await signUp(t, { role: "staff", name: "Leaving Consultant" });
    await onlyActive([consultant.id]);
    const open = await openCase();
    const decided = await openCase();
    expect(open.consultant?.id).toBe(consultant.id);
    await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${decided.id}/outcome`,
      headers: admin.headers,
      payload: { outcome: "granted", decidedAt: new Date().toISOString().slice(0, 10) },
    });
    // The session is warm in the session cache.
    expect((await t.app.inject({ url: "/api/admin/cases", headers: consultant.headers })).statusCode).toBe(
      200,
    );

    const response = await patchStaff(consultant.id, { active: false });
    expect(response.statusCode).toBe(200);
    expect(json<{ data: StaffMember }>(response).data).toMatchObject({ active: false, openCases: 0 });
    const after = await t.app.inject({ url: "/api/admin/cases", headers: consultant.headers });
    expect(after.statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: consultant.email, password: "correct-horse-1" },
    });
    expect(signIn.statusCode).toBe(403);

    const [stillOpen] = await t.ctx.db.select().from(cases).where(eq(cases.id, open.id));
    expect(stillOpen?.consultantId).toBeNull();
    const [closed] = await t.ctx.db.select().from(cases).where(eq(cases.id, decided.id));
    expect(closed?.consultantId).toBe(consultant.id);

    // Reactivated, they can sign in again and take new cases.
    expect((await patchStaff(consultant.id, { active: true })).statusCode).toBe(200);
    expect((await openCase()).consultant?.id).toBe(consultant.id);
  });

  it("changes roles, keeps an admin from locking themselves out, and is for admins only", async () => {
    const member = await signUp(t, { role: "staff" });
    const promoted = await patchStaff(member.id, { role: "admin" });
    expect(json<{ data: StaffMember }>(promoted).data.role).toBe("admin");
    // The new role applies to the next request, not after the session cache expires.
    expect((await patchStaff(admin.id, { role: "admin" }, member)).statusCode).toBe(200);
    expect((await patchStaff(admin.id, { active: false })).statusCode).toBe(422);
    expect((await patchStaff(admin.id, { role: "staff" })).statusCode).toBe(422);
    expect((await patchStaff(client.id, { role: "staff" })).statusCode).toBe(404);
    expect((await patchStaff(member.id, {})).statusCode).toBe(400);
    const plain = await signUp(t, { role: "staff" });
    expect((await patchStaff(member.id, { role: "staff" }, plain)).statusCode).toBe(403);
  });
});

describe("POST /api/admin/staff/invite", () => {
  it("e-mails an invitation link that sets the member's first password", async () => {
    const email = `new-${Date.now()}@staff.example`;
    const invite = () =>
      t.app.inject({
        method: "POST",
        url: "/api/admin/staff/invite",
        headers: admin.headers,
        payload: { email, name: "New Consultant" },
      });
    const first = await invite();
    expect(first.statusCode).toBe(201);
    expect(json<{ data: StaffMember }>(first).data).toMatchObject({
      role: "staff",
      invited: true,
      active: true,
    });
    // Inviting again resends the link.
    expect((await invite()).statusCode).toBe(200);
    await t.drain();
    const mails = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, email));
    expect(mails).toHaveLength(2);
    expect(mails[0]?.subject).toBe("You are invited to the Referral Client App");
    const token = mails[0]!.text.match(/reset-password\/([A-Za-z0-9]+)/)?.[1];
    expect(token).toBeTruthy();
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "a-new-password-1" },
    });
    expect(reset.statusCode).toBe(200);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password: "a-new-password-1" },
    });
    expect(signIn.statusCode).toBe(200);
    const list = json<{ data: StaffMember[] }>(
      await t.app.inject({ url: "/api/admin/staff", headers: admin.headers }),
    );
    expect(list.data.find((member) => member.email === email)?.invited).toBe(false);
    // Now a real account: a new invitation is refused.
    expect((await invite()).statusCode).toBe(409);
    const taken = await t.app.inject({
      method: "POST",
      url: "/api/admin/staff/invite",
      headers: admin.headers,
      payload: { email: client.email, name: "Client" },
    });
    expect(taken.statusCode).toBe(409);
  });
});
