import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../db/schema/index.ts";
import { createOrganizationRow, insertReferralRow, signUpPartner } from "../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 9: a status change carries an internal note (staff only) and a message to the
// referrer (shown). Clients and partners never see the internal note or a staff member's id.

let t: TestApp;
let staff: SignedUpUser;
let client: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  client = await signUp(t);
});
afterAll(() => t.close());

const INTERNAL = "Sounds unlikely to qualify; do not chase";
const MESSAGE = "We called your friend and will follow up next week";

const move = (id: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: "PATCH",
    url: `/api/admin/referrals/${id}/status`,
    headers: staff.headers,
    payload: body,
  });

interface Change {
  messageToReferrer: string | null;
  internalNote?: string | null;
  changedBy?: string | null;
}

const historyFor = async (reader: SignedUpUser, url: string) => {
  const response = await t.app.inject({ url, headers: reader.headers });
  expect(response.statusCode).toBe(200);
  return { body: response.body, history: json<{ data: { history: Change[] } }>(response).data.history };
};

describe("security: staff notes on a referral's status", () => {
  it("shows the referrer the message, never the internal note or who wrote it", async () => {
    const id = await insertReferralRow(t, { referrerId: client.id });
    const moved = await move(id, { status: "contacted", internalNote: INTERNAL, messageToReferrer: MESSAGE });
    expect(moved.statusCode).toBe(200);

    const { body, history } = await historyFor(client, `/api/referrals/${id}`);
    expect(history.at(-1)).toEqual(expect.objectContaining({ messageToReferrer: MESSAGE }));
    expect(history.every((change) => !("internalNote" in change) && !("changedBy" in change))).toBe(true);
    expect(body).not.toContain(INTERNAL);
    expect(body).not.toContain(staff.id);

    // The referrer's notification carries the message only.
    await t.drain();
    const sent = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, client.id));
    const note = sent.find((row) => row.title === "Referral contacted")!;
    expect(note.body).toContain(MESSAGE);
    expect(JSON.stringify(sent)).not.toContain(INTERNAL);

    // Staff see both, and who moved it.
    const staffView = await historyFor(staff, `/api/referrals/${id}`);
    expect(staffView.history.at(-1)).toMatchObject({
      internalNote: INTERNAL,
      messageToReferrer: MESSAGE,
      changedBy: staff.id,
    });
  });

  it("keeps the old `notes` field as an internal note", async () => {
    const id = await insertReferralRow(t, { referrerId: client.id });
    expect((await move(id, { status: "contacted", notes: INTERNAL })).statusCode).toBe(200);
    const { body } = await historyFor(client, `/api/referrals/${id}`);
    expect(body).not.toContain(INTERNAL);
    const staffView = await historyFor(staff, `/api/referrals/${id}`);
    expect(staffView.history.at(-1)).toMatchObject({ internalNote: INTERNAL, messageToReferrer: null });
  });

  it("shows a partner the message, never the internal note or a staff id", async () => {
    const organizationId = await createOrganizationRow(t);
    const partner = await signUpPartner(t, organizationId);
    const id = await insertReferralRow(t, { referrerId: partner.id, partnerOrganizationId: organizationId });
    await move(id, { status: "contacted", internalNote: INTERNAL, messageToReferrer: MESSAGE });
    for (const url of [`/api/partners/referrals/${id}`, `/api/referrals/${id}`]) {
      const { body, history } = await historyFor(partner, url);
      expect(history.at(-1)!.messageToReferrer).toBe(MESSAGE);
      expect(body).not.toContain(INTERNAL);
      expect(body).not.toContain(staff.id);
    }
  });

  it("never shows a client the staff id that moved their visa case", async () => {
    const moved = await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${client.id}/visa-stage/advance`,
      headers: staff.headers,
      payload: {},
    });
    expect(moved.statusCode).toBe(200);
    const response = await t.app.inject({ url: "/api/users/me/visa-progress", headers: client.headers });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(staff.id);
    expect(json<{ data: { history: unknown[] } }>(response).data.history.length).toBeGreaterThan(1);
  });
});
