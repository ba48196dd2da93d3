import type { ConversationLiveEvent } from "@referral-app/shared/schemas/conversation";
import type { NotificationEvent } from "@referral-app/shared/schemas/notification";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { countUnread } from "./notifications.repository.ts";

// Proxies and load balancers drop connections silent for a minute; a comment every 25 s keeps it open.
export const PING_INTERVAL_MS = 25_000;

export interface StreamSession {
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * The session behind the stream, read from better-auth itself (the stream lives as long as the
 * session, so it needs the session's id): the bearer header, the session cookie, or `?token=` — the
 * bearer token in the query, for EventSource clients that cannot set headers.
 */
export async function streamSession(
  request: FastifyRequest,
  token: string | undefined,
): Promise<StreamSession> {
  const headers = new Headers();
  if (request.headers.authorization) headers.set("authorization", request.headers.authorization);
  else if (token) headers.set("authorization", `Bearer ${token}`);
  if (request.headers.cookie) headers.set("cookie", request.headers.cookie);
  const found = await request.server.auth.api.getSession({ headers });
  if (!found) throw new DomainError("UNAUTHORIZED", "Sign in to continue");
  return { userId: found.user.id, sessionId: found.session.id, expiresAt: new Date(found.session.expiresAt) };
}

/**
 * Open streams, so shutdown can end them instead of waiting for clients to hang up, and so one
 * session (or everyone together) cannot hold more sockets than the instance can spare.
 */
export class StreamRegistry {
  private readonly closers = new Set<() => void>();
  private readonly perSession = new Map<string, number>();

  constructor(private readonly limits: { perSession: number; perInstance: number }) {}

  /** Counts a new stream in, or answers 429 when its session or the instance is at the cap. */
  add(sessionId: string, close: () => void): () => void {
    const open = this.perSession.get(sessionId) ?? 0;
    if (open >= this.limits.perSession)
      throw new DomainError(
        "RATE_LIMITED",
        "Too many live connections for this session; close one and retry",
      );
    if (this.closers.size >= this.limits.perInstance)
      throw new DomainError("RATE_LIMITED", "Too many live connections; retry in a moment");
    this.closers.add(close);
    this.perSession.set(sessionId, open + 1);
    return () => {
      if (!this.closers.delete(close)) return;
      const left = (this.perSession.get(sessionId) ?? 1) - 1;
      if (left > 0) this.perSession.set(sessionId, left);
      else this.perSession.delete(sessionId);
    };
  }

  get size(): number {
    return this.closers.size;
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}

// setTimeout keeps at most about 24.8 days; a longer session is re-checked then.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Server-sent events for one user: `unread-count` on connect, then `notification` for each new one.
 * Takes the raw response over from Fastify (hijack) and keeps the headers its hooks already set
 * (CORS, security headers).
 */
export async function openNotificationStream(
  ctx: AppContext,
  streams: StreamRegistry,
  request: FastifyRequest,
  reply: FastifyReply,
  session: StreamSession,
): Promise<void> {
  const { userId, sessionId } = session;
  let cleanup = () => {};
  // Counted before the response starts, so a stream over the cap is a plain 429.
  const forget = streams.add(sessionId, () => cleanup());
  reply.hijack();
  const res = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = value;
  }
  res.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
    "x-request-id": request.id,
  });
  res.flushHeaders();

  const write = (chunk: string) => {
    if (!res.destroyed && !res.writableEnded) res.write(chunk);
  };
  const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  // Subscribe before counting so nothing published meanwhile is lost; hold it until the count is out.
  let held: [string, NotificationEvent | ConversationLiveEvent["data"]][] | null = [];
  const unsubscribeNotifications = ctx.live.subscribe(userId, (event) => {
    if (held) held.push(["notification", event]);
    else send("notification", event);
  });
  // Conversations ride the same stream: `message.created`, `message.updated`, `conversation.read`.
  const unsubscribeConversations = ctx.live.subscribeConversation(userId, (event) => {
    if (held) held.push([event.type, event.data]);
    else send(event.type, event.data);
  });
  const unsubscribe = () => {
    unsubscribeNotifications();
    unsubscribeConversations();
  };
  const ping = setInterval(() => write(": ping\n\n"), PING_INTERVAL_MS);
  ping.unref();
  // The stream is as good as its session: sign-out, a password reset or expiry ends it.
  const stopWatching = ctx.live.onSessionEnd(sessionId, () => cleanup());
  const expiry = setTimeout(
    () => cleanup(),
    Math.min(MAX_TIMER_MS, session.expiresAt.getTime() - Date.now()),
  );
  expiry.unref();

  let closed = false;
  cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    clearTimeout(expiry);
    unsubscribe();
    stopWatching();
    forget();
    if (!res.writableEnded) res.end();
  };
  res.on("close", cleanup);
  res.on("error", cleanup);

  // Tells EventSource how long to wait before reconnecting after a drop.
  write("retry: 5000\n\n");
  try {
    send("unread-count", { count: await countUnread(ctx.db, userId) });
  } catch (error) {
    request.log.error({ err: error }, "notification stream: unread count failed");
    cleanup();
    return;
  }
  const pending = held;
  held = null;
  for (const [name, data] of pending) send(name, data);
}
