import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

// Conditional GET for the API: a strong ETag (hash of the body) on successful GET /api/* answers
// and 304 Not Modified when the client already has it. `private, no-cache` lets browsers and the
// API client keep a copy but revalidate it every time, and keeps shared caches out (answers are
// per user). The SSE stream hijacks its reply, so it never reaches this hook.

export const API_CACHE_CONTROL = "private, no-cache";

function cacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    request.url.startsWith("/api/") &&
    reply.statusCode === 200
  );
}

/** True when If-None-Match lists this ETag (weak comparison: a gzipping proxy makes tags weak). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag.replace(/^W\//, "") === bare);
}

export const httpCachePlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!cacheable(request, reply)) return payload;
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", API_CACHE_CONTROL);
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    let etag = reply.getHeader("etag");
    if (typeof etag !== "string") {
      etag = `"${createHash("sha1").update(payload).digest("base64url")}"`;
      reply.header("etag", etag);
    }
    if (!matchesEtag(request.headers["if-none-match"], etag)) return payload;
    reply.code(304);
    reply.removeHeader("content-length");
    return "";
  });
});
