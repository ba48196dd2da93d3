import { createHash } from "node:crypto";
import { isStaffRole, type UserRole } from "@referral-app/shared/constants";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../lib/actor.ts";
import { DomainError } from "../lib/domain-error.ts";
import { findSessionUser } from "../modules/auth/sessions.repository.ts";

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

// Resolving a credential costs better-auth two queries and an HMAC. The shared cache remembers only
// which session a credential proved (never who the user is); on a miss in this process's session
// cache (lib/session-cache.ts: a few seconds, dropped by the database's revocation notices) the
// session and its user are re-read in one query, so a session revoked by any path (sign-out, password
// reset, revoke-sessions, a deleted user) or a changed role counts at once on every instance.
const SESSION_CACHE_TTL_SECONDS = 300;

interface Credential {
  /** What is hashed into the cache key: exactly the value better-auth is shown. */
  value: string;
  /** The only header better-auth sees, so it validates this credential and no other. */
  headers: Headers;
}

const cookieNames = new WeakMap<FastifyInstance, Promise<string>>();

// better-auth reads one cookie name per mode (`__Secure-…` when the public URL is https); any other
// session cookie (one planted on a sibling subdomain, say) is ignored, never cached.
function sessionCookieName(app: FastifyInstance): Promise<string> {
  let name = cookieNames.get(app);
  if (!name) {
    name = app.auth.$context.then((context) => context.authCookies.sessionToken.name);
    cookieNames.set(app, name);
  }
  return name;
}

async function credentialOf(request: FastifyRequest): Promise<Credential | null> {
  const authorization = request.headers.authorization;
  // A bearer token, when present, is the credential: a bad one is not rescued by a cookie.
  if (authorization && /^bearer\s/i.test(authorization)) {
    const value = authorization.slice(7).trim();
    return value ? { value, headers: new Headers({ authorization: `Bearer ${value}` }) } : null;
  }
  const name = await sessionCookieName(request.server);
  for (const pair of request.headers.cookie?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const value = pair.slice(at + 1).trim();
    return value ? { value, headers: new Headers({ cookie: `${name}=${value}` }) } : null;
  }
  return null;
}

async function lookup(request: FastifyRequest): Promise<Actor | null> {
  const credential = await credentialOf(request);
  if (!credential) return null;
  const { cache, db, sessions } = request.server.ctx;
  const digest = createHash("sha256").update(credential.value).digest("base64url");
  // One map lookup for a credential seen in the last seconds (revocations drop it at once).
  const remembered = sessions?.get(digest);
  if (remembered) return remembered;
  const ticket = sessions?.ticket() ?? 0;
  const key = `session:${digest}`;
  const sessionId = await cache.get<string>(key);
  if (sessionId) {
    const row = await findSessionUser(db, sessionId);
    if (!row) return null;
    const { expiresAt, ...actor } = row;
    sessions?.set(digest, ticket, sessionId, actor, expiresAt);
    return actor;
  }
  const session = await request.server.auth.api.getSession({ headers: credential.headers });
  if (!session) return null;
  await cache.set(key, session.session.id, SESSION_CACHE_TTL_SECONDS);
  const user = session.user as typeof session.user & {
    role?: UserRole;
    partnerOrganizationId?: string | null;
    deactivatedAt?: Date | null;
  };
  const actor: Actor = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role ?? "client",
    partnerOrganizationId: user.partnerOrganizationId ?? null,
  };
  // better-auth does not know about deactivation; the next request re-reads through findSessionUser.
  if (!user.deactivatedAt)
    sessions?.set(digest, ticket, session.session.id, actor, session.session.expiresAt);
  return actor;
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
