import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { sendError } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The request's own origin, as the browser saw it (`X-Forwarded-*` count only behind TRUST_PROXY). */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** Same-origin, or one of PUBLIC_URL and CORS_ORIGINS. */
export function isTrustedOrigin(request: FastifyRequest, origin: string): boolean {
  return origin === ownOrigin(request) || request.server.ctx.config.corsOrigins.includes(origin);
}

/**
 * CSRF defence for every route, auth included (better-auth's own check is off, see auth.ts). A browser
 * names the page that sent a state-changing request in `Origin`; a foreign page is refused. A request
 * that carries cookies must name a trusted origin. One without `Origin` and without cookies carries no
 * ambient credential (Node's fetch, curl), so it passes, as does one with an Authorization header.
 */
export const originCheckPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onRequest", async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    // A page on another site cannot attach an Authorization header without a CORS preflight, which
    // only CORS_ORIGINS pass. Native apps send their bearer token this way, and their HTTP stacks
    // (iOS, Android) also keep and replay cookies, without an Origin.
    if (request.headers.authorization) return;
    const header = request.headers.origin;
    if (!header && !request.headers.cookie) return;
    const origin = header && header !== "null" ? originOf(header) : originOf(request.headers.referer);
    if (origin && isTrustedOrigin(request, origin)) return;
    return sendError(reply, "ORIGIN_NOT_ALLOWED", "This address is not allowed to make this request");
  });
});
