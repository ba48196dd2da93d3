import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import type { CaseChecklist, CaseDocument, ExpiringDocument } from "@referral-app/shared/schemas/document";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, notifications, storedFiles, visaTypes } from "../../db/schema/index.ts";
import { multipartBody, readZip } from "../../test/multipart.ts";
import { STORAGE_DRIVERS, startTestS3, type TestS3 } from "../../test/s3-server.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { remindExpiringDocuments } from "./documents.service.ts";

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const MAX = 64 * 1024;
const DAY = 86_400_000;
const day = (offset: number, from = Date.now()) => new Date(from + offset * DAY).toISOString().slice(0, 10);

const REQUIREMENTS = [
  { id: "passport", stage: "enquiry", name: "Passport", personal: true, expires: true, minValidityMonths: 6 },
  { id: "bank-statements", stage: "enquiry", name: "Bank statements", acceptedTypes: ["application/pdf"] },
  { id: "cv", stage: "enquiry", name: "CV", required: false },
  { id: "offer-letter", stage: "assessment", name: "Offer letter" },
].map((r) => ({
  description: "",
  hint: "",
  required: true,
  personal: false,
  expires: false,
  minValidityMonths: 0,
  acceptedTypes: ["application/pdf", "image/jpeg", "image/png", "image/heic", "image/webp"],
  ...r,
})) as never;

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: Record<string, string[]>; documents?: unknown[] };
  };
}

