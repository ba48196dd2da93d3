import {
  createContext,
  type ReactNode,
  startTransition,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { type Location, type NavigationType, type Navigator, Router } from "react-router";

/** What the router needs of react-router's browser history (or, in tests, its memory history). */
export interface RouterHistory extends Navigator {
  readonly action: NavigationType;
  readonly location: Location;
  listen(listener: (update: { action: NavigationType; location: Location }) => void): () => void;
}

const PendingNavigation = createContext(false);
const HistoryEntry = createContext<Location | null>(null);

export interface TransitionRouterProps {
  history: RouterHistory;
  /** Whether showing this location must first fetch something (a route module not loaded yet). */
  waitsFor?: (location: Location) => boolean;
  children: ReactNode;
}

/**
 * react-router's `<BrowserRouter>` (every navigation renders in a transition, so the page on screen
 * stays until the next one is ready), plus what its data router offered: whether a navigation is still
 * loading the next page's modules, and one object per navigation for work that belongs to a visit.
 */
export function TransitionRouter({ history, waitsFor, children }: TransitionRouterProps) {
  const [shown, setShown] = useState({ action: history.action, location: history.location, id: 0 });
  // The latest navigation that waits for a module: pending until a navigation as recent is shown.
  const [waiting, setWaiting] = useState(0);
  const navigations = useRef(0);
  useLayoutEffect(
    () =>
      history.listen(({ action, location }) => {
        const id = ++navigations.current;
        if (waitsFor?.(location)) setWaiting(id);
        startTransition(() => setShown({ action, location, id }));
      }),
    [history, waitsFor],
  );
  return (
    <Router location={shown.location} navigationType={shown.action} navigator={history}>
      <HistoryEntry value={shown.location}>
        <PendingNavigation value={waiting > shown.id}>{children}</PendingNavigation>
      </HistoryEntry>
    </Router>
  );
}

/** True while a navigation waits for the next page's modules (the page on screen stays meanwhile). */
export function useNavigationPending(): boolean {
  return useContext(PendingNavigation);
}

/**
 * The history's location object of the navigation on screen: a new one for each navigation (a return
 * with Back too), the same one across re-renders, so a visit's requests can be cached on it.
 */
export function useHistoryEntry(): Location {
  const entry = useContext(HistoryEntry);
  if (!entry) throw new Error("useHistoryEntry needs a TransitionRouter");
  return entry;
}
