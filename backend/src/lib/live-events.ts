import { EventEmitter } from "node:events";
import type { NotificationEvent } from "@referral-app/shared/schemas/notification";

export type LiveListener = (event: NotificationEvent) => void;

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
    this.emitter.emit(userId, event);
  }

  subscribe(userId: string, listener: LiveListener): () => void {
    this.emitter.on(userId, listener);
    return () => this.emitter.off(userId, listener);
  }

  listenerCount(): number {
    return this.emitter.eventNames().reduce((sum, name) => sum + this.emitter.listenerCount(name), 0);
  }
}
