import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visaTypes } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

const MB = 1024 * 1024;

/** A multipart body streamed chunk by chunk: the PDF-looking file part first, then the field. */
function streamedForm(size: number, boundary: string): Readable {
  return Readable.from(
    (function* () {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
      );
      const chunk = Buffer.alloc(256 * 1024, 0x41);
      for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
      yield Buffer.from(
        `\n%%EOF\r\n--${boundary}\r\nContent-Disposition: form-data; name="requirementId"\r\n\r\nbig\r\n--${boundary}--\r\n`,
      );
    })(),
    { objectMode: false },
  );
}

let t: TestApp;
let dataDir: string;
let client: SignedUpUser;
let caseId: string;
let origin: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "memory-test-"));
  t = await createTestApp({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(200 * MB) });
  const staff = await signUp(t, { role: "staff" });
  client = await signUp(t);
  const [type] = await t.ctx.db
    .insert(visaTypes)
    .values({
      name: "Big files",
      documentRequirements: [
        {
          id: "big",
          stage: "enquiry",
          name: "Big",
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
  await rm(dataDir, { recursive: true, force: true });
});

/** Sends the form over a real socket (inject would hold the body in memory) and answers the status. */
async function upload(size: number): Promise<{ status: number; sizeBytes?: number }> {
  const boundary = `----mem${randomUUID()}`;
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/api/cases/${caseId}/documents`, {
      method: "POST",
      headers: { ...client.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    req.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          sizeBytes: (JSON.parse(body) as { data?: { current?: { sizeBytes: number } } }).data?.current
            ?.sizeBytes,
        }),
      );
    });
    req.on("error", reject);
    pipeline(streamedForm(size, boundary), req).catch(reject);
  });
}

describe("POST /api/cases/:id/documents memory", () => {
  it("streams a 100 MB upload to the storage with under 50 MB of RSS growth", async () => {
    expect((await upload(1 * MB)).status).toBe(201); // warm-up: modules loaded, pools open
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const big = await upload(100 * MB);
      expect(big.status).toBe(201);
      expect(big.sizeBytes).toBeGreaterThan(100 * MB);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = (peak - baseline) / MB;
    console.info(`100 MB upload: RSS growth ${growth.toFixed(1)} MB`);
    expect(growth).toBeLessThan(50);
  });
});
