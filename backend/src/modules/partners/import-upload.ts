import { PARTNER_IMPORT_LIMITS } from "@referral-app/shared/schemas/partners";
import type { FastifyRequest } from "fastify";
import { DomainError } from "../../lib/domain-error.ts";

/** The uploaded CSV: a raw text/csv body or the first file of a multipart form. */
export async function readImportFile(
  request: FastifyRequest,
  fileName: string | undefined,
): Promise<{ content: Buffer; fileName: string | null }> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: PARTNER_IMPORT_LIMITS.maxBytes } });
    if (!part)
      throw new DomainError("VALIDATION_ERROR", "Attach a CSV file", { fields: { file: ["Required"] } });
    const content = await part.toBuffer();
    return { content, fileName: part.filename || fileName || null };
  }
  if (Buffer.isBuffer(request.body)) {
    if (request.body.length === 0) {
      throw new DomainError("VALIDATION_ERROR", "The file is empty", { fields: { file: ["Empty file"] } });
    }
    return { content: request.body, fileName: fileName ?? null };
  }
  throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the CSV as text/csv or multipart/form-data");
}
