/** Native builds use the ApiClientFactory URL of their environment unless configured. */
export function defaultApiUrl(): string | undefined {
  return undefined;
}
