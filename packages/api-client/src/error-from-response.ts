import { apiErrorResponseSchema } from "@referral-app/shared/schemas/common";
import { z } from "zod";
import { ApiError, codeForStatus, isErrorCode } from "./api-error.ts";

// better-auth answers `{ code, message }`; its codes become ours where one fits.
const betterAuthErrorSchema = z.object({ code: z.string().optional(), message: z.string() });
const BETTER_AUTH_CODES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "INVALID_CREDENTIALS",
  INVALID_PASSWORD: "INVALID_CREDENTIALS",
  USER_ALREADY_EXISTS: "EMAIL_TAKEN",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "EMAIL_TAKEN",
  EMAIL_NOT_VERIFIED: "EMAIL_NOT_VERIFIED",
  PASSWORD_TOO_SHORT: "VALIDATION_ERROR",
  PASSWORD_TOO_LONG: "VALIDATION_ERROR",
  INVALID_EMAIL: "VALIDATION_ERROR",
  INVALID_TOKEN: "BAD_REQUEST",
};

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds (its HTTP-date form counts from now); undefined when absent or unreadable. */
function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
}

/** Turns a non-2xx response into an ApiError: our envelope, a better-auth error, or the bare status. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const status = response.status;
  const retry = status === 429 ? { retryAfterSeconds: retryAfterSeconds(response) } : {};
  const envelope = apiErrorResponseSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new ApiError({ code, message: message || envelope.data.message, status, details, ...retry });
  }
  const authError = betterAuthErrorSchema.safeParse(body);
  if (authError.success) {
    const original = authError.data.code;
    const mapped = original ? (BETTER_AUTH_CODES[original] ?? original) : undefined;
    const code = mapped && isErrorCode(mapped) ? mapped : codeForStatus(status);
    const details = original && original !== code ? { authCode: original } : undefined;
    return new ApiError({ code, message: authError.data.message, status, details });
  }
  return new ApiError({
    code: codeForStatus(status),
    message: response.statusText || `Request failed with status ${status}`,
    status,
    ...retry,
  });
}
