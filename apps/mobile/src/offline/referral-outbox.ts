import type { ApiError } from "@referral-app/api-client/errors";
import type { CreateReferralData, Referral } from "@referral-app/shared/schemas/referral";

/** A referral waiting on the device; its key is chosen once and sent on every attempt. */
export interface OutboxItem {
  idempotencyKey: string;
  data: CreateReferralData;
  queuedAt: string;
  attempts: number;
  lastError: string | null;
}

/** A queued referral the server refused for good (e.g. already referred): kept so the user is told. */
export interface RejectedItem extends OutboxItem {
  code: string;
  rejectedAt: string;
}

export interface OutboxState {
  pending: OutboxItem[];
  rejected: RejectedItem[];
}

export interface OutboxStorage {
  load(): Promise<OutboxState>;
  save(state: OutboxState): Promise<void>;
}

export type SendReferral = (data: CreateReferralData, idempotencyKey: string) => Promise<Referral>;

export type AttemptResult =
  | { outcome: "sent"; referral: Referral }
  | { outcome: "rejected"; error: ApiError }
  | { outcome: "kept"; error: unknown };

export interface FlushResult {
  sent: Referral[];
  rejected: RejectedItem[];
  remaining: number;
}

// Answers after which trying again later may succeed: the item stays queued.
// 401: signed out meanwhile; 408/429: try later; IDEMPOTENCY_IN_PROGRESS: the first attempt is
// still being processed, and the server will replay its answer for this key.
const RETRY_LATER_STATUS = new Set([401, 408, 429]);
const RETRY_LATER_CODES = new Set(["IDEMPOTENCY_IN_PROGRESS", "EMAIL_NOT_VERIFIED"]);

function isApiErrorLike(error: unknown): error is ApiError {
  return typeof error === "object" && error !== null && "status" in error && "code" in error;
}

/** True when the server answered a final 4xx: sending the same request again cannot succeed. */
export function isFinalRejection(error: unknown): error is ApiError {
  if (!isApiErrorLike(error)) return false;
  if (error.status < 400 || error.status >= 500) return false;
  return !RETRY_LATER_STATUS.has(error.status) && !RETRY_LATER_CODES.has(String(error.code));
}

function describe(error: unknown): string {
  if (isApiErrorLike(error)) return `${String(error.code)}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The outbox for referrals: persisted before the first attempt, removed only after a 2xx or a final
 * 4xx, so a referral survives offline periods and app restarts and is never sent under two keys.
 * One flush runs at a time, items go in order, and a network failure stops the flush.
 */
export class ReferralOutbox {
  private state: OutboxState | null = null;
  private flushing: Promise<FlushResult> | null = null;
  // Every send runs on this chain, so one key is never in flight twice from this device.
  private chain: Promise<unknown> = Promise.resolve();
  private readonly settled = new Map<string, AttemptResult>();
  private readonly listeners = new Set<(state: OutboxState) => void>();

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: SendReferral,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async snapshot(): Promise<OutboxState> {
    this.state ??= await this.storage.load();
    return this.state;
  }

  subscribe(listener: (state: OutboxState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores the referral on the device. Resolves once it is persisted. */
  async enqueue(data: CreateReferralData, idempotencyKey: string): Promise<OutboxItem> {
    const state = await this.snapshot();
    const existing = state.pending.find((item) => item.idempotencyKey === idempotencyKey);
    if (existing) return existing;
    const item: OutboxItem = {
      idempotencyKey,
      data,
      queuedAt: this.now().toISOString(),
      attempts: 0,
      lastError: null,
    };
    await this.commit({ ...state, pending: [...state.pending, item] });
    return item;
  }

  /**
   * Sends one queued referral now (the form's online path) and settles it like a flush would.
   * Waits for a running flush first so the same key is never in flight twice.
   */
  attempt(idempotencyKey: string): Promise<AttemptResult> {
    return this.exclusive(async () => {
      const item = (await this.snapshot()).pending.find((entry) => entry.idempotencyKey === idempotencyKey);
      if (item) return this.sendItem(item);
      // A flush that ran first already settled it.
      const settled = this.settled.get(idempotencyKey);
      if (settled) return settled;
      throw new Error(`No queued referral with key ${idempotencyKey}`);
    });
  }

  /** Sends every queued referral in order; stops at the first one whose outcome is unknown. */
  flush(): Promise<FlushResult> {
    this.flushing ??= this.exclusive(() => this.runFlush()).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  async dismissRejected(idempotencyKey: string): Promise<void> {
    const state = await this.snapshot();
    await this.commit({
      ...state,
      rejected: state.rejected.filter((item) => item.idempotencyKey !== idempotencyKey),
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async runFlush(): Promise<FlushResult> {
    const result: FlushResult = { sent: [], rejected: [], remaining: 0 };
    for (const item of [...(await this.snapshot()).pending]) {
      const outcome = await this.sendItem(item);
      if (outcome.outcome === "sent") result.sent.push(outcome.referral);
      else if (outcome.outcome === "rejected") {
        const rejected = (await this.snapshot()).rejected.at(-1);
        if (rejected) result.rejected.push(rejected);
      } else break;
    }
    result.remaining = (await this.snapshot()).pending.length;
    return result;
  }

  private async sendItem(item: OutboxItem): Promise<AttemptResult> {
    let outcome: AttemptResult;
    try {
      outcome = { outcome: "sent", referral: await this.send(item.data, item.idempotencyKey) };
    } catch (error) {
      outcome = isFinalRejection(error) ? { outcome: "rejected", error } : { outcome: "kept", error };
    }
    const state = await this.snapshot();
    const pending = state.pending.filter((entry) => entry.idempotencyKey !== item.idempotencyKey);
    const attempts = item.attempts + 1;
    if (outcome.outcome !== "kept") this.settled.set(item.idempotencyKey, outcome);
    if (outcome.outcome === "sent") {
      await this.commit({ ...state, pending });
    } else if (outcome.outcome === "rejected") {
      const rejected: RejectedItem = {
        ...item,
        attempts,
        lastError: describe(outcome.error),
        code: String(outcome.error.code),
        rejectedAt: this.now().toISOString(),
      };
      await this.commit({ pending, rejected: [...state.rejected, rejected] });
    } else {
      await this.commit({
        ...state,
        pending: state.pending.map((entry) =>
          entry.idempotencyKey === item.idempotencyKey
            ? { ...entry, attempts, lastError: describe(outcome.error) }
            : entry,
        ),
      });
    }
    return outcome;
  }

  private async commit(next: OutboxState): Promise<void> {
    // Persist before publishing: what the UI shows is always what survives a restart.
    await this.storage.save(next);
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }
}
