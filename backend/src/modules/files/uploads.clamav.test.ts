import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { DOCUMENT_CONTENT_TYPES, documentRequirementSchema } from "@referral-app/shared/schemas/document";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedFiles, visaTypes } from "../../db/schema/index.ts";
import { EICAR, startTestClamd, type TestClamd } from "../../test/clamd-server.ts";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { storeUpload } from "./files.service.ts";

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`);

let clamd: TestClamd;
let t: TestApp;
let dataDir: string;
let owner: SignedUpUser;

beforeAll(async () => {
  clamd = await startTestClamd();
  dataDir = await mkdtemp(path.join(tmpdir(), "clamav-test-"));
  t = await createTestApp({ DATA_DIR: dataDir, CLAMD_URL: clamd.url });
  owner = await signUp(t);
});
afterAll(async () => {
  await t.close();
  await clamd.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const upload = (content: Buffer) =>
  storeUpload(t.ctx, Readable.from([content.subarray(0, 10), content.subarray(10)]), {
    ownerId: owner.id,
    purpose: "document",
    fileName: "scan.pdf",
    accept: DOCUMENT_CONTENT_TYPES,
    maxBytes: 25 * 1024 * 1024,
  });
const rows = () => t.ctx.db.select().from(storedFiles).where(eq(storedFiles.ownerId, owner.id));
const objects = async () =>
  (await readdir(path.join(dataDir, "storage"), { recursive: true })).filter((name) =>
    name.endsWith(".meta.json"),
  ).length;

describe("uploads scanned by ClamAV (CLAMD_URL)", () => {
  it("keeps a clean file, marked clean", async () => {
    const stored = await upload(pdf("a bank statement"));
    const [row] = await rows();
    expect(row).toMatchObject({ id: stored.id, scanStatus: "clean" });
  });

  it("refuses a file carrying the EICAR test string with FILE_INFECTED (422), keeping nothing", async () => {
    const before = { rows: (await rows()).length, objects: await objects() };
    const error = await upload(pdf(`a statement with ${EICAR} inside`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_INFECTED" });
    expect((await rows()).length).toBe(before.rows);
    expect(await objects()).toBe(before.objects);
  });

  it("answers 422 in the one error shape through the documents route, and the line stays missing", async () => {
    const staff = await signUp(t, { role: "staff" });
    const [type] = await t.ctx.db
      .insert(visaTypes)
      .values({
        name: "Scanned",
        documentRequirements: [documentRequirementSchema.parse({ id: "cv", stage: "enquiry", name: "CV" })],
      })
      .returning({ id: visaTypes.id });
    const opened = await t.app.inject({
      method: "POST",
      url: "/api/admin/cases",
      headers: staff.headers,
      payload: { clientId: owner.id, visaTypeId: type!.id },
    });
    const caseId = json<{ data: { id: string } }>(opened).data.id;
    const body = multipartBody({ content: pdf(`cv ${EICAR}`), filename: "cv.pdf" }, { requirementId: "cv" });
    const response = await t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/documents`,
      payload: body.payload,
      headers: { ...owner.headers, ...body.headers },
    });
    expect(response.statusCode).toBe(422);
    expect(json<{ error: { code: string } }>(response).error.code).toBe("FILE_INFECTED");
    const list = await t.app.inject({ url: `/api/cases/${caseId}/documents`, headers: owner.headers });
    expect(json<{ data: { lines: { state: string }[] } }>(list).data.lines[0]?.state).toBe("missing");
  });

  it("refuses uploads (503) rather than keeping them unscanned when clamd is down", async () => {
    await clamd.stop();
    const before = await objects();
    const error = await upload(pdf("while the scanner is away")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(await objects()).toBe(before);
  });
});
