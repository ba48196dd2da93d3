// The signed-out pages' requests: plain fetch to the endpoints the api-client uses, so the first page
// loads neither ky nor zod. Failures become the words the api-client's errors map to.
export type AuthFailure =
  | { kind: "invalidCredentials" | "emailTaken" | "network" | "originNotAllowed" | "generic" }
  | { kind: "rateLimited"; seconds: number }
  | { kind: "other"; status: number; code: string | undefined };

const API_BASE = import.meta.env.VITE_API_URL ?? "/api";

export function apiURL(path: string): string {
  return new URL(`${API_BASE}/${path}`, window.location.href).toString();
}

function retryAfterSeconds(response: Response): number {
  const value = response.headers.get("retry-after")?.trim() ?? "";
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 60;
}

async function failureOf(response: Response): Promise<AuthFailure> {
  if (response.status === 429) return { kind: "rateLimited", seconds: retryAfterSeconds(response) };
  const body = (await response.json().catch(() => null)) as {
    code?: unknown;
    error?: { code?: unknown };
  } | null;
  // Our envelope carries `error.code`; better-auth's own answers carry `code`.
  const code = [body?.error?.code, body?.code].find((value) => typeof value === "string") as
    | string
    | undefined;
  if (code === "ORIGIN_NOT_ALLOWED") return { kind: "originNotAllowed" };
  if (code === "RATE_LIMITED") return { kind: "rateLimited", seconds: retryAfterSeconds(response) };
  if (response.status === 401 || code === "INVALID_EMAIL_OR_PASSWORD") return { kind: "invalidCredentials" };
  if (
    code === "USER_ALREADY_EXISTS" ||
    code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" ||
    code === "EMAIL_TAKEN"
  )
    return { kind: "emailTaken" };
  return { kind: "other", status: response.status, code };
}

/** One call to an auth endpoint: `null` on success, else why it failed. */
export async function authRequest(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<AuthFailure | null> {
  let response: Response;
  try {
    response = await fetch(apiURL(path), {
      method,
      credentials: "include",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { kind: "network" };
  }
  return response.ok ? null : failureOf(response);
}

/**
 * Whether the browser holds a session (better-auth answers `null` when it does not); `undefined` when
 * the server cannot say (offline, down): the signed-in area then shows that failure with a retry.
 */
export async function isSignedIn(): Promise<boolean | undefined> {
  try {
    const response = await fetch(apiURL("auth/get-session"), { credentials: "include" });
    if (!response.ok) return undefined;
    const session: unknown = await response.json();
    if (session !== null) checkedSession = { session, at: Date.now() };
    return session !== null;
  } catch {
    return undefined;
  }
}

let checkedSession: { session: unknown; at: number } | undefined;

/**
 * The session the entry found a moment ago (signed in only), taken once: the app root starts its
 * cache with it instead of asking the server again, one round trip before the first page's data.
 */
export function takeCheckedSession(): unknown {
  const checked = checkedSession;
  checkedSession = undefined;
  return checked && Date.now() - checked.at < 10_000 ? checked.session : undefined;
}

let knownSignedOut = false;

/** The entry asked already and sends the visitor to sign in: the sign-in page need not ask again. */
export function rememberSignedOut(): void {
  knownSignedOut = true;
}

export function takeKnownSignedOut(): boolean {
  const known = knownSignedOut;
  knownSignedOut = false;
  return known;
}

// The app root (loaded later, or earlier before a sign-out) hears of each sign-in here: it forgets what
// it cached while signed out and records the event; one made before it loaded is told when it listens.
const sessionEvents = new EventTarget();
let unheardSignIn = false;

export function announceSignedIn(): void {
  unheardSignIn = !sessionEvents.dispatchEvent(new Event("signed-in", { cancelable: true }));
}

export function onSignedIn(listener: () => void): void {
  sessionEvents.addEventListener("signed-in", (event) => {
    event.preventDefault();
    listener();
  });
  if (unheardSignIn) {
    unheardSignIn = false;
    listener();
  }
}
