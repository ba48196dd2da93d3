import type { Readable } from "node:stream";

/** What is kept about a stored object besides its bytes. */
export interface StoredObjectInfo {
  size: number;
  contentType: string;
}

export interface PutOptions {
  contentType: string;
}

export interface SignedUrlOptions {
  /** Seconds the link stays valid. */
  expiresInSeconds: number;
  /** The name the browser saves the file under. */
  fileName: string;
  contentType: string;
  /** `inline` to show it in the page (previews), `attachment` to save it. */
  disposition: "inline" | "attachment";
}

/**
 * Where uploaded bytes live: a folder under DATA_DIR (`local`) or an S3-compatible bucket (`s3`).
 * Bytes stream in and out; nothing here holds a whole file in memory. Keys are opaque paths
 * (`documents/<case>/<file>`) chosen by the caller.
 */
export interface FileStorage {
  readonly driver: "local" | "s3";
  /** Stores the stream under the key; rejects (and keeps nothing) when the stream errors. */
  put(key: string, body: Readable, options: PutOptions): Promise<StoredObjectInfo>;
  /** The object's bytes; throws ObjectNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Size and type, or null when there is no such object. */
  head(key: string): Promise<StoredObjectInfo | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** A URL anyone holding it may GET until it expires (an S3 presigned GET, or a signed API URL). */
  signedUrl(key: string, options: SignedUrlOptions): Promise<string>;
  close(): void;
}

export class ObjectNotFoundError extends Error {
  override name = "ObjectNotFoundError";
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
  }
}

/** Keys are relative slash paths of safe characters: never absolute, never `..`. */
export function assertValidKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) || key.includes("..")) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}

/** An RFC 6266 Content-Disposition value with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
