import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CaseDocument } from "@referral-app/shared/schemas/document";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visaTypes } from "../../db/schema/index.ts";
import { STORAGE_DRIVERS, startTestS3, type TestS3 } from "../../test/s3-server.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

const FILE = Buffer.concat([
  Buffer.from("%PDF-1.7\n"),
  Buffer.alloc(6 * 1024 * 1024, 0x42),
  Buffer.from("\n%%EOF\n"),
]);
const b64 = (value: string) => Buffer.from(value).toString("base64");

describe.each(STORAGE_DRIVERS)("resumable uploads (tus, %s storage)", (driver) => {
  let t: TestApp;
  let s3: TestS3 | undefined;
  let dataDir: string;
  let client: SignedUpUser;
  let stranger: SignedUpUser;
  let caseId: string;
  let origin: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "tus-test-"));
    s3 = driver === "s3" ? await startTestS3() : undefined;
    t = await createTestApp({ DATA_DIR: dataDir, ...s3?.env });
    const staff = await signUp(t, { role: "staff" });
    client = await signUp(t);
    stranger = await signUp(t);
    const [type] = await t.ctx.db
      .insert(visaTypes)
      .values({
        name: "Resumable",
        documentRequirements: [
          {
            id: "statement",
            stage: "enquiry",
            name: "Statement",
            description: "",
            hint: "",
            required: true,
            personal: false,
            acceptedTypes: ["application/pdf"],
            expires: false,
            minValidityMonths: 0,
          },
        ],
      })
      .returning({ id: visaTypes.id });
    const opened = await t.app.inject({
      method: "POST",
      url: "/api/admin/cases",
      headers: staff.headers,
      payload: { clientId: client.id, visaTypeId: type!.id },
    });
    caseId = json<{ data: { id: string } }>(opened).data.id;
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tus = (user: SignedUpUser, extra: Record<string, string> = {}) => ({
    ...user.headers,
    "tus-resumable": "1.0.0",
    ...extra,
  });

  /** Sends `bytes` from `offset`, then drops the connection before the rest (a killed upload). */
  function patchThenDrop(url: string, offset: number, bytes: Buffer, total: number): Promise<void> {
    return new Promise((resolve) => {
      const req = request(url, {
        method: "PATCH",
        headers: tus(client, {
          "content-type": "application/offset+octet-stream",
          "upload-offset": String(offset),
          "content-length": String(total - offset),
        }),
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(bytes, () => setImmediate(() => req.destroy()));
    });
  }

  it("resumes a killed upload from the offset the server reports, then files the document", async () => {
    const created = await fetch(`${origin}/api/uploads`, {
      method: "POST",
      headers: tus(client, {
        "upload-length": String(FILE.length),
        "upload-metadata": `caseId ${b64(caseId)},requirementId ${b64("statement")},filename ${b64("statement.pdf")}`,
      }),
    });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/\/api\/uploads\/[0-9a-f-]{36}$/);
    const url = new URL(new URL(location).pathname, origin).toString();

    // Someone else cannot see or continue it.
    expect((await fetch(url, { method: "HEAD", headers: tus(stranger) })).status).toBe(404);

    await patchThenDrop(url, 0, FILE.subarray(0, 1024 * 1024), FILE.length);
    let offset = 0;
    for (let attempt = 0; attempt < 100 && offset === 0; attempt += 1) {
      const head = await fetch(url, { method: "HEAD", headers: tus(client) });
      expect(head.status).toBe(200);
      offset = Number(head.headers.get("upload-offset"));
      if (offset === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(FILE.length);

    const rest = await fetch(url, {
      method: "PATCH",
      headers: tus(client, {
        "content-type": "application/offset+octet-stream",
        "upload-offset": String(offset),
      }),
      body: FILE.subarray(offset),
    });
    expect(rest.status, await rest.clone().text()).toBe(200);
    const document = ((await rest.json()) as { data: CaseDocument }).data;
    expect(document.current).toMatchObject({
      fileName: "statement.pdf",
      contentType: "application/pdf",
      sizeBytes: FILE.length,
    });

    const link = await t.app.inject({
      url: `/api/documents/${document.id}/download?format=json`,
      headers: client.headers,
    });
    const signed = json<{ data: { url: string } }>(link).data.url;
    const bytes =
      driver === "s3"
        ? Buffer.from(await (await fetch(signed)).arrayBuffer())
        : (await t.app.inject({ url: signed.replace(/^https?:\/\/[^/]+/, "") })).rawPayload;
    expect(bytes.equals(FILE)).toBe(true);
  });

  it("refuses a wrong type at the end in the one error shape, filing nothing", async () => {
    const text = Buffer.from("plain text, not a PDF\n".repeat(100));
    const created = await fetch(`${origin}/api/uploads`, {
      method: "POST",
      headers: tus(client, {
        "upload-length": String(text.length),
        "upload-metadata": `caseId ${b64(caseId)},requirementId ${b64("statement")}`,
      }),
    });
    const url = new URL(new URL(created.headers.get("location")!).pathname, origin).toString();
    const sent = await fetch(url, {
      method: "PATCH",
      headers: tus(client, { "content-type": "application/offset+octet-stream", "upload-offset": "0" }),
      body: text,
    });
    expect(sent.status).toBe(415);
    expect(((await sent.json()) as { error: { code: string } }).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(
      (
        await fetch(`${origin}/api/uploads`, {
          method: "POST",
          headers: tus(client, { "upload-length": "10" }),
        })
      ).status,
    ).toBe(400);
  });
});
