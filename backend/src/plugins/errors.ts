import { type ErrorCode, type FieldErrors, httpStatusFor, isErrorCode } from "@referral-app/shared/errors";
import type { ApiErrorResponse } from "@referral-app/shared/schemas/common";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { DomainError } from "../lib/domain-error.ts";

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): FastifyReply {
  const body: ApiErrorResponse = {
    status: "error",
    message,
    error: { code, message, ...(details ? { details } : {}) },
  };
  return reply.status(httpStatusFor(code)).type("application/json").send(body);
}

// Fastify's own 4xx errors, by their code, in our vocabulary.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "VALIDATION_ERROR",
  FST_ERR_CTP_INVALID_JSON_BODY: "VALIDATION_ERROR",
  FST_ERR_RATE_LIMIT_EXCEEDED: "RATE_LIMITED",
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 415) return "UNSUPPORTED_MEDIA_TYPE";
  if (status === 429) return "RATE_LIMITED";
  if (status === 422) return "UNPROCESSABLE";
  return "BAD_REQUEST";
}

/**
 * Fastify's router answers a path parameter over 100 characters (414) and an undecodable path (400)
 * before any handler: passed as the `frameworkErrors` option so they use the one error shape too.
 * No id is that long, so a long one names nothing.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") return sendError(reply, "NOT_FOUND", "Not found");
  return sendError(reply, "BAD_REQUEST", error.message);
}

/** The first string in query, params or body holding a NUL character (PostgreSQL cannot store it). */
function nulField(root: unknown): string | null {
  // An explicit stack, not recursion: however deep a body nests, this cannot overflow.
  const stack: [unknown, string][] = [[root, ""]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path || "_";
      continue;
    }
    // Parsed JSON and query strings only: uploads arrive as Buffers or streams, checked where parsed.
    const isUpload = ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown })?.pipe === "function";
    if (!value || typeof value !== "object" || isUpload) continue;
    const entries = Object.entries(value as object);
    for (let k = entries.length - 1; k >= 0; k -= 1) {
      const [key, item] = entries[k]!;
      stack.push([item, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

/** One error shape for every failure; 5xx never show internals. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const field = nulField(request.query) ?? nulField(request.params) ?? nulField(request.body);
    if (field) {
      throw new DomainError("VALIDATION_ERROR", "Text must not contain NUL characters", {
        fields: { [field]: ["Must not contain NUL characters"] },
      });
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const wait = error.details?.retryAfterSeconds;
      if (error.code === "RATE_LIMITED" && typeof wait === "number") reply.header("retry-after", wait);
      return sendError(reply, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldErrors = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || "_";
        fields[path] ??= [];
        fields[path].push(issue.message ?? "Invalid value");
      }
      const where = error.validationContext ?? "request";
      return sendError(reply, "VALIDATION_ERROR", `Invalid ${where}`, { fields });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, "response does not match its schema");
      return sendError(reply, "INTERNAL_ERROR", "Something went wrong on our side");
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        (error.code && FASTIFY_CODES[error.code]) ||
        (isErrorCode(error.code) ? error.code : codeForStatus(status));
      return sendError(reply, code, error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(
      reply,
      status === 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR",
      "Something went wrong on our side",
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, "NOT_FOUND", `No route for ${request.method} ${request.url.split("?")[0]}`),
  );
});
