import { z } from "zod";

/** What a document upload may be, told by its bytes (never by its name or Content-Type). */
export const DOCUMENT_CONTENT_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/heic",
  "image/webp",
] as const;
export const documentContentTypeSchema = z.enum(DOCUMENT_CONTENT_TYPES);
export type DocumentContentType = z.infer<typeof documentContentTypeSchema>;

/** The default largest upload (the server's UPLOAD_MAX_BYTES may differ; it says so in its 413). */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;
