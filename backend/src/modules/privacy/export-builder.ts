import { createRequire as moduleRequire } from "node:module";
import type { Archiver } from "archiver";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { listFilesOf, openStoredFile } from "../files/files.service.ts";
import { conversationsForExport } from "../messages/messages.service.ts";
import { listReferralsOf } from "../referrals/referrals.service.ts";
import { exportCases, exportProfile, exportReceivedReferrals } from "./data-export.repository.ts";
import { EXPORTED_ROWS } from "./export-tables.ts";

// archiver 7 is CommonJS exporting one factory; the installed @types describe v8's classes, so the
// factory is typed here by what it returns.
const archiver = moduleRequire(import.meta.url)("archiver") as (
  format: "zip",
  options: { zlib: { level: number } },
) => Archiver;

type Row = Record<string, unknown>;

function rowsOf(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

/** JSON-safe: dates as ISO text, bytes left out (files travel as files). */
function clean(row: Row, omit: readonly string[] = []): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue;
    if (value instanceof Uint8Array) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "application/zip": "zip",
};

/** Everything the product holds about `userId`, as one JSON document plus their stored files. */
export async function collectUserData(ctx: AppContext, db: DbOrTx, userId: string) {
  const data: Record<string, unknown> = {
    exportedAt: new Date().toISOString(),
    profile: await exportProfile(db, userId),
  };
  data.cases = await exportCases(db, userId);
  // Referrals made: the friend's progress only as far as the friend allows (the referrer's own view).
  data.referralsMade = await referralsMadeBy(ctx, userId);
  data.referralsReceived = await exportReceivedReferrals(db, userId);
  // Whole threads, others' messages included: what the user reads in the app, others by name only.
  data.conversations = await conversationsForExport(db, userId);
  for (const source of EXPORTED_ROWS) {
    const condition = source.where ? sql.raw(` and (${source.where})`) : sql``;
    const result = await db.execute(
      sql`select * from ${sql.identifier(source.table)} where ${sql.identifier(source.column)} = ${userId}${condition}`,
    );
    data[source.section] = rowsOf(result).map((row) => clean(row, source.omit));
  }
  const files = (await listFilesOf(db, userId)).filter((file) => file.purpose !== "data_export");
  data.files = files.map((file) => ({
    id: file.id,
    purpose: file.purpose,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
    path: `files/${file.id}.${EXTENSIONS[file.contentType] ?? "bin"}`,
  }));
  return { data, files };
}

async function referralsMadeBy(ctx: AppContext, userId: string) {
  const reader = { id: userId, email: "", name: "", role: "client" as const, partnerOrganizationId: null };
  const all = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listReferralsOf(ctx, reader, userId, { page, limit: 100 });
    all.push(...items);
    if (all.length >= total || items.length === 0) return all;
  }
}

/** The zip: export.json, a README in plain words, and files/. Held in memory (a person's data, not a table). */
export async function buildExportZip(ctx: AppContext, db: DbOrTx, userId: string): Promise<Buffer> {
  const { data, files } = await collectUserData(ctx, db, userId);
  const zip = archiver("zip", { zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    zip.on("end", () => resolve());
    zip.on("error", reject);
  });
  zip.append(JSON.stringify(data, null, 2), { name: "export.json" });
  zip.append(
    "Your data from the Referral Client App.\n\nexport.json holds every record we keep about you, one section per kind.\nfiles/ holds the files you uploaded.\n",
    { name: "README.txt" },
  );
  for (const file of files) {
    // Streamed from the file storage into the zip, one at a time.
    zip.append(await openStoredFile(ctx, file), {
      name: `files/${file.id}.${EXTENSIONS[file.contentType] ?? "bin"}`,
    });
  }
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}
