import type { NotificationEvent } from "@referral-app/shared/schemas/notification";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { currentUser } from "../../plugins/authenticate.ts";
import { countUnread } from "./notifications.repository.ts";

// Proxies and load balancers drop connections silent for a minute; a comment every 25 s keeps it open.
export const PING_INTERVAL_MS = 25_000;

/**
 * The caller for the stream: cookie session or bearer header as everywhere, or `?token=` — the
 * bearer token in the query, for EventSource clients that cannot set headers.
 */
export async function streamUserId(request: FastifyRequest, token: string | undefined): Promise<string> {
  const user = await currentUser(request);
  if (user) return user.id;
  if (token) {
    const session = await request.server.auth.api.getSession({
      headers: new Headers({ authorization: `Bearer ${token}` }),
    });
    if (session) return session.user.id;
  }
  throw new DomainError("UNAUTHORIZED", "Sign in to continue");
}

/** Open streams, so shutdown can end them instead of waiting for clients to hang up. */
export class StreamRegistry {
  private readonly closers = new Set<() => void>();

  add(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  get size(): number {
    return this.closers.size;
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}

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
  userId: string,
): Promise<void> {
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
  let held: NotificationEvent[] | null = [];
  const unsubscribe = ctx.live.subscribe(userId, (event) => {
    if (held) held.push(event);
    else send("notification", event);
  });
  const ping = setInterval(() => write(": ping\n\n"), PING_INTERVAL_MS);
  ping.unref();

  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    unsubscribe();
    forget();
    if (!res.writableEnded) res.end();
  };
  const forget = streams.add(cleanup);
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
  for (const event of pending) send("notification", event);
}
