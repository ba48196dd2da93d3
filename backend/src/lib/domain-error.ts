import { type ErrorCode, httpStatusFor } from "@referral-app/shared/errors";

/** What services throw: a code from the shared table, a message safe to show, optional details. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get statusCode(): number {
    return httpStatusFor(this.code);
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);

/** 429 naming the wait, in words and in `details.retryAfterSeconds` for clients that count down. */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new DomainError(
    "RATE_LIMITED",
    `Too many attempts, try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`,
    {
      retryAfterSeconds,
    },
  );
