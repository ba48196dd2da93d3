import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsEvents, notifications, referralStatusHistory, referrals } from "../../db/schema/index.ts";
import { createOrganizationRow, insertReferralRow, signUpPartner } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let org: string;
let partner: SignedUpUser;
let colleague: SignedUpUser;

interface ImportBody {
  data: {
    importId: string;
    rows: number;
    imported: number;
    failed: number;
    duplicateFile: boolean;
    errors: { row: number; code: string; fields: Record<string, string[]> }[];
  };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganizationRow(t);
  partner = await signUpPartner(t, org);
  colleague = await signUpPartner(t, org);
});
afterAll(() => t.close());

const upload = (csv: string, user = partner) =>
  t.app.inject({
    method: "POST",
    url: "/api/partners/referrals/import?fileName=batch.csv",
    headers: { ...user.headers, "content-type": "text/csv" },
    payload: csv,
  });

const orgCount = async () => {
  const [row] = await t.ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(referrals)
    .where(eq(referrals.partnerOrganizationId, org));
  return Number(row?.count);
};

describe("POST /api/partners/referrals/import", () => {
  it("imports a good file with history, analytics and one summary notification", async () => {
    const csv = [
      "Full Name,Email,Phone,Country,Visa Interest,Notes",
      "Ana Souza,ana.souza@example.org,+55 11 91234 5678,br,Student,Met at fair",
      "Li Wei,li.wei@example.org,,CN,work,",
    ].join("\n");
    const response = await upload(csv);
    expect(response.statusCode).toBe(201);
    const { data } = json<ImportBody>(response);
    expect(data).toMatchObject({ rows: 2, imported: 2, failed: 0, errors: [], duplicateFile: false });
    const rows = await t.ctx.db.select().from(referrals).where(eq(referrals.partnerOrganizationId, org));
    expect(
      rows.map((row) => [row.fullName, row.country, row.visaInterest, row.source, row.referrerId]).sort(),
    ).toEqual([
      ["Ana Souza", "BR", "student", "partner", partner.id],
      ["Li Wei", "CN", "work", "partner", partner.id],
    ]);
    const history = await t.ctx.db
      .select()
      .from(referralStatusHistory)
      .where(eq(referralStatusHistory.referralId, rows[0]!.id));
    expect(history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "pending" })]);
    const events = await t.ctx.db
      .select()
      .from(analyticsEvents)
      .where(and(eq(analyticsEvents.name, "referral_created"), eq(analyticsEvents.userId, partner.id)));
    expect(events).toHaveLength(2);
    await t.drain();
    const notes = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, partner.id));
    expect(notes.map((note) => note.title)).toEqual(["CSV import finished"]);
  });

  it("imports nothing from a bad file and reports every row", async () => {
    const before = await orgCount();
    const response = await upload(
      ["fullName,email", ",nobody@example.org", "Bad Email,not-an-email"].join("\n"),
    );
    const { data } = json<ImportBody>(response);
    expect(data).toMatchObject({ rows: 2, imported: 0, failed: 2 });
    expect(data.errors).toEqual([
      { row: 2, code: "VALIDATION_ERROR", fields: { fullName: expect.any(Array) } },
      { row: 3, code: "VALIDATION_ERROR", fields: { email: expect.any(Array) } },
    ]);
    expect(await orgCount()).toBe(before);
  });

  it("refuses a binary file (NUL bytes) whole, with a 400 that says what to do", async () => {
    const before = await orgCount();
    const response = await upload("Full Name,Email\nAna\u0000 Souza,ana.binary@example.org\n");
    expect(response.statusCode).toBe(400);
    expect(
      json<{ error: { code: string; details: { fields: { file: string[] } } } }>(response).error,
    ).toMatchObject({
      code: "VALIDATION_ERROR",
      details: { fields: { file: [expect.stringContaining("export it as CSV")] } },
    });
    expect(await orgCount()).toBe(before);
  });

  it("imports the valid rows of a mixed file; duplicates are row errors; the report downloads as CSV", async () => {
    await insertReferralRow(t, {
      referrerId: colleague.id,
      partnerOrganizationId: org,
      email: "taken@example.org",
    });
    const before = await orgCount();
    const csv = [
      "email,fullName,visaInterest,phone",
      "good.one@example.org,Good One,family,",
      "good.one@EXAMPLE.org,Good Again,,",
      "taken@example.org,Already Referred,,",
      "ana.souza@example.org,Imported Before,,",
      "bad@example.org,Bad Visa,spaceflight,",
      "",
      "good.two@example.org,Good Two,,12",
      "good.three@example.org,Good Three,,",
      `${partner.email},Myself,,`,
    ].join("\r\n");
    const response = await upload(csv);
    const { data } = json<ImportBody>(response);
    expect(data.imported).toBe(2);
    expect(data.errors.map((error) => [error.row, error.code, Object.keys(error.fields)])).toEqual([
      [3, "REFERRAL_DUPLICATE", ["email"]],
      [4, "REFERRAL_DUPLICATE", ["email"]],
      [5, "REFERRAL_DUPLICATE", ["email"]],
      [6, "VALIDATION_ERROR", ["visaInterest"]],
      [8, "VALIDATION_ERROR", ["phone"]],
      [10, "VALIDATION_ERROR", ["email"]],
    ]);
    expect(data.failed).toBe(6);
    expect(await orgCount()).toBe(before + 2);

    const report = await t.app.inject({
      url: `/api/partners/imports/${data.importId}/errors.csv`,
      headers: partner.headers,
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("text/csv");
    const lines = report.body.trim().split("\r\n");
    expect(lines[0]).toBe("row,code,field,message");
    expect(lines[1]).toMatch(/^3,REFERRAL_DUPLICATE,email,/);
    const otherOrg = await signUpPartner(t, await createOrganizationRow(t));
    const foreign = await t.app.inject({
      url: `/api/partners/imports/${data.importId}/errors.csv`,
      headers: otherOrg.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("replays the first result when the same file is uploaded again", async () => {
    const csv = "fullName,email\nRepeat Person,repeat@example.org\n";
    const first = json<ImportBody>(await upload(csv)).data;
    const count = await orgCount();
    const second = await upload(csv, colleague);
    expect(second.statusCode).toBe(200);
    expect(json<ImportBody>(second).data).toEqual({ ...first, duplicateFile: true });
    expect(await orgCount()).toBe(count);
  });

  it("accepts a multipart upload", async () => {
    const boundary = "----import-boundary";
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="partners.csv"',
      "Content-Type: text/csv",
      "",
      "Name,Email Address\nMultipart Person,multipart@example.org",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/partners/referrals/import",
      headers: { ...partner.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    expect(json<{ data: { imported: number; fileName: string } }>(response).data).toMatchObject({
      imported: 1,
      fileName: "partners.csv",
    });
  });

  it("refuses a file without the required columns, and other media types", async () => {
    const response = await upload("name_of_person,mail\nX,y@example.org");
    expect(response.statusCode).toBe(400);
    const json415 = await t.app.inject({
      method: "POST",
      url: "/api/partners/referrals/import",
      headers: partner.headers,
      payload: { csv: "x" },
    });
    expect(json415.statusCode).toBe(415);
  });

  it("imports 10,000 rows in one request", async () => {
    const lines = ["fullName,email,country,visaInterest"];
    for (let i = 0; i < 10_000; i += 1) lines.push(`Bulk Person ${i},bulk${i}@example.org,AU,skilled`);
    const before = await orgCount();
    const response = await upload(lines.join("\n"));
    expect(response.statusCode).toBe(201);
    expect(json<ImportBody>(response).data).toMatchObject({ rows: 10_000, imported: 10_000, failed: 0 });
    expect(await orgCount()).toBe(before + 10_000);
  });
});
