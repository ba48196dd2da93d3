import { type ErrorCode, fieldErrorsFrom, httpStatusFor } from "@referral-app/shared/errors";
import type { PaginatedResponse } from "@referral-app/shared/schemas/common";
import { HttpResponse } from "msw";
import type { z } from "zod";

export function ok<T>(data: T, status = 200) {
  return HttpResponse.json({ status: "success" as const, data }, { status });
}

/** A prepared answer, kept as data so that an idempotent retry can replay it. */
export interface Reply {
  status: number;
  body: unknown;
}

export function toResponse(reply: Reply) {
  return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status });
}

export function errorReply(code: ErrorCode, message: string, details?: Record<string, unknown>): Reply {
  return {
    status: httpStatusFor(code),
    body: { status: "error", message, error: { code, message, ...(details ? { details } : {}) } },
  };
}

export function validationReply(error: z.ZodError): Reply {
  return errorReply("VALIDATION_ERROR", "Some fields are not valid", { fields: fieldErrorsFrom(error) });
}

export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return toResponse(errorReply(code, message, details));
}

export function invalid(error: z.ZodError) {
  return toResponse(validationReply(error));
}

/** Pages `items` the way the API does: `?page&limit`, limit ≤ 100. */
export function paginate<T>(items: T[], url: URL): PaginatedResponse<T> {
  const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 20) || 20));
  const start = (page - 1) * limit;
  return {
    status: "success",
    data: items.slice(start, start + limit),
    pagination: { page, limit, total: items.length, pages: Math.ceil(items.length / limit) },
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}
