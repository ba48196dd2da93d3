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
