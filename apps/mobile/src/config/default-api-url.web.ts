/** The web export is served by the backend itself, so the API is on the same origin. */
export function defaultApiUrl(): string | undefined {
  return "/api";
}
