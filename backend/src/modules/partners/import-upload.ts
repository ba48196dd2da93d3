import { PARTNER_IMPORT_LIMITS } from "@referral-app/shared/schemas/partners";
import type { FastifyRequest } from "fastify";
import { DomainError } from "../../lib/domain-error.ts";
import { readUploadedFile } from "../../lib/uploaded-file.ts";

/** The uploaded CSV: a raw text/csv body or the first file of a multipart form. */
export async function readImportFile(
  request: FastifyRequest,
  fileName: string | undefined,
): Promise<{ content: Buffer; fileName: string | null }> {
  const upload = await readUploadedFile(request, PARTNER_IMPORT_LIMITS.maxBytes, {
    missing: "Attach a CSV file",
    unsupported: "Send the CSV as text/csv or multipart/form-data",
  });
  if (upload.content.length === 0 && !request.isMultipart()) {
    throw new DomainError("VALIDATION_ERROR", "The file is empty", { fields: { file: ["Empty file"] } });
  }
  return { content: upload.content, fileName: upload.fileName ?? fileName ?? null };
}
