import type { AnalyticsService } from "@referral-app/api-client/services/analytics-service";
import { Monitor } from "./monitor.ts";

/** Creates the app's Monitor: errors, web vitals and page-hide flushing, sent through the API. */
export function installMonitor(analytics: AnalyticsService, baseURL: string): Monitor {
  const monitor = new Monitor({
    transport: {
      send: (events) => analytics.track(events),
      beacon: (events) =>
        typeof navigator.sendBeacon === "function" &&
        navigator.sendBeacon(
          `${baseURL}/analytics/events`,
          new Blob([JSON.stringify({ events })], { type: "application/json" }),
        ),
    },
  });

  window.addEventListener("error", (event) => {
    monitor.trackError(event.error ?? event.message, { source: "window.error" });
  });
  window.addEventListener("unhandledrejection", (event) => {
    monitor.trackError(event.reason, { source: "unhandledrejection" });
  });
  // `pagehide` and a hidden tab are the last reliable moments on mobile browsers.
  window.addEventListener("pagehide", () => monitor.flushWithBeacon());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") monitor.flushWithBeacon();
  });

  return monitor;
}

/**
 * Web vitals, for the app root to call once the first page is on screen: web-vitals is its own chunk,
 * never fetched before the first paint, and its observers read the buffered paint entries.
 */
export function observeWebVitals(monitor: Monitor): void {
  void import("web-vitals").then(({ onCLS, onFCP, onINP, onLCP, onTTFB }) => {
    for (const subscribe of [onCLS, onFCP, onINP, onLCP, onTTFB]) {
      subscribe((metric) => monitor.trackPerformance(`web_vital.${metric.name.toLowerCase()}`, metric.value));
    }
  });
}
