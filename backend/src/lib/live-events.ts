import { EventEmitter } from "node:events";
import type { NotificationEvent } from "@referral-app/shared/schemas/notification";

export type LiveListener = (event: NotificationEvent) => void;

// Prefixed: an EventEmitter treats an event named "error" specially, and ids are not ours to choose.
const channel = (userId: string) => `user:${userId}`;

/**
 * Live notification fan-out to open SSE streams. In-process by default; a cross-instance
 * transport (PostgreSQL LISTEN/NOTIFY) plugs in through `publish`/`deliverLocal`.
 */
export class LiveEvents {
  private readonly emitter = new EventEmitter();
  private remote: ((userId: string, event: NotificationEvent) => Promise<void>) | undefined;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Route publishes through another transport (which must call deliverLocal on every instance). */
  useTransport(publish: (userId: string, event: NotificationEvent) => Promise<void>): void {
    this.remote = publish;
  }

  async publish(userId: string, event: NotificationEvent): Promise<void> {
    if (this.remote) await this.remote(userId, event);
    else this.deliverLocal(userId, event);
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
