import { tokenStorage } from "./token-storage";

export interface TokenStorage {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  clear(): Promise<void>;
}

/** The bearer token, read from storage once and then kept in memory for every request. */
export class SessionToken {
  private cached: string | null | undefined;

  constructor(private readonly storage: TokenStorage = tokenStorage) {}

  async get(): Promise<string | null> {
    if (this.cached === undefined) this.cached = await this.storage.get();
    return this.cached;
  }

  async set(token: string | null): Promise<void> {
    this.cached = token;
    if (token) await this.storage.set(token);
    else await this.storage.clear();
  }
}
