import { IDEMPOTENCY_KEY_HEADER } from "@referral-app/shared/constants";
import { fieldErrorsFrom } from "@referral-app/shared/errors";
import ky, { HTTPError, type KyInstance, type Options, TimeoutError } from "ky";
import type { z } from "zod";
import { ApiError } from "./api-error.ts";
import { errorFromResponse } from "./error-from-response.ts";

export { createIdempotencyKey } from "./idempotency-key.ts";

/** Runs before every attempt, in registration order; may edit the request or return a new one. */
export type RequestInterceptor = (request: Request) => Request | undefined | Promise<Request | undefined>;
/** Runs on every response (errors included), in registration order; may return a replacement. */
export type ResponseInterceptor = (
  response: Response,
  request: Request,
) => Response | undefined | Promise<Response | undefined>;

export interface ApiClientConfig {
  /** Ends in `/api`, e.g. `http://localhost:3000/api`; relative (`/api`) works in browsers. */
  baseURL: string;
  /** Per attempt, in milliseconds. */
  timeout: number;
  /** Retries after the first attempt (safe methods, or POST/PATCH with an Idempotency-Key). */
  retryAttempts: number;
  /** Base delay in milliseconds; doubles each retry, with jitter. */
  retryDelay: number;
  interceptors?: { request?: RequestInterceptor[]; response?: ResponseInterceptor[] };
  /** The platform's token storage (mobile: secure store). Web cookie sessions return null. */
  getToken?: () => string | null | Promise<string | null>;
  /** Renews the session after a 401; resolves true when a retry may succeed. */
  refreshSession?: () => Promise<boolean>;
  /** Called once when the session cannot be renewed. */
  onSignOut?: () => void;
  fetch?: typeof fetch;
  /** `include` for browser cookie sessions across origins. */
  credentials?: RequestCredentials;
}

export type HttpMethod = "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  json?: unknown;
  /** A raw body instead of JSON, e.g. an image file (its own type becomes the Content-Type), or a multipart form. */
  body?: Blob | FormData;
  searchParams?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  /** Makes a POST/PATCH retryable; the server replays its first answer for a repeated key. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** For auth endpoints, where a 401 means wrong credentials rather than an expired session. */
  skipAuthRefresh?: boolean;
}

const SAFE_METHODS = new Set<HttpMethod>(["GET", "HEAD", "OPTIONS"]);
const KEYED_METHODS = new Set<HttpMethod>(["POST", "PATCH"]);
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const MAX_BACKOFF_MS = 30_000;

export class ApiClient {
  readonly config: Readonly<ApiClientConfig>;
  private readonly http: KyInstance;
  private refreshing: Promise<boolean> | null = null;

  constructor(config: ApiClientConfig) {
    this.config = { ...config, baseURL: config.baseURL.replace(/\/+$/, "") };
    this.http = ky.create({
      prefixUrl: this.config.baseURL,
      timeout: config.timeout,
      credentials: config.credentials,
      fetch: config.fetch,
      hooks: {
        beforeRequest: [(request) => this.prepareRequest(request)],
        afterResponse: [(request, _options, response) => this.interceptResponse(response, request)],
      },
    });
  }

  get baseURL(): string {
    return this.config.baseURL;
  }

