import type { TrackEventData } from "@referral-app/shared/schemas/analytics";
import { trackEventsSchema } from "@referral-app/shared/schemas/analytics";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Monitor } from "./monitor.ts";

function recordingTransport() {
  const sent: TrackEventData[][] = [];
  const beaconed: TrackEventData[][] = [];
  return {
    sent,
    beaconed,
    send: vi.fn(async (events: TrackEventData[]) => void sent.push(events)),
    beacon: vi.fn((events: TrackEventData[]) => beaconed.push(events) > 0),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Monitor", () => {
  it("batches events and sends them after the interval, valid for the analytics endpoint", async () => {
    const transport = recordingTransport();
    const monitor = new Monitor({ transport, flushIntervalMs: 1000, maxBatch: 10 });
    monitor.trackEvent("referral_created", { referralId: "r1", nested: { a: 1 } });
    monitor.trackPerformance("web_vital.lcp", 1234.5678);
    monitor.trackError(new Error("boom"), { source: "test" });
    expect(transport.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.sent).toHaveLength(1);
    const batch = transport.sent[0] ?? [];
    expect(batch.map((event) => event.name)).toEqual(["referral_created", "performance", "client_error"]);
    expect(trackEventsSchema.safeParse({ events: batch }).success).toBe(true);
    expect(batch[0]?.properties?.nested).toBe("[object Object]");
  });

  it("sends at once when the batch is full", async () => {
    const transport = recordingTransport();
    const monitor = new Monitor({ transport, maxBatch: 2 });
    monitor.trackEvent("a_event");
    monitor.trackEvent("b_event");
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.sent).toHaveLength(1);
  });

  it("keeps events when sending fails and retries later", async () => {
    const transport = recordingTransport();
    transport.send.mockRejectedValueOnce(new Error("offline"));
    const monitor = new Monitor({ transport, flushIntervalMs: 500 });
    monitor.trackEvent("page_view", { path: "/" });
    await vi.advanceTimersByTimeAsync(500);
    expect(monitor.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(monitor.pending).toBe(0);
    expect(transport.sent).toHaveLength(1);
  });

  it("hands the queue to sendBeacon when the page goes away", () => {
    const transport = recordingTransport();
    const monitor = new Monitor({ transport });
    monitor.trackEvent("page_view");
    monitor.flushWithBeacon();
    expect(transport.beaconed).toHaveLength(1);
    expect(monitor.pending).toBe(0);
  });
});
