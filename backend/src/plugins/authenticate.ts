import { isStaffRole, type UserRole } from "@referral-app/shared/constants";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyRequest } from "fastify";
import { DomainError } from "../lib/domain-error.ts";

export interface RequestUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  partnerOrganizationId: string | null;
}

const resolved = new WeakMap<FastifyRequest, Promise<RequestUser | null>>();

/** The signed-in user (cookie session or bearer token), looked up once per request. */
export function currentUser(request: FastifyRequest): Promise<RequestUser | null> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = lookup(request);
    resolved.set(request, pending);
  }
  return pending;
}

async function lookup(request: FastifyRequest): Promise<RequestUser | null> {
  const { auth } = request.server;
  const hasCredentials = request.headers.authorization || request.headers.cookie;
  if (!hasCredentials) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
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

export async function requireUser(request: FastifyRequest): Promise<RequestUser> {
  const user = await currentUser(request);
  if (!user) throw new DomainError("UNAUTHORIZED", "Sign in to continue");
  return user;
}

/** Staff and admins only; everyone else is refused. */
export async function requireStaff(request: FastifyRequest): Promise<RequestUser> {
  const user = await requireUser(request);
  if (!isStaffRole(user.role)) throw new DomainError("FORBIDDEN", "Staff only");
  return user;
}

export async function requireRole(request: FastifyRequest, roles: readonly UserRole[]): Promise<RequestUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw new DomainError("FORBIDDEN", "You cannot use this");
  return user;
}

/**
 * `:id` in `/api/users/:id/...`: `me` or the caller's own id, or anyone's for staff.
 * Someone else's id answers 404, as if it did not exist.
 */
export function resolveUserId(user: RequestUser, id: string): string {
  if (id === "me" || id === user.id) return user.id;
  if (isStaffRole(user.role)) return id;
  throw new DomainError("NOT_FOUND", "User not found");
}
