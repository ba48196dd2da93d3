import { createHash } from "node:crypto";
import { isStaffRole, type UserRole } from "@referral-app/shared/constants";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyRequest } from "fastify";
import type { Actor } from "../lib/actor.ts";
import { DomainError } from "../lib/domain-error.ts";

const resolved = new WeakMap<FastifyRequest, Promise<Actor | null>>();

/** The signed-in user (cookie session or bearer token), looked up once per request. */
export function currentUser(request: FastifyRequest): Promise<Actor | null> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = lookup(request);
    resolved.set(request, pending);
  }
  return pending;
}

// Resolving a session costs better-auth two queries and an HMAC; every API call needs it. The answer is
// shared through ctx.cache for a few seconds, and dropped at sign-out (see auth.routes.ts). A session
// revoked any other way (password reset, role change) is honoured within SESSION_CACHE_TTL_SECONDS.
export const SESSION_CACHE_TTL_SECONDS = 10;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

/** The cache key for the credential a request carries (bearer token or session cookie), if any. */
export function sessionCacheKey(request: FastifyRequest): string | null {
  const credential =
    request.headers.authorization?.replace(/^Bearer\s+/i, "") ||
    request.headers.cookie?.match(SESSION_COOKIE)?.[1];
  if (!credential) return null;
  return `session:${createHash("sha256").update(credential).digest("base64url")}`;
}

async function lookup(request: FastifyRequest): Promise<Actor | null> {
  const key = sessionCacheKey(request);
  if (!key) return null;
  const { cache } = request.server.ctx;
  const cached = await cache.get<Actor>(key);
  if (cached) return cached;
  const user = await resolveSession(request);
  if (user) await cache.set(key, user, SESSION_CACHE_TTL_SECONDS);
  return user;
}

async function resolveSession(request: FastifyRequest): Promise<Actor | null> {
  const session = await request.server.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  const user = session.user as typeof session.user & {
    role?: UserRole;
    partnerOrganizationId?: string | null;
  };
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role ?? "client",
    partnerOrganizationId: user.partnerOrganizationId ?? null,
  };
}

export async function requireUser(request: FastifyRequest): Promise<Actor> {
  const user = await currentUser(request);
  if (!user) throw new DomainError("UNAUTHORIZED", "Sign in to continue");
  return user;
}

/** Staff and admins only; everyone else is refused. */
export async function requireStaff(request: FastifyRequest): Promise<Actor> {
  const user = await requireUser(request);
  if (!isStaffRole(user.role)) throw new DomainError("FORBIDDEN", "Staff only");
  return user;
}

export async function requireRole(request: FastifyRequest, roles: readonly UserRole[]): Promise<Actor> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw new DomainError("FORBIDDEN", "You cannot use this");
  return user;
}

/**
 * `:id` in `/api/users/:id/...`: `me` or the caller's own id, or anyone's for staff.
 * Someone else's id answers 404, as if it did not exist.
 */
export function resolveUserId(user: Actor, id: string): string {
  if (id === "me" || id === user.id) return user.id;
  if (isStaffRole(user.role)) return id;
  throw new DomainError("NOT_FOUND", "User not found");
}
