import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet from "helmet";
import { tooManyAttempts } from "../lib/domain-error.ts";
import { currentUser } from "./authenticate.ts";

/** Security headers, the CORS allowlist and rate limits (strict ones are set per route; Redis-backed with REDIS_URL). */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app.ctx;
  // The same headers on every answer: worked out once by helmet at start, then set as one object per
  // request (@fastify/helmet ran helmet's dozen middlewares on every request: docs/performance.md).
  const headers = securityHeaders();
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(cors, {
    origin: config.corsOrigins,
    credentials: true,
    exposedHeaders: ["set-auth-token", "x-request-id", "retry-after"],
  });
  const { redis } = app.ctx;
  await app.register(rateLimit, {
    // With REDIS_URL the counters are shared by every API instance; a Redis outage lets requests
    // through (skipOnError) rather than failing them.
    ...(redis ? { redis, nameSpace: "rate-limit:", skipOnError: true } : {}),
    global: true,
    max: config.rateLimit.max,
    timeWindow: "1 minute",
    // Signed-in callers are limited per user, everyone else per address.
    keyGenerator: async (request) => (await currentUser(request).catch(() => null))?.id ?? request.ip,
    allowList: (request) => request.url.startsWith("/health") || request.url === "/metrics",
    errorResponseBuilder: (_request, context) => tooManyAttempts(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
});

/** helmet's headers for our policy, collected once from a stand-in response. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  let failure: unknown;
  middleware({} as never, response as never, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}
