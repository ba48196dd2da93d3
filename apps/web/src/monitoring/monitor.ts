import type { TrackEventData } from "@referral-app/shared/schemas/analytics";

type Properties = NonNullable<TrackEventData["properties"]>;
type PropertyValue = Properties[string];

export interface MonitorTransport {
  /** Sends a batch while the page is alive. */
  send(events: TrackEventData[]): Promise<void>;
  /** Sends a batch as the page goes away (navigator.sendBeacon); returns false when it could not queue. */
  beacon?(events: TrackEventData[]): boolean;
}

export interface MonitorOptions {
  transport: MonitorTransport;
  /** Events are sent when this many are queued… */
  maxBatch?: number;
  /** …or after this many milliseconds, whichever comes first. */
  flushIntervalMs?: number;
  sessionId?: string;
}

const MAX_QUEUE = 200;
const SERVER_BATCH_LIMIT = 50;

function toPropertyValue(value: unknown): PropertyValue {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  return String(value).slice(0, 2000);
}

/** The seed's Monitor: key events, errors and performance metrics, batched to POST /api/analytics/events. */
export class Monitor {
  private queue: TrackEventData[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxBatch: number;
  private readonly flushIntervalMs: number;
  readonly sessionId: string;

  constructor(private readonly options: MonitorOptions) {
    this.maxBatch = Math.min(options.maxBatch ?? 20, SERVER_BATCH_LIMIT);
    this.flushIntervalMs = options.flushIntervalMs ?? 5000;
    this.sessionId = options.sessionId ?? crypto.randomUUID().slice(0, 32);
  }

  trackEvent(name: string, properties: Record<string, unknown> = {}): void {
    const entries = Object.entries(properties).slice(0, 30);
    this.enqueue({
      name,
      properties: Object.fromEntries(
        entries.map(([key, value]) => [key.slice(0, 64), toPropertyValue(value)]),
      ),
      occurredAt: new Date().toISOString(),
      sessionId: this.sessionId,
    });
  }

  trackError(error: unknown, context: Record<string, unknown> = {}): void {
    const err = error instanceof Error ? error : new Error(String(error));
    this.trackEvent("client_error", {
      message: err.message,
      errorName: err.name,
      stack: err.stack?.split("\n").slice(0, 6).join("\n") ?? null,
      path: typeof location === "undefined" ? null : location.pathname,
      ...context,
    });
  }

  trackPerformance(metric: string, value: number, unit = "ms"): void {
    this.trackEvent("performance", { metric, value: Math.round(value * 1000) / 1000, unit });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sends what is queued; failed batches go back to the queue for the next try. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.options.transport.send(batch);
      } catch {
        // Offline or server down: keep the events (bounded) and try again later.
        this.queue = [...batch, ...this.queue].slice(-MAX_QUEUE);
        this.schedule();
        return;
      }
    }
  }

  /** For `pagehide`: hands everything to sendBeacon, which survives the page being closed. */
  flushWithBeacon(): void {
    this.clearTimer();
    const beacon = this.options.transport.beacon;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      if (!beacon?.(batch)) {
        this.queue = [...batch, ...this.queue];
        return;
      }
    }
  }

  private enqueue(event: TrackEventData): void {
    this.queue.push(event);
    if (this.queue.length > MAX_QUEUE) this.queue.shift();
    if (this.queue.length >= this.maxBatch) void this.flush();
    else this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.flushIntervalMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
