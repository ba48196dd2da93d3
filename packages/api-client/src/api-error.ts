import { type ErrorCode, type FieldErrors, httpStatusFor, isErrorCode } from "@referral-app/shared/errors";

export interface ApiErrorInit {
  code: ErrorCode | (string & {});
  message: string;
  /** HTTP status; 0 when no response arrived (network error). */
  status: number;
  details?: Record<string, unknown>;
  /** From a 429's Retry-After header: seconds until the next attempt may succeed. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** Every failure the client surfaces: the server's error envelope, or a client-side code. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ErrorCode | (string & {});
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Per-field messages from a VALIDATION_ERROR (`details.fields`), keyed by dotted path. */
  fieldErrors(): FieldErrors {
    const fields = this.details?.fields;
    if (!fields || typeof fields !== "object") return {};
    const result: FieldErrors = {};
    for (const [path, messages] of Object.entries(fields)) {
      if (Array.isArray(messages)) result[path] = messages.map(String);
      else if (typeof messages === "string") result[path] = [messages];
    }
    return result;
  }

  /** True for outcomes where the server may or may not have acted: retrying with the same key is safe. */
  get isOutcomeUnknown(): boolean {
    return this.code === "NETWORK_ERROR" || this.code === "TIMEOUT" || this.status >= 500;
  }

  static fromCode(
    code: ErrorCode,
    message: string,
    extra: Omit<ApiErrorInit, "code" | "message" | "status"> = {},
  ) {
    return new ApiError({ code, message, status: httpStatusFor(code), ...extra });
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The code a bare HTTP status stands for when the body carries none. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return "BAD_REQUEST";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 408) return "TIMEOUT";
  if (status === 409) return "CONFLICT";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 415) return "UNSUPPORTED_MEDIA_TYPE";
  if (status === 422) return "UNPROCESSABLE";
  if (status === 429) return "RATE_LIMITED";
  if (status === 503) return "SERVICE_UNAVAILABLE";
  if (status >= 500) return "INTERNAL_ERROR";
  return "BAD_REQUEST";
}

export { isErrorCode };
