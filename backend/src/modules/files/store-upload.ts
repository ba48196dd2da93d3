import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { AppContext } from "../../context.ts";
import type { StoredFilePurpose } from "../../db/schema/index.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { ScannerUnavailableError, type ScanVerdict, scanStream } from "../../storage/clamd.ts";
import { insertStoredFile } from "./files.repository.ts";
import { inspector, readHead, TooLargeError, tee } from "./upload-stream.ts";

export interface UploadOptions {
  ownerId: string;
  purpose: StoredFilePurpose;
  /** The name it came under (shown and used for downloads); null when unknown. */
  fileName: string | null;
  /** Content types told by the bytes that are accepted, e.g. DOCUMENT_CONTENT_TYPES. */
  accept: readonly string[];
  maxBytes: number;
  /** Words for the 415 and 413 answers (the client shows them). */
  messages?: { unsupported?: string; tooLarge?: string };
}

export interface StoredUpload {
  id: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  fileName: string | null;
}

const FOLDERS: Record<StoredFilePurpose, string> = {
  profile_picture: "profile-pictures",
  document: "documents",
  attachment: "attachments",
  data_export: "data-exports",
};

/** `documents/2026/12/<uuid>`: by purpose (lifecycle rules per folder), then month (listing, audits). */
export function storageKeyFor(purpose: StoredFilePurpose, id: string, now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${FOLDERS[purpose]}/${now.getUTCFullYear()}/${month}/${id}`;
}

const fileError = (
  code: "VALIDATION_ERROR" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "FILE_INFECTED",
  message: string,
) => new DomainError(code, message, { fields: { file: [message] } });

const readableSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const isTooLarge = (error: unknown) =>
  error instanceof TooLargeError || (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE";

/** file-type names HEIF stills from phones `image/heif` as often as `image/heic`: both are HEIC here. */
const normalise = (mime: string) => (mime === "image/heif" ? "image/heic" : mime);

/**
 * The one way an upload is kept: the type told by its first bytes, the size enforced while it
 * streams, the malware scan (CLAMD_URL) run on the same stream, then the row. On any refusal
 * (400 empty, 413 too large, 415 wrong type, 422 infected, 503 scanner down) nothing is kept: the
 * object is removed and no row is written. The bytes never sit in memory whole.
 */
export async function storeUpload(
  ctx: AppContext,
  source: Readable,
  options: UploadOptions,
): Promise<StoredUpload> {
  const tooLarge = options.messages?.tooLarge ?? `The file is larger than ${readableSize(options.maxBytes)}`;
  let sniffed: Awaited<ReturnType<typeof readHead>>;
  try {
    sniffed = await readHead(source);
  } catch (error) {
    if (isTooLarge(error)) throw fileError("PAYLOAD_TOO_LARGE", tooLarge);
    throw error;
  }
  const { head, whole } = sniffed;
  if (head.length === 0) throw fileError("VALIDATION_ERROR", "The file is empty");
  const detected = await fileTypeFromBuffer(head);
  const contentType = detected ? normalise(detected.mime) : null;
  if (!contentType || !options.accept.includes(contentType)) {
    whole.resume(); // read the rest of the request away so the answer can be sent
    throw fileError(
      "UNSUPPORTED_MEDIA_TYPE",
      options.messages?.unsupported ?? "This kind of file is not accepted",
    );
  }

  const id = randomUUID();
  const key = storageKeyFor(options.purpose, id);
  const inspected = inspector(options.maxBytes);
  whole.on("error", (error) => inspected.stream.destroy(error));
  whole.pipe(inspected.stream);
  const clamd = ctx.config.clamd;
  const [toStore, toScan] = tee(inspected.stream, clamd ? 2 : 1);
  const [stored, scanned] = await Promise.allSettled([
    ctx.storage.put(key, toStore!, { contentType }),
    clamd && toScan ? scanStream(clamd, toScan) : Promise.resolve<ScanVerdict>({ clean: true }),
  ]);
  const failure =
    stored.status === "rejected"
      ? stored.reason
      : scanned.status === "rejected"
        ? scanned.reason
        : !scanned.value.clean
          ? fileError("FILE_INFECTED", "This file looks like malware and was not kept")
          : null;
  if (failure) {
    await ctx.storage.delete(key).catch(() => {});
    if (isTooLarge(failure)) throw fileError("PAYLOAD_TOO_LARGE", tooLarge);
    if (failure instanceof ScannerUnavailableError) {
      ctx.logger.error({ err: failure }, "malware scanner unavailable");
      throw new DomainError("SERVICE_UNAVAILABLE", "Files cannot be checked right now; try again shortly");
    }
    if (scanned.status === "fulfilled" && !scanned.value.clean) {
      ctx.logger.warn({ signature: scanned.value.signature, ownerId: options.ownerId }, "upload infected");
    }
    throw failure;
  }
  const { size, sha256 } = inspected.result();
  const fileName = options.fileName ? options.fileName.slice(0, 255) : null;
  await insertStoredFile(ctx.db, {
    id,
    ownerId: options.ownerId,
    purpose: options.purpose,
    contentType,
    sizeBytes: size,
    sha256,
    storageKey: key,
    fileName,
    scanStatus: clamd ? "clean" : "unscanned",
  }).catch(async (error: unknown) => {
    await ctx.storage.delete(key).catch(() => {});
    throw error;
  });
  return { id, contentType, sizeBytes: size, sha256, fileName };
}
