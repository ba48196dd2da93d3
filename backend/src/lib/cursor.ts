import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { DomainError } from "./domain-error.ts";
import { isTextId, isUuid } from "./ids.ts";

/**
 * Keyset cursors for newest-first lists: the last row's (created_at, id). The timestamp travels as
 * UTC text with microseconds so they survive (a JS Date would round them and skip rows).
 */
export interface Cursor {
  t: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real instant in cursorTime's format: no Feb 30 or 25:61, and no year 0 (PostgreSQL has none). */
export function isCursorTime(t: string): boolean {
  if (!TIMESTAMP.test(t) || t.startsWith("0000")) return false;
  const date = new Date(`${t.slice(0, 23)}Z`);
  // Date rolls impossible fields over (Feb 30 → Mar 1) or gives up; either way it differs.
  return !Number.isNaN(date.getTime()) && date.toISOString() === `${t.slice(0, 23)}Z`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.t, cursor.id])).toString("base64url");
}

/**
 * Reads a cursor from a query string. The id must have the list's id type: a malformed one would
 * otherwise reach SQL as a uuid cast and fail there. Answers VALIDATION_ERROR for anything else.
 */
export function decodeCursor(value: string, idType: "uuid" | "text" = "uuid"): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === "string")) {
      const [t, id] = parsed as [string, string];
      const validId = idType === "uuid" ? isUuid(id) : isTextId(id);
      if (isCursorTime(t) && validId) return { t, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw new DomainError("VALIDATION_ERROR", "Invalid cursor", { fields: { cursor: ["Invalid cursor"] } });
}

/** The created_at text to put in a cursor (select it beside the row). */
export const cursorTime = (createdAt: AnyPgColumn) =>
  sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows after the cursor in newest-first order. */
export function olderThan(createdAt: AnyPgColumn, id: AnyPgColumn, cursor: Cursor): SQL {
  return sql`(${createdAt}, ${id}) < (${cursor.t}::timestamptz, ${cursor.id})`;
}

/** Fetches limit + 1 rows; answers the page and the cursor of its last row when more follow. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  key: (row: T) => Cursor,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/** `%term%` for ILIKE with the user's wildcards taken literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
