import { randomUUID } from "node:crypto";
import type { ConversationLiveEvent } from "@referral-app/shared/schemas/conversation";
import type { NotificationEvent } from "@referral-app/shared/schemas/notification";
import type { FastifyBaseLogger } from "fastify";
import pg from "pg";
import type { MemoryCache } from "./cache.ts";
import type { LiveEvents } from "./live-events.ts";
import { SESSION_CACHE_CHANNEL, type SessionCache } from "./session-cache.ts";

/** The NOTIFY channels: live notifications, ended sessions and cache deletions. */
export const LIVE_CHANNEL = "live_events";
export const SESSION_END_CHANNEL = "session_ended";
export const CACHE_CHANNEL = "cache_invalidate";
export const CONVERSATION_CHANNEL = "conversation_events";

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of the limit.
export const MAX_PAYLOAD_BYTES = 7_500;

interface LiveMessage {
  /** The instance that published (for logs; every instance, the sender too, delivers). */
  from: string;
  userId: string;
  event: NotificationEvent;
}

export interface PgTransportOptions {
  connectionString: string;
  /** Runs `select pg_notify(...)`: the application pool, so publishing needs no extra connection. */
  pool: pg.Pool;
  logger: FastifyBaseLogger;
  /** Reconnect backoff bounds in milliseconds. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

type Handler = (payload: string) => void;

/**
 * Cross-instance fan-out over PostgreSQL LISTEN/NOTIFY. One dedicated client listens (it must not
 * come from the pool: a pooled connection is shared and LISTEN is per session) and reconnects with
 * backoff when the server restarts; publishing goes through the pool. NOTIFY inside a transaction is
 * delivered on commit, and a notification sent while a listener is disconnected is lost — acceptable
 * here because clients re-read counts on reconnect.
 */
export class PgNotifyBus {
  readonly instanceId = randomUUID();
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Handler>();
  private readonly reconnectHandlers: (() => void)[] = [];
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: PgTransportOptions) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  on(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }

  /** Runs after a reconnect: whatever was notified meanwhile was missed. */
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async start(): Promise<void> {
    await this.connect();
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  async publish(channel: string, payload: string): Promise<void> {
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
      throw new Error(`NOTIFY payload too large for ${channel}`);
    await this.options.pool.query("select pg_notify($1, $2)", [channel, payload]);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      keepAlive: true,
      application_name: "referral-live-listener",
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      const handler = this.handlers.get(message.channel);
      if (handler && message.payload !== undefined) {
        try {
          handler(message.payload);
        } catch (err) {
          this.options.logger.warn({ err, channel: message.channel }, "NOTIFY handler failed");
        }
      }
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys())
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      this.options.logger.warn({ err, attempt: this.attempt }, "live listener connect failed; retrying");
      this.schedule();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    const reconnected = this.attempt > 0;
    this.attempt = 0;
    this.client = client;
    this.markReady();
    if (reconnected) {
      this.options.logger.info("live listener reconnected");
      for (const handler of this.reconnectHandlers) handler();
    }
  }

