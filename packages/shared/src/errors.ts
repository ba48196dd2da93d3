import type { z } from "zod";

/** Every error code the API can answer, with its HTTP status: the one table. */
export const ERROR_CODES = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  /** A state-changing request from a page whose origin is neither this server nor CORS_ORIGINS. */
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFERRAL_DUPLICATE: 409,
  EMAIL_TAKEN: 409,
  INVALID_TRANSITION: 409,
  /** A decided case is read-only until it is reopened. */
  CASE_CLOSED: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  /** The stage cannot advance: required documents are missing or rejected (staff may override). */
  DOCUMENTS_MISSING: 409,
  /** A message may be edited for 10 minutes after it was sent. */
  MESSAGE_EDIT_WINDOW_CLOSED: 409,
  /** The conversation does not take new messages from this participant. */
  CONVERSATION_READ_ONLY: 409,
  /** An admin opening a conversation they are not in must give a reason (it is audited). */
  REASON_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SELF_REFERRAL: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNPROCESSABLE: 422,
  /** The malware scanner found something in an upload (nothing was kept). */
  FILE_INFECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  // Raised by clients, never sent by the server.
  TIMEOUT: 408,
  NETWORK_ERROR: 0,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CODES[code];
}

/** Field errors keyed by dotted path (`preferences.theme`), as sent in `error.details.fields`. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    fields[path] ??= [];
    fields[path].push(issue.message);
  }
  return fields;
}
