// Where sign-in sends a visitor and where it returns them afterwards (plain paths, router-free).

/** Only same-site paths are followed after sign-in, never an absolute or protocol-relative URL. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/";
}

/** The sign-in page, remembering the page the visitor asked for (nothing to remember for "/"). */
export function signInPath({ pathname, search }: { pathname: string; search: string }): string {
  const next = `${pathname}${search}`;
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
