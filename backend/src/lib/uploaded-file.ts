import type { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import { DomainError } from "./domain-error.ts";

export interface UploadMessages {
  /** A multipart form without a file. */
  missing: string;
  /** Neither a multipart form nor a raw body the route's content-type parser kept. */
  unsupported: string;
  /** A multipart file over the limit; without it the generic 413 answers. */
  tooLarge?: string;
}

/**
 * The one uploaded file: the first file of a multipart form (with its name), or the raw body a
 * content-type parser kept as a Buffer. Routes register @fastify/multipart and their parsers.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
  messages: UploadMessages,
): Promise<{ content: Buffer; fileName: string | null }> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: maxBytes } });
    if (!part)
      throw new DomainError("VALIDATION_ERROR", messages.missing, { fields: { file: ["Required"] } });
    try {
      return { content: await part.toBuffer(), fileName: part.filename || null };
    } catch (error) {
      if (messages.tooLarge && (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
        throw new DomainError("PAYLOAD_TOO_LARGE", messages.tooLarge, {
          fields: { file: [messages.tooLarge] },
        });
      }
      throw error;
    }
  }
  if (Buffer.isBuffer(request.body)) return { content: request.body, fileName: null };
  throw new DomainError("UNSUPPORTED_MEDIA_TYPE", messages.unsupported);
}

export interface UploadedStream {
  stream: Readable;
  fileName: string | null;
}

/**
 * Streams the file of a multipart form to `handle` as it arrives (never buffered whole) and
 * answers what it returned with the form's text fields, those before the file and after it.
 * A second file is read away unused. Routes register @fastify/multipart.
 */
export async function streamMultipartUpload<T>(
  request: FastifyRequest,
  maxBytes: number,
  messages: Pick<UploadMessages, "missing" | "unsupported">,
  handle: (file: UploadedStream, fieldsBefore: Record<string, string>) => Promise<T>,
): Promise<{ result: T; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new DomainError("UNSUPPORTED_MEDIA_TYPE", messages.unsupported);
  const fields: Record<string, string> = {};
  let handled: { result: T } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 2, fields: 20 } })) {
    if (part.type === "file") {
      if (handled) {
        part.file.resume();
        continue;
      }
      handled = {
        result: await handle({ stream: part.file, fileName: part.filename || null }, { ...fields }),
      };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!handled)
    throw new DomainError("VALIDATION_ERROR", messages.missing, { fields: { file: ["Required"] } });
  return { result: handled.result, fields };
}
