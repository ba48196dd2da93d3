import { useSyncExternalStore } from "react";

/** Tailwind's `sm` breakpoint: below it, lists become cards and headers go compact. */
export const NARROW_QUERY = "(max-width: 639.98px)";

/**
 * Whether a media query matches, kept current. Read synchronously on the first render (no layout
 * shift); false where `matchMedia` does not exist (jsdom, old engines), so tests see the wide layout.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== "function") return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => typeof window.matchMedia === "function" && window.matchMedia(query).matches,
    () => false,
  );
}

export function useIsNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY);
}
