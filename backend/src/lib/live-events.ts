import { EventEmitter } from "node:events";
import type { ConversationLiveEvent } from "@referral-app/shared/schemas/conversation";
import type { NotificationEvent } from "@referral-app/shared/schemas/notification";

export type LiveListener = (event: NotificationEvent) => void;
export type ConversationListener = (event: ConversationLiveEvent) => void;

// Prefixed: an EventEmitter treats an event named "error" specially, and ids are not ours to choose.
const channel = (userId: string) => `user:${userId}`;
const sessionChannel = (sessionId: string) => `session:${sessionId}`;
const conversationChannel = (userId: string) => `conversation:${userId}`;

export interface LiveTransport {
  publish(userId: string, event: NotificationEvent): Promise<void>;
  endSessions(sessionIds: string[]): Promise<void>;
  /** One event for several users (a conversation's participants) in one hop. */
  publishConversation(userIds: string[], event: ConversationLiveEvent): Promise<void>;
}

/**
 * Live notification fan-out to open SSE streams. In-process by default; a cross-instance
 * transport (PostgreSQL LISTEN/NOTIFY) plugs in through `publish`/`deliverLocal`.
 */
export class LiveEvents {
  private readonly emitter = new EventEmitter();
  private remote: LiveTransport | undefined;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Route publishes through another transport (which must call the `…Local` methods on every instance). */
  useTransport(transport: LiveTransport): void {
    this.remote = transport;
  }

  async publish(userId: string, event: NotificationEvent): Promise<void> {
    if (this.remote) await this.remote.publish(userId, event);
    else this.deliverLocal(userId, event);
  }

  /** Message events to every participant's open streams (`message.created`, …). */
  async publishConversation(userIds: string[], event: ConversationLiveEvent): Promise<void> {
    if (userIds.length === 0) return;
    if (this.remote) await this.remote.publishConversation(userIds, event);
    else this.deliverConversationLocal(userIds, event);
  }

  deliverConversationLocal(userIds: string[], event: ConversationLiveEvent): void {
    for (const userId of userIds) this.emitter.emit(conversationChannel(userId), event);
  }

  subscribeConversation(userId: string, listener: ConversationListener): () => void {
    const guarded: ConversationListener = (event) => {
      try {
        listener(event);
      } catch {}
    };
    this.emitter.on(conversationChannel(userId), guarded);
    return () => this.emitter.off(conversationChannel(userId), guarded);
  }

  /** Sessions that ended (sign-out, password reset, revoked): their streams close on every instance. */
  async endSessions(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    if (this.remote) await this.remote.endSessions(sessionIds);
    else this.endSessionsLocal(sessionIds);
  }

  endSessionsLocal(sessionIds: string[]): void {
    for (const id of sessionIds) this.emitter.emit(sessionChannel(id));
  }

  /** Runs `listener` once when the session ends. */
  onSessionEnd(sessionId: string, listener: () => void): () => void {
    this.emitter.once(sessionChannel(sessionId), listener);
    return () => this.emitter.off(sessionChannel(sessionId), listener);
  }

  deliverLocal(userId: string, event: NotificationEvent): void {
    this.emitter.emit(channel(userId), event);
  }

  subscribe(userId: string, listener: LiveListener): () => void {
    // One broken stream must not keep the event from the user's other streams (or fail the job).
    const guarded: LiveListener = (event) => {
      try {
        listener(event);
      } catch {}
    };
    this.emitter.on(channel(userId), guarded);
    return () => this.emitter.off(channel(userId), guarded);
  }

  listenerCount(): number {
    return this.emitter.eventNames().reduce((sum, name) => sum + this.emitter.listenerCount(name), 0);
  }
}
