import { matchRoutes, type RouteObject } from "react-router";
import { signInPath } from "./sign-in-redirect.ts";

/** The id of the layout route whose pages need a session (its `lazy` module guards them). */
export const SIGNED_IN_ROUTE_ID = "signed-in";

/**
 * Before the router starts, a signed-out visitor of a signed-in page is sent to the sign-in page:
 * react-router loads every matched route's module at once, so the page behind the sign-in (its tables,
 * dialogs and hooks) would otherwise load for nothing. Asks better-auth with a plain fetch, since no API
 * client is loaded yet; when the server cannot say, the layout's own check decides.
 */
export async function startSignedOutOnSignIn(
  routes: RouteObject[],
  { basename, apiBase }: { basename: string; apiBase: string },
): Promise<void> {
  const matches = matchRoutes(routes, window.location, basename);
  if (!matches?.some((match) => match.route.id === SIGNED_IN_ROUTE_ID)) return;
  try {
    const response = await fetch(`${apiBase}/auth/get-session`, { credentials: "include" });
    if (!response.ok) return;
    const session: unknown = await response.json();
    if (session !== null) {
      checkedSession = { session, at: Date.now() };
      return;
    }
  } catch {
    return;
  }
  const pathname = window.location.pathname.slice(basename.length) || "/";
  window.history.replaceState(null, "", basename + signInPath({ pathname, search: window.location.search }));
}

let checkedSession: { session: unknown; at: number } | undefined;

/**
 * The session found signed in a moment ago, taken once: the app root starts its cache with it
 * instead of asking the server again before the first page's data.
 */
export function takeCheckedSession(): unknown {
  const checked = checkedSession;
  checkedSession = undefined;
  return checked && Date.now() - checked.at < 10_000 ? checked.session : undefined;
}
