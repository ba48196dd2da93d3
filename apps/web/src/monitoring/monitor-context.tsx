import { createContext, type ReactNode, useContext } from "react";
import type { Monitor } from "./monitor.ts";

const MonitorContext = createContext<Monitor | null>(null);

export function MonitorProvider({ monitor, children }: { monitor: Monitor | null; children: ReactNode }) {
  return <MonitorContext value={monitor}>{children}</MonitorContext>;
}

/** The app's Monitor, or null in tests and previews that run without one. */
export function useMonitor(): Monitor | null {
  return useContext(MonitorContext);
}
