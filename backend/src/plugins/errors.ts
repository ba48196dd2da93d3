import { type ErrorCode, type FieldErrors, httpStatusFor, isErrorCode } from "@referral-app/shared/errors";
import type { ApiErrorResponse } from "@referral-app/shared/schemas/common";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
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

/** One error shape for every failure; 5xx never show internals. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
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
