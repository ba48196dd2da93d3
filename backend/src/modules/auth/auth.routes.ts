import type { ErrorCode } from "@referral-app/shared/errors";
import { signInSchema, signUpSchema } from "@referral-app/shared/schemas/auth";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sessionCacheKey } from "../../plugins/authenticate.ts";
import { sendError } from "../../plugins/errors.ts";
import { recordSignIn, signUpWithEmail } from "./auth.service.ts";

// better-auth's error codes, in our vocabulary.
const AUTH_CODES: Record<string, ErrorCode> = {
  USER_ALREADY_EXISTS: "EMAIL_TAKEN",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "EMAIL_TAKEN",
  INVALID_EMAIL_OR_PASSWORD: "INVALID_CREDENTIALS",
  EMAIL_NOT_VERIFIED: "EMAIL_NOT_VERIFIED",
  INVALID_TOKEN: "BAD_REQUEST",
  PASSWORD_TOO_SHORT: "VALIDATION_ERROR",
  PASSWORD_TOO_LONG: "VALIDATION_ERROR",
  INVALID_EMAIL: "VALIDATION_ERROR",
};

function statusCode(status: number): ErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "RATE_LIMITED";
  if (status >= 500) return "INTERNAL_ERROR";
  return "BAD_REQUEST";
}

/** Relays a better-auth Response, turning its errors into our one error shape. */
async function relay(reply: FastifyReply, response: Response): Promise<FastifyReply> {
  for (const cookie of response.headers.getSetCookie()) reply.header("set-cookie", cookie);
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie" && key !== "content-length" && key !== "content-encoding")
      reply.header(key, value);
  });
  const text = await response.text();
  if (response.status >= 400) {
    let body: { code?: string; message?: string } = {};
    try {
      body = JSON.parse(text);
    } catch {}
    const code = (body.code && AUTH_CODES[body.code]) || statusCode(response.status);
    const message = body.message || response.statusText || "Authentication failed";
    return sendError(
      reply,
      code,
      code === "EMAIL_TAKEN" ? "An account with this email already exists" : message,
    );
  }
  reply.status(response.status);
  return reply.send(text || null);
}

function toRequest(request: FastifyRequest, body?: unknown): Request {
  const url = new URL(request.url, request.server.ctx.config.publicUrl);
  const headers = fromNodeHeaders(request.headers);
  headers.delete("content-length");
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && body !== undefined;
  if (hasBody) headers.set("content-type", "application/json");
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(body) : undefined,
  });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const strict = { rateLimit: { max: app.ctx.config.rateLimit.authMax, timeWindow: "1 minute" } };

  app.post(
    "/auth/sign-up/email",
    {
      config: strict,
      schema: { tags: ["auth"], summary: "Sign up with email and password", body: signUpSchema },
    },
    async (request, reply) => {
      const { referralCode, ...body } = request.body;
      return relay(reply, await signUpWithEmail(app.ctx, app.auth, toRequest(request, body), referralCode));
    },
  );

  app.post(
    "/auth/sign-in/email",
    {
      config: strict,
      schema: { tags: ["auth"], summary: "Sign in with email and password", body: signInSchema },
    },
    async (request, reply) => {
      const response = await app.auth.handler(toRequest(request, request.body));
      const signedIn = response.ok
        ? ((await response.clone().json()) as { user?: { id?: string } }).user?.id
        : undefined;
      await recordSignIn(app.ctx, {
        email: request.body.email,
        userId: signedIn ?? null,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      return relay(reply, response);
    },
  );

  // Everything else better-auth serves: sign-out, get-session, verification, password reset.
  app.route({
    method: ["GET", "POST"],
    url: "/auth/*",
    config: { rateLimit: { max: app.ctx.config.rateLimit.authMax * 6, timeWindow: "1 minute" } },
    schema: {
      tags: ["auth"],
      summary: "better-auth endpoints (sign-out, get-session, verify-email, password reset)",
    },
    handler: async (request, reply) => {
      const response = await app.auth.handler(toRequest(request, request.body));
      // The signed-out session must stop working at once, not when its cache entry expires.
      const key = request.url.split("?")[0]!.endsWith("/sign-out") ? sessionCacheKey(request) : null;
      if (key) await app.ctx.cache.del(key);
      return relay(reply, response);
    },
  });
};
