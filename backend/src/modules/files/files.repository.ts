import { and, eq } from "drizzle-orm";
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

/** Removes a user's files kept for one purpose (the previous profile picture). */
export async function deleteStoredFilesOf(db: DbOrTx, ownerId: string, purpose: FilePurpose): Promise<void> {
  await db.delete(storedFiles).where(and(eq(storedFiles.ownerId, ownerId), eq(storedFiles.purpose, purpose)));
}

export function listStoredFilesOf(db: DbOrTx, ownerId: string): Promise<StoredFile[]> {
  return db.select().from(storedFiles).where(eq(storedFiles.ownerId, ownerId));
}

export async function deleteStoredFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(storedFiles).where(eq(storedFiles.id, id));
}
