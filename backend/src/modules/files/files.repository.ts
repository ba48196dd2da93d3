import { and, asc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { storedFiles } from "../../db/schema/index.ts";

export type StoredFile = typeof storedFiles.$inferSelect;
export type FilePurpose = StoredFile["purpose"];

export async function insertStoredFile(
  db: DbOrTx,
  values: typeof storedFiles.$inferInsert,
): Promise<Pick<StoredFile, "id">> {
  const [row] = await db.insert(storedFiles).values(values).returning({ id: storedFiles.id });
  return row!;
}

export async function findStoredFile(db: DbOrTx, id: string): Promise<StoredFile | undefined> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/** Removes a user's files kept for one purpose (the previous profile picture); answers their storage keys. */
export async function deleteStoredFilesOf(
  db: DbOrTx,
  ownerId: string,
  purpose: FilePurpose,
  except?: string,
): Promise<string[]> {
  const rows = await db
    .delete(storedFiles)
    .where(
      and(
        eq(storedFiles.ownerId, ownerId),
        eq(storedFiles.purpose, purpose),
        except ? ne(storedFiles.id, except) : undefined,
      ),
    )
    .returning({ storageKey: storedFiles.storageKey });
  return rows.flatMap((row) => (row.storageKey ? [row.storageKey] : []));
}

/** Rows from before the storage whose bytes are still in `data`, oldest first. */
export function listFilesToMove(db: DbOrTx, limit: number): Promise<StoredFile[]> {
  return db
    .select()
    .from(storedFiles)
    .where(and(isNull(storedFiles.storageKey), isNotNull(storedFiles.data)))
    .orderBy(asc(storedFiles.createdAt))
    .limit(limit);
}

/** Points a row at its moved bytes and drops its copy in the database (only if not moved meanwhile). */
export async function markFileMoved(db: DbOrTx, id: string, storageKey: string): Promise<boolean> {
  const rows = await db
    .update(storedFiles)
    .set({ storageKey, data: null })
    .where(and(eq(storedFiles.id, id), isNull(storedFiles.storageKey)))
    .returning({ id: storedFiles.id });
  return rows.length > 0;
}

export async function deleteStoredFileRow(db: DbOrTx, id: string): Promise<StoredFile | undefined> {
  const [row] = await db.delete(storedFiles).where(eq(storedFiles.id, id)).returning();
  return row;
}

export function listStoredFilesOf(db: DbOrTx, ownerId: string): Promise<StoredFile[]> {
  return db.select().from(storedFiles).where(eq(storedFiles.ownerId, ownerId));
}

export async function deleteStoredFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(storedFiles).where(eq(storedFiles.id, id));
}
