import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { STORAGE_DRIVERS, startTestS3, type TestS3 } from "../test/s3-server.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";
import { type FileStorage, ObjectNotFoundError } from "./index.ts";

/** `size` bytes of a repeating pattern, produced chunk by chunk (never one buffer). */
function patterned(size: number, chunk = 256 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const length = Math.min(chunk, size - sent);
      const block = Buffer.alloc(length, sent % 251);
      sent += length;
      this.push(block);
    },
  });
}

async function sha256Of(
  stream: Readable | AsyncIterable<Uint8Array>,
): Promise<{ sha: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha: hash.digest("hex"), size };
}

/** A stream that yields some bytes, then fails (a dropped upload). */
function failing(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent++ < 3) this.push(Buffer.alloc(1024 * 1024, 7));
      else this.destroy(new Error("connection reset"));
    },
  });
}

/** Signs as if at `at` (the link is already old), then returns to the present. */
async function signedInThePast<T>(at: number, sign: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    return await sign();
  } finally {
    vi.useRealTimers();
  }
}

describe.each(STORAGE_DRIVERS)("FileStorage (%s driver)", (driver) => {
  let t: TestApp;
  let s3: TestS3 | undefined;
  let dataDir: string;
  let storage: FileStorage;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "storage-test-"));
    s3 = driver === "s3" ? await startTestS3() : undefined;
    t = await createTestApp({ DATA_DIR: dataDir, PUBLIC_URL: "http://files.test", ...s3?.env });
    storage = t.ctx.storage;
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Reads a signed URL: S3 URLs from the S3 server, local ones through the API route. */
  async function fetchSigned(url: string) {
    if (driver === "s3") {
      const response = await fetch(url);
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      };
    }
    expect(url.startsWith("http://files.test/api/storage/signed?token=")).toBe(true);
    const response = await t.app.inject({ url: url.replace("http://files.test", "") });
    return {
      status: response.statusCode,
      headers: response.headers as Record<string, string>,
      body: response.rawPayload,
    };
  }

  it("is the configured driver", () => {
    expect(storage.driver).toBe(driver);
  });

  it("streams a 20 MB file in and out unchanged (multipart on S3), with its size and type", async () => {
    const size = 20 * 1024 * 1024 + 123;
    const expected = await sha256Of(patterned(size));
    const stored = await storage.put("tests/big.bin", patterned(size), { contentType: "application/pdf" });
    expect(stored).toEqual({ size, contentType: "application/pdf" });
    expect(await storage.head("tests/big.bin")).toEqual({ size, contentType: "application/pdf" });
    expect(await sha256Of(await storage.get("tests/big.bin"))).toEqual(expected);
  });

  it("keeps nothing of a stream that fails half-way", async () => {
    await expect(storage.put("tests/dropped.bin", failing(), { contentType: "image/png" })).rejects.toThrow(
      "connection reset",
    );
    expect(await storage.head("tests/dropped.bin")).toBeNull();
    await expect(storage.get("tests/dropped.bin")).rejects.toBeInstanceOf(ObjectNotFoundError);
    if (driver === "local") expect(await readdir(path.join(dataDir, "storage", "tmp"))).toEqual([]);
  });

  it("deletes (twice is fine) and answers missing objects as missing", async () => {
    await storage.put("tests/gone.txt", Readable.from([Buffer.from("bye")]), { contentType: "text/plain" });
    await storage.delete("tests/gone.txt");
    await storage.delete("tests/gone.txt");
    expect(await storage.head("tests/gone.txt")).toBeNull();
    await expect(storage.get("tests/gone.txt")).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it("refuses keys that could leave its folder", async () => {
    for (const key of ["../escape", "/abs", "a//b", "a/../b", ""]) {
      await expect(storage.head(key), key).rejects.toThrow("Invalid storage key");
    }
  });

  it("serves a signed URL with the name and type asked for, until it expires", async () => {
    const content = Buffer.from("%PDF-1.4 a passport scan");
    await storage.put("tests/passport.pdf", Readable.from([content]), { contentType: "application/pdf" });
    const options = {
      expiresInSeconds: 60,
      fileName: "Pasaporte página 1.pdf",
      contentType: "application/pdf",
      disposition: "attachment" as const,
    };
    const live = await fetchSigned(await storage.signedUrl("tests/passport.pdf", options));
    expect(live.status).toBe(200);
    expect(live.body.equals(content)).toBe(true);
    expect(live.headers["content-type"]).toBe("application/pdf");
    expect(live.headers["content-disposition"]).toBe(
      `attachment; filename="Pasaporte p_gina 1.pdf"; filename*=UTF-8''Pasaporte%20p%C3%A1gina%201.pdf`,
    );

    const old = await signedInThePast(Date.now() - 120_000, () =>
      storage.signedUrl("tests/passport.pdf", options),
    );
    expect((await fetchSigned(old)).status).toBe(403);
    if (driver === "local") {
      // A token naming another object without its signature: refused. (S3 checks its own signatures.)
      await storage.put("tests/other.pdf", Readable.from([content]), { contentType: "application/pdf" });
      const signed = await storage.signedUrl("tests/passport.pdf", options);
      const forged = Buffer.from(JSON.stringify({ key: "tests/other.pdf" })).toString("base64url");
      expect((await fetchSigned(signed.replace(/token=[^.]+/, `token=${forged}`))).status).toBe(403);
    }
  });
});
