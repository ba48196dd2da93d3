import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

/** PostgreSQL bytea as a Buffer (pg returns a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** Why a file was uploaded; its storage key starts with the purpose's folder. */
export type StoredFilePurpose = "profile_picture" | "document" | "attachment" | "data_export";

/**
 * `clean`: ClamAV found nothing; `unscanned`: stored while no scanner was configured (CLAMD_URL
 * unset). A file that fails the scan is deleted and never recorded.
 */
export type ScanStatus = "clean" | "unscanned";

/**
 * Files people upload: the bytes in the FileStorage (`storage_key`: a folder under DATA_DIR or an S3
 * bucket), this row their metadata. Rows from before the storage carry the bytes in `data` until
 * the `files.move-to-storage` job copies them out.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<StoredFilePurpose>().notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data"),
    storageKey: text("storage_key").unique(),
    /** The name it was uploaded under (downloads are offered under it). */
    fileName: text("file_name"),
    scanStatus: text("scan_status").$type<ScanStatus>().notNull().default("unscanned"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_files_owner_idx").on(t.ownerId, t.purpose)],
);
