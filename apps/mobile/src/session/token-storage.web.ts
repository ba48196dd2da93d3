// The web export has no secure store; localStorage is the browser's equivalent of the app's
// session storage. Only this file (the web build) ever uses it.
const TOKEN_KEY = "referralapp.session-token";

function storage(): Storage | undefined {
  return typeof localStorage === "undefined" ? undefined : localStorage;
}

export const tokenStorage = {
  async get(): Promise<string | null> {
    return storage()?.getItem(TOKEN_KEY) ?? null;
  },
  async set(token: string): Promise<void> {
    storage()?.setItem(TOKEN_KEY, token);
  },
  async clear(): Promise<void> {
    storage()?.removeItem(TOKEN_KEY);
  },
};
