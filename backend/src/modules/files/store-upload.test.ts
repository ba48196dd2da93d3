import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { DOCUMENT_CONTENT_TYPES } from "@referral-app/shared/schemas/document";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedFiles } from "../../db/schema/index.ts";
import { STORAGE_DRIVERS, startTestS3, type TestS3 } from "../../test/s3-server.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { openStoredFile, storeUpload } from "./files.service.ts";

const PDF = Buffer.from(
  "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** Bytes in small chunks, as a request body arrives. */
const chunked = (content: Buffer, size = 1000) =>
  Readable.from(
    Array.from({ length: Math.ceil(content.length / size) }, (_, i) =>
      content.subarray(i * size, (i + 1) * size),
    ),
  );

describe.each(STORAGE_DRIVERS)("storeUpload (%s driver)", (driver) => {
  let t: TestApp;
  let s3: TestS3 | undefined;
  let dataDir: string;
  let owner: SignedUpUser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "upload-test-"));
    s3 = driver === "s3" ? await startTestS3() : undefined;
    t = await createTestApp({ DATA_DIR: dataDir, ...s3?.env });
    owner = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const options = (maxBytes = 1024 * 1024) => ({
    ownerId: owner.id,
    purpose: "document" as const,
    fileName: "bank statement.pdf",
    accept: DOCUMENT_CONTENT_TYPES,
    maxBytes,
  });
  const rows = () => t.ctx.db.select().from(storedFiles).where(eq(storedFiles.ownerId, owner.id));
  const objects = async () =>
    driver === "local"
      ? (await readdir(path.join(dataDir, "storage", "objects"), { recursive: true })).filter((name) =>
          name.endsWith(".meta.json"),
        ).length
      : s3!.objectCount();

  it("tells the type by the bytes, stores the stream and records it", async () => {
    const stored = await storeUpload(t.ctx, chunked(PDF, 7), options());
    expect(stored).toMatchObject({
      contentType: "application/pdf",
      sizeBytes: PDF.length,
      fileName: "bank statement.pdf",
    });
    const [row] = await rows();
    expect(row).toMatchObject({ id: stored.id, purpose: "document", scanStatus: "unscanned", data: null });
    expect(row!.storageKey).toMatch(/^documents\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(await t.ctx.storage.head(row!.storageKey!)).toEqual({
      size: PDF.length,
      contentType: "application/pdf",
    });
    const chunks: Buffer[] = [];
    for await (const chunk of await openStoredFile(t.ctx, row!)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
  });

  it("refuses an empty file (400), a wrong type (415) and too many bytes (413), keeping nothing", async () => {
    const before = { rows: (await rows()).length, objects: await objects() };
    const refusals = [
      { source: Readable.from([]), code: "VALIDATION_ERROR", message: "The file is empty" },
      {
        source: chunked(Buffer.from("MZ\x90\0 a Windows program".repeat(20))),
        code: "UNSUPPORTED_MEDIA_TYPE",
      },
      {
        source: chunked(Buffer.concat([PNG, Buffer.alloc(20_000)])),
        code: "PAYLOAD_TOO_LARGE",
        maxBytes: 10_000,
        message: "The file is larger than 10 KB",
      },
    ];
    for (const { source, code, maxBytes, message } of refusals) {
      const error = await storeUpload(t.ctx, source, options(maxBytes)).catch((e: unknown) => e);
      expect(error, code).toMatchObject({ code });
      if (message) expect((error as Error).message).toBe(message);
    }
    expect((await rows()).length).toBe(before.rows);
    expect(await objects()).toBe(before.objects);
  });
});
