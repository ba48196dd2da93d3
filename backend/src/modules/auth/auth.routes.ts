import type { ErrorCode } from "@referral-app/shared/errors";
import {
  authLinkQuerySchema,
  authResultSchema,
  changePasswordSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  sendVerificationEmailSchema,
  signInSchema,
  signUpSchema,
} from "@referral-app/shared/schemas/auth";
import { authSessionSchema, authStatusSchema } from "@referral-app/shared/schemas/session";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendError } from "../../plugins/errors.ts";
import { auditSignIn, signUpWithEmail } from "./auth.service.ts";
import { assertNotLockedOut, recordSignIn } from "./sign-in-lockout.ts";

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
  PASSWORD_REFUSED: "VALIDATION_ERROR",
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
    let body: { code?: string; message?: string; field?: string } = {};
    try {
      body = JSON.parse(text);
    } catch {}
    const code = (body.code && AUTH_CODES[body.code]) || statusCode(response.status);
    const message = body.message || response.statusText || "Authentication failed";
    // A refusal about one field (the password policy) names it, as schema validation does.
    const details = body.field ? { fields: { [body.field]: [message] } } : undefined;
    return sendError(
      reply,
      code,
      code === "EMAIL_TAKEN" ? "An account with this email already exists" : message,
      details,
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
  // Per client address even when signed in: a session (or many accounts' sessions) buys no fresh
  // budget for guessing passwords.
  const byAddress = (request: FastifyRequest) => request.ip;
  const { authMax } = app.ctx.config.rateLimit;
  const strict = { rateLimit: { max: authMax, timeWindow: "1 minute", keyGenerator: byAddress } };

  app.post(
    "/auth/sign-up/email",
    {
      config: strict,
      schema: {
        operationId: "createAccount",
        tags: ["auth"],
        summary: "Sign up with email and password",
        body: signUpSchema,
        response: { 200: authResultSchema },
      },
    },
    async (request, reply) => {
      const { referralCode, referrerVisibility, language, marketingConsentVersion, ...body } = request.body;
      return relay(
        reply,
        await signUpWithEmail(app.ctx, app.auth, toRequest(request, body), {
          referralCode,
          referrerVisibility,
          language,
          marketingConsentVersion,
        }),
      );
    },
  );

  app.post(
    "/auth/sign-in/email",
    {
      config: strict,
      schema: {
        operationId: "createSession",
        tags: ["auth"],
        summary: "Sign in with email and password",
        body: signInSchema,
        response: { 200: authResultSchema },
      },
    },
    async (request, reply) => {
      await assertNotLockedOut(app.ctx, request.body.email);
      const response = await app.auth.handler(toRequest(request, request.body));
      if (response.ok || response.status === 401)
        await recordSignIn(app.ctx, request.body.email, response.ok);
      const signedIn = response.ok
        ? ((await response.clone().json()) as { user?: { id?: string } }).user?.id
        : undefined;
      await auditSignIn(app.ctx, {
        email: request.body.email,
        userId: signedIn ?? null,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      return relay(reply, response);
    },
  );

  // Only the better-auth endpoints the apps use, each validated: everything else better-auth could serve
  // (update-user, change-email, delete-user, …) answers 404, so profile changes go through
  // PATCH /api/users/:id/profile and its schema.
  const relaxed = { rateLimit: { max: authMax * 6, timeWindow: "1 minute", keyGenerator: byAddress } };
  const forward = async (request: FastifyRequest, reply: FastifyReply) =>
    relay(reply, await app.auth.handler(toRequest(request, request.body)));

  app.post(
    "/auth/sign-out",
    {
      config: relaxed,
      schema: {
        operationId: "deleteSession",
        tags: ["auth"],
        summary: "Sign out: end the session of the cookie or bearer token",
        response: { 200: authStatusSchema },
      },
    },
    // A signed-out or revoked session stops at once: authenticate.ts re-reads it on every request.
    async (request, reply) => relay(reply, await app.auth.handler(toRequest(request, {}))),
  );

  app.get(
    "/auth/get-session",
    {
      config: relaxed,
      schema: {
        operationId: "getSession",
        tags: ["auth"],
        summary: "The current session and its user, or null when signed out",
        response: { 200: authSessionSchema },
      },
    },
    forward,
  );

  app.post(
    "/auth/request-password-reset",
    {
      config: strict,
      schema: {
        operationId: "requestPasswordReset",
        tags: ["auth"],
        summary: "Mail a password-reset link (answers the same whether or not the account exists)",
        body: forgotPasswordSchema,
        response: { 200: authStatusSchema },
      },
    },
    forward,
  );

  app.get(
    "/auth/reset-password/:token",
    {
      config: relaxed,
      schema: {
        // The link in the reset mail, opened by a browser: a redirect, not an API call.
        hide: true,
        params: z.strictObject({ token: z.string().min(1).max(512) }),
        querystring: authLinkQuerySchema,
      },
    },
    forward,
  );

  app.post(
    "/auth/reset-password",
    {
      config: strict,
      schema: {
        operationId: "resetPassword",
        tags: ["auth"],
        summary: "Set a new password with the mailed token; ends every other session",
        body: resetPasswordSchema,
        response: { 200: authStatusSchema },
      },
    },
    forward,
  );

  app.get(
    "/auth/verify-email",
    {
      config: relaxed,
      schema: {
        operationId: "verifyEmail",
        tags: ["auth"],
        summary: "The mailed verification link: marks the email verified and signs in",
        querystring: authLinkQuerySchema,
        response: { 200: authStatusSchema, 302: z.null().describe("Redirect to `callbackURL`") },
      },
    },
    forward,
  );

  app.post(
    "/auth/send-verification-email",
    {
      config: strict,
      schema: {
        operationId: "sendVerificationEmail",
        tags: ["auth"],
        summary: "Mail the verification link again",
        body: sendVerificationEmailSchema,
        response: { 200: authStatusSchema },
      },
    },
    forward,
  );

  app.post(
    "/auth/change-password",
    {
      config: strict,
      schema: {
        operationId: "changePassword",
        tags: ["auth"],
        summary: "Change the signed-in user's password (the current one is required)",
        body: changePasswordSchema,
        response: { 200: authResultSchema },
      },
    },
    forward,
  );

  app.post(
    "/auth/revoke-sessions",
    {
      config: relaxed,
      schema: {
        operationId: "revokeSessions",
        tags: ["auth"],
        summary: "Sign out everywhere: end every session of the signed-in user",
        response: { 200: authStatusSchema },
      },
    },
    async (request, reply) => relay(reply, await app.auth.handler(toRequest(request, {}))),
  );
};
