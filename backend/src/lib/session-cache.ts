import type { Actor } from "./actor.ts";

/**
 * Who a credential is, remembered in this process for a few seconds so that an authenticated request
 * costs no database round trip for its session (it used to cost one on every request).
 *
 * Revocation still counts at once: database triggers (migration 0017) NOTIFY `session_cache` when a
 * session is deleted (sign-out, password reset, revoke, a deleted user) or a user's role, email, name,
 * organisation or deactivation changes, and every instance drops the matching entries as the
 * notification arrives. While the listener is disconnected nothing is served from here (and everything
 * is dropped when it reconnects: what was notified meanwhile was missed); the TTL bounds the rest.
 */
export const SESSION_CACHE_CHANNEL = "session_cache";

interface Entry {
  sessionId: string;
  actor: Actor;
  /** The earlier of the TTL and the session's own expiry. */
  until: number;
}

export interface SessionCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  /** False while invalidations cannot arrive (the listener is down): every lookup misses. */
  live?: () => boolean;
  now?: () => number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup that began before one must not store its answer. */
  private generation = 0;

  constructor(private readonly options: SessionCacheOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Call before reading the session from the database; pass the result to `set`. */
  ticket(): number {
    return this.generation;
  }

  get(key: string): Actor | undefined {
    if (this.options.live && !this.options.live()) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  set(key: string, ticket: number, sessionId: string, actor: Actor, sessionExpiresAt: Date | number): void {
    if (ticket !== this.generation) return;
    if (this.options.live && !this.options.live()) return;
    const until = Math.min(this.now() + this.options.ttlMs, new Date(sessionExpiresAt).getTime());
    // Oldest first out (Map keeps insertion order); a re-set moves the key to the end.
    this.entries.delete(key);
    this.entries.set(key, { sessionId, actor, until });
    const max = this.options.maxEntries ?? 10_000;
    if (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A `session_cache` notification: `s:<session id>`, `u:<user id>` or `*` (everything). */
  invalidate(message: string): void {
    this.generation += 1;
    if (message.startsWith("s:")) this.dropWhere((entry) => entry.sessionId === message.slice(2));
    else if (message.startsWith("u:")) this.dropWhere((entry) => entry.actor.id === message.slice(2));
    else this.clear();
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private dropWhere(match: (entry: Entry) => boolean): void {
    // Revocations are rare beside reads: a scan of at most maxEntries keeps the hit path to one lookup.
    for (const [key, entry] of this.entries) if (match(entry)) this.entries.delete(key);
  }
}
