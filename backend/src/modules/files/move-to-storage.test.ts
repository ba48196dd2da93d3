import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedFiles, users } from "../../db/schema/index.ts";
import { STORAGE_DRIVERS, startTestS3, type TestS3 } from "../../test/s3-server.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { moveFilesToStorage } from "./files.service.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

describe.each(STORAGE_DRIVERS)("profile pictures from before the storage (%s driver)", (driver) => {
  let t: TestApp;
  let s3: TestS3 | undefined;
  let dataDir: string;
  let client: SignedUpUser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "move-test-"));
    s3 = driver === "s3" ? await startTestS3() : undefined;
    t = await createTestApp({ DATA_DIR: dataDir, ...s3?.env });
    client = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("copies bytea pictures into the storage, drops the database copy and keeps serving them", async () => {
    // A row as the app wrote it before the storage: the bytes in `data`, no storage key.
    const [legacy] = await t.ctx.db
      .insert(storedFiles)
      .values({
        ownerId: client.id,
        purpose: "profile_picture",
        contentType: "image/png",
        sizeBytes: PNG.length,
        sha256: createHash("sha256").update(PNG).digest("hex"),
        data: PNG,
      })
      .returning();
    await t.ctx.db
      .update(users)
      .set({ image: `/api/files/${legacy!.id}` })
      .where(eq(users.id, client.id));
    const before = await t.app.inject({ url: `/api/files/${legacy!.id}`, headers: client.headers });
    expect(before.rawPayload.equals(PNG)).toBe(true);

    expect(await moveFilesToStorage(t.ctx, 1)).toBe(1);
    const [moved] = await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.id, legacy!.id));
    expect(moved?.data).toBeNull();
    expect(moved?.storageKey).toMatch(/^profile-pictures\/\d{4}\/\d{2}\//);
    expect(await t.ctx.storage.head(moved!.storageKey!)).toEqual({
      size: PNG.length,
      contentType: "image/png",
    });
    const after = await t.app.inject({ url: `/api/files/${legacy!.id}`, headers: client.headers });
    expect(after.statusCode).toBe(200);
    expect(after.rawPayload.equals(PNG)).toBe(true);
    expect(await moveFilesToStorage(t.ctx)).toBe(0);
  });

  it("stores new pictures in the storage and removes the replaced object", async () => {
    const put = () =>
      t.app.inject({
        method: "PUT",
        url: "/api/users/me/profile-picture",
        payload: PNG,
        headers: { ...client.headers, "content-type": "image/png" },
      });
    await put();
    const [first] = await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.ownerId, client.id));
    expect(first?.data).toBeNull();
    await put();
    const rows = await t.ctx.db.select().from(storedFiles).where(eq(storedFiles.ownerId, client.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(first!.id);
    expect(await t.ctx.storage.head(first!.storageKey!)).toBeNull();
  });
});
