import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

// API answers carry personal data: `no-store` keeps every copy out of browser, proxy and CDN caches
// (a shared computer's back button, a misconfigured proxy) unless a route sets its own policy. A
// client that keeps its own copy can still ask again with If-None-Match: successful GET /api/*
// answers of at least ETAG_MIN_BYTES carry a strong ETag (hash of the body) and answer 304 Not
// Modified when it still matches. A smaller answer (a profile, the stats) gains nothing from a 304
// (its headers weigh about as much), so it is not hashed: that was a hash per request on the hot
// paths (docs/performance.md). The SSE stream hijacks its reply, so it never reaches this hook.

export const API_CACHE_CONTROL = "no-store";
export const ETAG_MIN_BYTES = 1024;

function cacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return (request.method === "GET" || request.method === "HEAD") && reply.statusCode === 200;
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
    if (!request.url.startsWith("/api/")) return payload;
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", API_CACHE_CONTROL);
    if (!cacheable(request, reply)) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    let etag = reply.getHeader("etag");
    // String length is a lower bound of the byte length: good enough for a threshold.
    if (typeof etag !== "string" && payload.length < ETAG_MIN_BYTES) return payload;
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