  /** Sends a request and parses the whole JSON body with `schema`. */
  async request<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T>,
    options?: RequestOptions,
  ): Promise<T> {
    return (await this.requestWithResponse(method, path, schema, options)).data;
  }

  /** Like `request`, also handing back the response (for headers such as `set-auth-token`). */
  async requestWithResponse<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T>,
    options: RequestOptions = {},
  ): Promise<{ data: T; response: Response }> {
    const response = await this.send(method, path, options);
    const body = await readBody(response, method, path);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = fieldErrorsFrom(parsed.error);
      const summary = Object.entries(fields)
        .slice(0, 3)
        .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
        .join("; ");
      throw new ApiError({
        code: "INTERNAL_ERROR",
        message: `Response to ${method} ${path} does not match the API contract (${summary})`,
        status: response.status,
        details: { fields },
      });
    }
    return { data: parsed.data, response };
  }

  /** Sends a request; on a 401, renews the session once (shared by concurrent callers) and retries once. */
  async send(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<Response> {
    const tokenBefore = await this.currentToken();
    try {
      return await this.attempt(method, path, options);
    } catch (error) {
      if (options.skipAuthRefresh || !isUnauthorized(error)) throw await this.toApiError(error);
      // Another request already renewed the token while this one was in flight: just retry.
      const renewed = (await this.currentToken()) !== tokenBefore || (await this.renewSession());
      if (!renewed) throw await this.toApiError(error);
      try {
        return await this.attempt(method, path, options);
      } catch (retryError) {
        if (isUnauthorized(retryError)) this.config.onSignOut?.();
        throw await this.toApiError(retryError);
      }
    }
  }

  private attempt(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
    const headers = new Headers(options.headers);
    if (options.idempotencyKey) headers.set(IDEMPOTENCY_KEY_HEADER, options.idempotencyKey);
    const retryable =
      SAFE_METHODS.has(method) || (KEYED_METHODS.has(method) && headers.has(IDEMPOTENCY_KEY_HEADER));
    const kyOptions: Options = {
      method,
      headers,
      signal: options.signal,
      retry: {
        limit: retryable ? this.config.retryAttempts : 0,
        methods: retryable ? [method.toLowerCase()] : [],
        statusCodes: RETRY_STATUS_CODES,
        afterStatusCodes: [429, 503],
        maxRetryAfter: MAX_BACKOFF_MS,
        delay: (attemptCount) => this.backoff(attemptCount),
      },
    };
    if (options.json !== undefined) kyOptions.json = options.json;
    if (options.body !== undefined) kyOptions.body = options.body;
    const searchParams = definedParams(options.searchParams);
    if (searchParams) kyOptions.searchParams = searchParams;
    return this.http(path.replace(/^\/+/, ""), kyOptions);
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, so clients do not retry in step. */
  private backoff(attemptCount: number): number {
    const base = Math.min(MAX_BACKOFF_MS, this.config.retryDelay * 2 ** (attemptCount - 1));
    return base / 2 + Math.random() * (base / 2);
  }

  private renewSession(): Promise<boolean> {
    this.refreshing ??= (async () => {
      let renewed = false;
      try {
        renewed = (await this.config.refreshSession?.()) ?? false;
      } catch {
        renewed = false;
      }
      if (!renewed) this.config.onSignOut?.();
      return renewed;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async currentToken(): Promise<string | null> {
    return (await this.config.getToken?.()) ?? null;
  }

  private async prepareRequest(request: Request): Promise<Request> {
    let current = request;
    const token = await this.currentToken();
    if (token) current.headers.set("Authorization", `Bearer ${token}`);
    for (const interceptor of this.config.interceptors?.request ?? []) {
      current = (await interceptor(current)) ?? current;
    }
    return current;
  }

  private async interceptResponse(response: Response, request: Request): Promise<Response> {
    let current = response;
    for (const interceptor of this.config.interceptors?.response ?? []) {
      current = (await interceptor(current, request)) ?? current;
    }
    return current;
  }

  private async toApiError(error: unknown): Promise<unknown> {
    if (error instanceof ApiError) return error;
    if (error instanceof HTTPError) return errorFromResponse(error.response);
    if (error instanceof TimeoutError) {
      return ApiError.fromCode("TIMEOUT", `No answer within ${this.config.timeout} ms`, { cause: error });
    }
    // The caller cancelled (e.g. TanStack Query unmounting): let the AbortError through untouched.
    if (error instanceof Error && error.name === "AbortError") return error;
    return ApiError.fromCode("NETWORK_ERROR", "Could not reach the server. Check your connection.", {
      cause: error,
    });
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HTTPError && error.response.status === 401;
}

function definedParams(params: RequestOptions["searchParams"]): Record<string, string> | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null);
  return entries.length ? Object.fromEntries(entries.map(([key, value]) => [key, String(value)])) : undefined;
}

async function readBody(response: Response, method: string, path: string): Promise<unknown> {
  const text = response.status === 204 ? "" : await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError({
      code: "INTERNAL_ERROR",
      message: `Response to ${method} ${path} is not JSON`,
      status: response.status,
      cause,
    });
  }
}