  private lost(client: pg.Client, err?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on("error", () => {});
    if (this.closed) return;
    this.options.logger.warn({ err }, "live listener connection lost; reconnecting");
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    const min = this.options.minDelayMs ?? 100;
    const max = this.options.maxDelayMs ?? 2_000;
    const delay = Math.min(max, min * 2 ** this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  }
}

/**
 * Encodes a live event for NOTIFY. An event too big for it loses its `data` and has its body cut
 * (the app shows the full text from the list it fetches on open).
 */
export function encodeLiveMessage(from: string, userId: string, event: NotificationEvent): string {
  const full = JSON.stringify({ from, userId, event } satisfies LiveMessage);
  if (Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES) return full;
  const slim: NotificationEvent = { ...event, notification: { ...event.notification, data: null, body: "" } };
  const room = MAX_PAYLOAD_BYTES - Buffer.byteLength(JSON.stringify({ from, userId, event: slim })) - 16;
  // Cut by characters until the JSON-escaped body fits the bytes left.
  let body = event.notification.body.slice(0, Math.max(0, room));
  while (body.length > 0 && Buffer.byteLength(JSON.stringify(body)) > room)
    body = body.slice(0, Math.floor(body.length * 0.9));
  const cut: NotificationEvent = { ...slim, notification: { ...slim.notification, body: `${body}…` } };
  return JSON.stringify({ from, userId, event: cut } satisfies LiveMessage);
}

interface ConversationMessage {
  from: string;
  userIds: string[];
  event: ConversationLiveEvent;
}

/**
 * Encodes a conversation event for NOTIFY. A message too big for it travels without its text
 * (`message: null`): the app fetches the thread instead.
 */
export function encodeConversationMessage(
  from: string,
  userIds: string[],
  event: ConversationLiveEvent,
): string {
  const full = JSON.stringify({ from, userIds, event } satisfies ConversationMessage);
  if (Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES || event.type === "conversation.read") return full;
  const slim: ConversationLiveEvent = { type: event.type, data: { ...event.data, message: null } };
  return JSON.stringify({ from, userIds, event: slim } satisfies ConversationMessage);
}

/** Routes `ctx.live` through the bus: a publish on any instance reaches every instance's SSE streams. */
export function attachLiveTransport(bus: PgNotifyBus, live: LiveEvents): void {
  bus.on(LIVE_CHANNEL, (payload) => {
    const message = JSON.parse(payload) as LiveMessage;
    live.deliverLocal(message.userId, message.event);
  });
  bus.on(SESSION_END_CHANNEL, (payload) => {
    live.endSessionsLocal((JSON.parse(payload) as { sessionIds: string[] }).sessionIds);
  });
  bus.on(CONVERSATION_CHANNEL, (payload) => {
    const message = JSON.parse(payload) as ConversationMessage;
    live.deliverConversationLocal(message.userIds, message.event);
  });
  live.useTransport({
    publishConversation: async (userIds, event) => {
      // A hundred participants' ids stay far below the payload limit beside a slimmed event.
      for (let i = 0; i < userIds.length; i += 100) {
        const chunk = userIds.slice(i, i + 100);
        await bus.publish(CONVERSATION_CHANNEL, encodeConversationMessage(bus.instanceId, chunk, event));
      }
    },
    publish: (userId, event) => bus.publish(LIVE_CHANNEL, encodeLiveMessage(bus.instanceId, userId, event)),
    endSessions: async (sessionIds) => {
      // Session ids are short; 100 of them stay far below the NOTIFY payload limit.
      for (let i = 0; i < sessionIds.length; i += 100) {
        await bus.publish(SESSION_END_CHANNEL, JSON.stringify({ sessionIds: sessionIds.slice(i, i + 100) }));
      }
    },
  });
}

/** Memory caches on every instance drop what one instance deletes. */
export function attachCacheInvalidation(bus: PgNotifyBus, cache: MemoryCache): void {
  bus.on(CACHE_CHANNEL, (payload) => {
    const message = JSON.parse(payload) as { from: string; keys: string[]; prefixes: string[] };
    if (message.from !== bus.instanceId) cache.dropLocal(message);
  });
  // Deletions sent while this listener was away were missed: start over.
  bus.onReconnect(() => cache.dropLocal({ keys: [], prefixes: [""] }));
  cache.useInvalidation(async (message) => {
    let payload = JSON.stringify({ from: bus.instanceId, ...message });
    // Too many keys for one NOTIFY: everyone drops everything instead.
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      payload = JSON.stringify({ from: bus.instanceId, keys: [], prefixes: [""] });
    }
    await bus.publish(CACHE_CHANNEL, payload);
  });
}

/** Sessions remembered by this instance are dropped as the database reports them ended (migration 0017). */
export function attachSessionInvalidation(bus: PgNotifyBus, sessions: SessionCache): void {
  bus.on(SESSION_CACHE_CHANNEL, (payload) => sessions.invalidate(payload));
  // Revocations notified while this listener was away were missed.
  bus.onReconnect(() => sessions.clear());
}