describe.each(STORAGE_DRIVERS)("case documents (%s storage)", (driver) => {
  let t: TestApp;
  let s3: TestS3 | undefined;
  let dataDir: string;
  let staff: SignedUpUser;
  let client: SignedUpUser;
  let stranger: SignedUpUser;
  let visaCase: VisaCase;
  let principalId: string;
  let childId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "documents-test-"));
    s3 = driver === "s3" ? await startTestS3() : undefined;
    t = await createTestApp({
      DATA_DIR: dataDir,
      PUBLIC_URL: "http://files.test",
      UPLOAD_MAX_BYTES: String(MAX),
      ...s3?.env,
    });
    staff = await signUp(t, { role: "staff", name: "Sam Consultant" });
    client = await signUp(t, { name: "Priya Client" });
    stranger = await signUp(t, { name: "Other Client" });
    const [type] = await t.ctx.db
      .insert(visaTypes)
      .values({ name: "Study", documentRequirements: REQUIREMENTS })
      .returning({ id: visaTypes.id });
    const opened = await t.app.inject({
      method: "POST",
      url: "/api/admin/cases",
      headers: staff.headers,
      payload: {
        clientId: client.id,
        visaTypeId: type!.id,
        consultantId: staff.id,
        targetDate: day(30),
        dependants: [{ fullName: "Anya Client", relationship: "child" }],
      },
    });
    visaCase = json<{ data: VisaCase }>(opened).data;
    principalId = visaCase.applicants.find((a) => a.kind === "principal")!.id;
    childId = visaCase.applicants.find((a) => a.kind === "dependant")!.id;
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (
    user: SignedUpUser,
    file: { content: Buffer; filename: string } | null,
    fields: Record<string, string>,
    caseId = visaCase.id,
    headers: Record<string, string> = {},
  ) => {
    const body = multipartBody(file, fields);
    return t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: body.payload,
      headers: { ...user.headers, ...body.headers, ...headers },
    });
  };
  const checklist = async (user: SignedUpUser) =>
    json<{ data: CaseChecklist }>(
      await t.app.inject({ url: `/api/cases/${visaCase.id}/documents`, headers: user.headers }),
    ).data;
  const line = (list: CaseChecklist, requirementId: string, applicantId: string | null = null) =>
    list.lines.find((l) => l.requirement.id === requirementId && (l.applicant?.id ?? null) === applicantId)!;
  const fileRows = () => t.ctx.db.select().from(storedFiles).where(eq(storedFiles.purpose, "document"));
  const objectCount = async () => (s3 ? s3.objectCount() : (await fileRows()).length);
  const review = (user: SignedUpUser, id: string, payload: object) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/documents/${id}/review`,
      headers: user.headers,
      payload,
    });
  const advance = (payload: object = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${visaCase.id}/stage`,
      headers: staff.headers,
      payload: { stage: "detailed_enquiry", ...payload },
    });
  async function fetchSigned(url: string) {
    if (driver === "s3") {
      const response = await fetch(url);
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    }
    const response = await t.app.inject({ url: url.replace("http://files.test", "") });
    return { status: response.statusCode, body: response.rawPayload };
  }

  it("builds the checklist from the visa type: personal documents once per applicant", async () => {
    const list = await checklist(client);
    expect(
      list.lines.map((l) => [l.requirement.id, l.applicant?.name ?? null, l.state, l.neededNow]),
    ).toEqual([
      ["passport", "Priya Client", "missing", true],
      ["passport", "Anya Client", "missing", true],
      ["bank-statements", null, "missing", true],
      ["cv", null, "missing", true],
      ["offer-letter", null, "missing", false],
    ]);
    expect(list.maxBytes).toBe(MAX);
    expect(list.sharing).toBeNull();
  });

  it("answers 404 to another client for the checklist, an upload and a document", async () => {
    expect(
      (await t.app.inject({ url: `/api/cases/${visaCase.id}/documents`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    const response = await upload(
      stranger,
      { content: pdf("x"), filename: "x.pdf" },
      { requirementId: "bank-statements" },
    );
    expect(response.statusCode).toBe(404);
  });

  it("refuses too large (413), wrong type (415), empty (400) and bad fields (400), storing nothing", async () => {
    const before = { rows: (await fileRows()).length, objects: await objectCount() };
    const cases: [Buffer, Record<string, string>, number, string][] = [
      [
        Buffer.concat([pdf("big"), Buffer.alloc(MAX)]),
        { requirementId: "bank-statements" },
        413,
        "PAYLOAD_TOO_LARGE",
      ],
      [
        Buffer.from("#!/bin/sh\necho hello\n".repeat(10)),
        { requirementId: "bank-statements" },
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      [PNG, { requirementId: "bank-statements" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
      [Buffer.alloc(0), { requirementId: "bank-statements" }, 400, "VALIDATION_ERROR"],
      [pdf("ok"), { requirementId: "no-such-thing" }, 400, "VALIDATION_ERROR"],
      [pdf("ok"), { requirementId: "passport" }, 400, "VALIDATION_ERROR"],
      [pdf("ok"), { requirementId: "bank-statements", expiresOn: "soon" }, 400, "VALIDATION_ERROR"],
    ];
    for (const [content, fields, status, code] of cases) {
      const response = await upload(client, { content, filename: "scan.pdf" }, fields);
      expect(response.statusCode, `${code} ${JSON.stringify(fields)}`).toBe(status);
      expect(json<ErrorBody>(response).error.code).toBe(code);
    }
    expect((await upload(client, null, { requirementId: "cv" })).statusCode).toBe(400);
    expect(
      json<ErrorBody>(
        await upload(
          client,
          { content: Buffer.concat([pdf("big"), Buffer.alloc(MAX)]), filename: "a.pdf" },
          {},
        ),
      ).error.message,
    ).toBe("The file is larger than 64 KB");
    expect((await fileRows()).length).toBe(before.rows);
    expect(await objectCount()).toBe(before.objects);
    expect(line(await checklist(client), "bank-statements").state).toBe("missing");
  });

  let passportId: string;
  let bankId: string;

  it("stores uploads against their lines, and a new upload becomes version 2 keeping version 1", async () => {
    const first = await upload(
      client,
      { content: pdf("passport v1"), filename: "passport.pdf" },
      {
        requirementId: "passport",
        applicantId: principalId,
        expiresOn: day(3650),
      },
    );
    expect(first.statusCode, first.body).toBe(201);
    passportId = json<{ data: CaseDocument }>(first).data.id;
    const second = await upload(
      client,
      { content: PNG, filename: "passport-photo.png" },
      {
        requirementId: "passport",
        applicantId: principalId,
        expiresOn: day(3000),
      },
    );
    const doc = json<{ data: CaseDocument }>(second).data;
    expect(doc.id).toBe(passportId);
    expect(doc.current).toMatchObject({
      version: 2,
      fileName: "passport-photo.png",
      contentType: "image/png",
      status: "uploaded",
    });
    expect(doc.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(doc.expiresOn).toBe(day(3000));
    const bank = await upload(
      client,
      { content: pdf("bank"), filename: "bank.pdf" },
      { requirementId: "bank-statements" },
    );
    bankId = json<{ data: CaseDocument }>(bank).data.id;
    const list = await checklist(client);
    expect(line(list, "passport", principalId).state).toBe("uploaded");
    expect(line(list, "bank-statements").document?.current.fileName).toBe("bank.pdf");
    const detail = await t.app.inject({ url: `/api/documents/${passportId}`, headers: client.headers });
    expect(json<{ data: CaseDocument }>(detail).data.versions).toHaveLength(2);
    expect(
      (await t.app.inject({ url: `/api/documents/${passportId}`, headers: stranger.headers })).statusCode,
    ).toBe(404);
  });

  it("rejects with a reason the client reads (and is notified of); a reason is required", async () => {
    expect((await review(staff, bankId, { decision: "rejected" })).statusCode).toBe(400);
    expect((await review(client, bankId, { decision: "accepted" })).statusCode).toBe(403);
    const rejected = await review(staff, bankId, {
      decision: "rejected",
      reason: "The scan is cut off at the bottom",
    });
    expect(rejected.statusCode).toBe(200);
    const list = await checklist(client);
    expect(line(list, "bank-statements")).toMatchObject({
      state: "rejected",
      document: { current: { status: "rejected", reviewReason: "The scan is cut off at the bottom" } },
    });
    await t.drain();
    const [notice] = await t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, client.id), like(notifications.title, "%needs a new upload%")));
    expect(notice?.body).toContain("The scan is cut off at the bottom");
  });

  it("blocks the stage while required documents are missing or rejected, unless staff override with a note", async () => {
    const blocked = await advance();
    expect(blocked.statusCode).toBe(409);
    const error = json<ErrorBody>(blocked).error;
    expect(error.code).toBe("DOCUMENTS_MISSING");
    expect(error.message).toBe(
      "Still needed before the case moves on: Passport (Anya Client), Bank statements",
    );
    expect((await advance({ overrideDocuments: true })).statusCode).toBe(400);

    // A new version answers the rejection; the child's passport is still missing.
    await upload(
      client,
      { content: pdf("bank v2"), filename: "bank-full.pdf" },
      { requirementId: "bank-statements" },
    );
    expect(json<ErrorBody>(await advance()).error.message).toBe(
      "Still needed before the case moves on: Passport (Anya Client)",
    );
    const overridden = await advance({
      overrideDocuments: true,
      note: "The child's passport is being renewed",
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.documents_overridden"), eq(auditLog.entityId, visaCase.id)));
    expect(audit?.after).toMatchObject({
      note: "The child's passport is being renewed",
      documents: ["Passport (Anya Client)"],
    });
  });

  it("downloads through a short-lived signed link, auditing who, when and which version", async () => {
    const linkResponse = await t.app.inject({
      url: `/api/documents/${passportId}/download?format=json`,
      headers: client.headers,
    });
    expect(linkResponse.statusCode).toBe(200);
    const { url } = json<{ data: { url: string } }>(linkResponse).data;
    const fetched = await fetchSigned(url);
    expect(fetched.status).toBe(200);
    expect(fetched.body.equals(PNG)).toBe(true);

    const detail = json<{ data: CaseDocument }>(
      await t.app.inject({ url: `/api/documents/${passportId}`, headers: staff.headers }),
    ).data;
    const v1 = detail.versions.find((v) => v.version === 1)!;
    const redirect = await t.app.inject({
      url: `/api/documents/${passportId}/download?versionId=${v1.id}`,
      headers: staff.headers,
    });
    expect(redirect.statusCode).toBe(302);
    expect((await fetchSigned(redirect.headers.location as string)).body.toString()).toContain("passport v1");
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.downloaded"), eq(auditLog.entityId, passportId)));
    expect(audits.map((a) => [a.actorId, (a.after as { version: number }).version])).toEqual([
      [client.id, 2],
      [staff.id, 1],
    ]);
    expect(audits.every((a) => a.createdAt instanceof Date)).toBe(true);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 10 * 60_000 });
    const old = await t.app.inject({
      url: `/api/documents/${passportId}/download?format=json`,
      headers: client.headers,
    });
    vi.useRealTimers();
    expect((await fetchSigned(json<{ data: { url: string } }>(old).data.url)).status).toBe(403);
    expect(
      (await t.app.inject({ url: `/api/documents/${passportId}/download`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
  });

  it("zips the case's current documents for staff, streamed", async () => {
    const response = await t.app.inject({
      url: `/api/admin/cases/${visaCase.id}/documents.zip`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    const entries = readZip(response.rawPayload);
    expect([...entries.keys()].sort()).toEqual([
      "Bank statements/bank-full.pdf",
      "Passport - Priya Client/passport-photo.png",
    ]);
    expect(entries.get("Passport - Priya Client/passport-photo.png")!.equals(PNG)).toBe(true);
    expect(
      (await t.app.inject({ url: `/api/admin/cases/${visaCase.id}/documents.zip`, headers: client.headers }))
        .statusCode,
    ).toBe(403);
  });

  it("reminds 90, 30 and 7 days before a document stops meeting its rule, each exactly once", async () => {
    // Valid until (expiry − 6 months) = 100 days from now.
    const expiresOn = new Date(`${day(100)}T00:00:00Z`);
    expiresOn.setUTCMonth(expiresOn.getUTCMonth() + 6);
    const child = await upload(
      staff,
      { content: pdf("child passport"), filename: "anya.pdf" },
      {
        requirementId: "passport",
        applicantId: childId,
        expiresOn: expiresOn.toISOString().slice(0, 10),
      },
    );
    const doc = json<{ data: CaseDocument }>(child).data;
    expect(doc.validUntil).toBe(day(100));
    const at = (offset: number) => remindExpiringDocuments(t.ctx, new Date(Date.now() + offset * DAY));
    expect(await at(0)).toBe(0); // 100 days left
    expect(await at(10)).toBe(1); // 90 days left
    expect(await at(11)).toBe(0);
    expect(await at(50)).toBe(0); // 50 left: still the 90-day window
    expect(await at(75)).toBe(1); // 25 left: the 30-day reminder (the job was late)
    expect(await at(80)).toBe(0);
    expect(await at(93)).toBe(1); // 7 left
    expect(await at(94)).toBe(0);
    await t.drain();
    const sent = await t.ctx.db
      .select()
      .from(notifications)
      .where(like(notifications.dedupeKey, `document:${doc.id}:expiry:%`));
    // Each of the three reminders went to the client and the consultant.
    expect(sent.map((n) => n.userId).sort()).toEqual(
      [client.id, client.id, client.id, staff.id, staff.id, staff.id].sort(),
    );

    const expiring = await t.app.inject({
      url: "/api/admin/documents/expiring?withinDays=120",
      headers: staff.headers,
    });
    expect(json<{ data: ExpiringDocument[] }>(expiring).data).toContainEqual(
      expect.objectContaining({
        documentId: doc.id,
        requirementName: "Passport",
        applicantName: "Anya Client",
        daysLeft: 100,
      }),
    );
    const soon = await t.app.inject({
      url: "/api/admin/documents/expiring?withinDays=30",
      headers: staff.headers,
    });
    expect(json<{ data: ExpiringDocument[] }>(soon).data.map((d) => d.documentId)).not.toContain(doc.id);
    expect(
      (await t.app.inject({ url: "/api/admin/documents/expiring", headers: client.headers })).statusCode,
    ).toBe(403);
    // 100 days left is not yet "expiring" (90); the rules' own test covers the states.
    expect(line(await checklist(client), "passport", childId).state).toBe("uploaded");
  });

  it("shares only a case that came from a partner", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: `/api/cases/${visaCase.id}/documents/sharing`,
      headers: client.headers,
      payload: { shared: true },
    });
    expect(response.statusCode).toBe(422);
  });

  it("lets staff only delete a document, with its versions and files, audited", async () => {
    const before = await objectCount();
    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: `/api/admin/documents/${passportId}`,
          headers: client.headers,
        })
      ).statusCode,
    ).toBe(403);
    const deleted = await t.app.inject({
      method: "DELETE",
      url: `/api/admin/documents/${passportId}`,
      headers: staff.headers,
    });
    expect(deleted.statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/documents/${passportId}`, headers: staff.headers })).statusCode,
    ).toBe(404);
    expect(await objectCount()).toBe(before - 2);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.deleted"), eq(auditLog.entityId, passportId)));
    expect(audit?.actorId).toBe(staff.id);
  });

  it("files one version for an upload retried with the same Idempotency-Key; another file with it is a 422", async () => {
    const before = await objectCount();
    const send = (content: Buffer, key: string) =>
      upload(client, { content, filename: "cv.pdf" }, { requirementId: "cv" }, visaCase.id, {
        "idempotency-key": key,
      });
    const tries = [
      ...(await Promise.all([send(pdf("cv"), "phone-cv-1"), send(pdf("cv"), "phone-cv-1")])),
      await send(pdf("cv"), "phone-cv-1"),
    ];
    expect(tries.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect(tries.filter((response) => response.headers["idempotent-replayed"] === "true")).toHaveLength(2);
    const docs = tries.map((response) => json<{ data: CaseDocument }>(response).data);
    expect(new Set(docs.map((doc) => doc.id)).size).toBe(1);
    expect(docs.map((doc) => doc.current.version)).toEqual([1, 1, 1]);
    const detail = await t.app.inject({ url: `/api/documents/${docs[0]!.id}`, headers: client.headers });
    expect(json<{ data: CaseDocument }>(detail).data.versions).toHaveLength(1);
    expect(await objectCount()).toBe(before + 1);

    const reused = await send(pdf("another cv"), "phone-cv-1");
    expect(reused.statusCode).toBe(422);
    expect(json<ErrorBody>(reused).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await objectCount()).toBe(before + 1);
    const next = await send(pdf("cv"), "phone-cv-2");
    expect(json<{ data: CaseDocument }>(next).data.current.version).toBe(2);
  });
});
