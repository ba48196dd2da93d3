import { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  cases,
  documents,
  documentVersions,
  storedFiles,
  visaTypes,
} from "../../db/schema/index.ts";
import { createTestApp, signUp, type TestApp } from "../../test/test-app.ts";
import { storeUpload } from "../files/files.service.ts";
import { applyRetentionJob } from "./privacy.jobs.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

let t: TestApp;
let visaTypeId: string;
beforeAll(async () => {
  t = await createTestApp();
  const [type] = await t.ctx.db
    .insert(visaTypes)
    .values({ name: "Retention study" })
    .returning({ id: visaTypes.id });
  visaTypeId = type!.id;
});
afterAll(() => t.close());

/** A case decided on `decidedAt` (or open) with one document of two versions, files in the storage. */
async function caseWithDocument(label: string, decidedAt: string | null) {
  const client = await signUp(t);
  const [row] = await t.ctx.db
    .insert(cases)
    .values({
      number: `RC-RET-${label}`,
      clientId: client.id,
      visaTypeId,
      outcome: decidedAt ? "granted" : null,
      decidedAt,
    })
    .returning({ id: cases.id });
  const [doc] = await t.ctx.db
    .insert(documents)
    .values({ caseId: row!.id, requirementId: "passport", currentVersion: 2 })
    .returning({ id: documents.id });
  const fileIds: string[] = [];
  for (const version of [1, 2]) {
    const file = await storeUpload(t.ctx, Readable.from([PNG]), {
      ownerId: client.id,
      purpose: "document",
      fileName: `passport-${version}.png`,
      accept: ["image/png"],
      maxBytes: 1024 * 1024,
    });
    await t.ctx.db.insert(documentVersions).values({ documentId: doc!.id, version, fileId: file.id });
    fileIds.push(file.id);
  }
  const keys = await t.ctx.db
    .select({ key: storedFiles.storageKey })
    .from(storedFiles)
    .where(inArray(storedFiles.id, fileIds));
  return { caseId: row!.id, documentId: doc!.id, fileIds, keys: keys.map((k) => k.key!) };
}

async function inStorage(key: string): Promise<boolean> {
  try {
    const stream = await t.ctx.storage.get(key);
    for await (const _ of stream) break;
    return true;
  } catch {
    return false;
  }
}

describe("retention of a decided case's documents", () => {
  it("deletes the documents, versions and stored files of cases decided over N months ago, and logs it", async () => {
    // caseDocumentRetentionMonths defaults to 24: the cutoff for 2027-06-15 is 2025-06-15.
    const now = new Date("2027-06-15T12:00:00Z");
    const old = await caseWithDocument("old", "2025-06-14");
    const recent = await caseWithDocument("recent", "2025-06-15");
    const open = await caseWithDocument("open", null);
    for (const key of [...old.keys, ...recent.keys]) expect(await inStorage(key)).toBe(true);

    await applyRetentionJob.handler({ now: now.toISOString() }, t.ctx);

    const left = await t.ctx.db
      .select({ caseId: documents.caseId })
      .from(documents)
      .where(inArray(documents.caseId, [old.caseId, recent.caseId, open.caseId]));
    expect(left.map((d) => d.caseId).sort()).toEqual([recent.caseId, open.caseId].sort());
    expect(
      await t.ctx.db.select().from(documentVersions).where(eq(documentVersions.documentId, old.documentId)),
    ).toEqual([]);
    expect(await t.ctx.db.select().from(storedFiles).where(inArray(storedFiles.id, old.fileIds))).toEqual([]);
    for (const key of old.keys) expect(await inStorage(key)).toBe(false);
    for (const key of recent.keys) expect(await inStorage(key)).toBe(true);
    // The case itself stays: only its documents are due.
    expect(await t.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.id, old.caseId))).toHaveLength(
      1,
    );

    const [perDocument] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.retention_deleted"), eq(auditLog.entityId, old.documentId)));
    expect(perDocument?.before).toMatchObject({ caseId: old.caseId, versions: 2 });
    const [run] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.retention_applied"), eq(auditLog.entityId, "2027-06-15")));
    expect(run?.after).toMatchObject({ caseDocuments: 1, caseDocumentFiles: 2 });

    // A second run finds nothing more to remove.
    await applyRetentionJob.handler({ now: now.toISOString() }, t.ctx);
    expect(await t.ctx.db.select().from(documents).where(eq(documents.caseId, recent.caseId))).toHaveLength(
      1,
    );
  });
});
