import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiClient, type ApiClientConfig, createIdempotencyKey } from "./api-client.ts";
import { ApiError } from "./api-error.ts";

const BASE = "http://api.test/api";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const okSchema = z.object({ status: z.literal("success"), data: z.object({ value: z.string() }) });
const success = (value = "ok") => HttpResponse.json({ status: "success", data: { value } });

function client(overrides: Partial<ApiClientConfig> = {}) {
  return new ApiClient({ baseURL: BASE, timeout: 1000, retryAttempts: 2, retryDelay: 1, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("interceptors and headers", () => {
  it("runs request interceptors then response interceptors, each in registration order", async () => {
    const log: string[] = [];
    let seen: string | null = null;
    server.use(
      http.get(`${BASE}/thing`, ({ request }) => {
        seen = request.headers.get("x-trace");
        return success();
      }),
    );
    const api = client({
      interceptors: {
        request: [
          (request) => {
            log.push("request 1");
            request.headers.set("x-trace", "one");
            return undefined;
          },
          (request) => {
            log.push("request 2");
            request.headers.set("x-trace", `${request.headers.get("x-trace")},two`);
            return undefined;
          },
        ],
        response: [
          () => {
            log.push("response 1");
            return undefined;
          },
          () => {
            log.push("response 2");
            return undefined;
          },
        ],
      },
    });
    await expect(api.request("GET", "/thing", okSchema)).resolves.toMatchObject({ data: { value: "ok" } });
    expect(log).toEqual(["request 1", "request 2", "response 1", "response 2"]);
    expect(seen).toBe("one,two");
  });

  it("sends the bearer token when there is one, and none otherwise", async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/thing`, ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return success();
      }),
    );
    await client({ getToken: async () => "abc" }).request("GET", "thing", okSchema);
    await client({ getToken: () => null }).request("GET", "thing", okSchema);
    expect(seen).toEqual(["Bearer abc", null]);
  });
});

describe("401 handling", () => {
  function sessionServer() {
    const hits = { unauthorized: 0, ok: 0 };
    server.use(
      http.get(`${BASE}/me/:n`, ({ request }) => {
        if (request.headers.get("authorization") !== "Bearer fresh") {
          hits.unauthorized += 1;
          return HttpResponse.json(
            { status: "error", message: "Expired", error: { code: "UNAUTHORIZED", message: "Expired" } },
            { status: 401 },
          );
        }
        hits.ok += 1;
        return success();
      }),
    );
    return hits;
  }

  it("refreshes once and retries the original request", async () => {
    const hits = sessionServer();
    let token = "stale";
    const refreshSession = vi.fn(async () => {
      token = "fresh";
      return true;
    });
    const onSignOut = vi.fn();
    const api = client({ getToken: () => token, refreshSession, onSignOut });
    await expect(api.request("GET", "me/1", okSchema)).resolves.toMatchObject({ data: { value: "ok" } });
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(hits).toEqual({ unauthorized: 1, ok: 1 });
    expect(onSignOut).not.toHaveBeenCalled();
  });

  it("shares one refresh between concurrent 401s", async () => {
    const hits = sessionServer();
    let token = "stale";
    const refreshSession = vi.fn(async () => {
      // Hold the refresh until every request has had its 401, so they must all wait on this one.
      await vi.waitFor(() => expect(hits.unauthorized).toBe(3));
      token = "fresh";
      return true;
    });
    const api = client({ getToken: () => token, refreshSession });
    const results = await Promise.all([1, 2, 3].map((n) => api.request("GET", `me/${n}`, okSchema)));
    expect(results).toHaveLength(3);
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(hits.ok).toBe(3);
  });

  it("signs out and surfaces UNAUTHORIZED when the refresh fails", async () => {
    sessionServer();
    const onSignOut = vi.fn();
    const refreshSession = vi.fn(async () => false);
    const api = client({ getToken: () => "stale", refreshSession, onSignOut });
    const results = await Promise.allSettled([
      api.request("GET", "me/1", okSchema),
      api.request("GET", "me/2", okSchema),
    ]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason as ApiError;
      expect(reason).toBeInstanceOf(ApiError);
      expect(reason).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    }
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });

  it("does not refresh for requests that opt out (auth endpoints)", async () => {
    sessionServer();
    const refreshSession = vi.fn(async () => true);
    const api = client({ refreshSession });
    const error = await failure(api.request("GET", "me/1", okSchema, { skipAuthRefresh: true }));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(refreshSession).not.toHaveBeenCalled();
  });
});

describe("retries", () => {
  function flaky(method: "get" | "post", failures: number, status = 503) {
    const attempts: (string | null)[] = [];
    server.use(
      http[method](`${BASE}/flaky`, ({ request }) => {
        attempts.push(request.headers.get("idempotency-key"));
        if (attempts.length <= failures) {
          return status === 0 ? HttpResponse.error() : HttpResponse.json({}, { status });
        }
        return success();
      }),
    );
    return attempts;
  }

  it("retries a GET after 5xx and network errors", async () => {
    const attempts = flaky("get", 2, 0);
    await expect(client().request("GET", "flaky", okSchema)).resolves.toBeTruthy();
    expect(attempts).toHaveLength(3);
  });

  it("attempts a POST without an Idempotency-Key exactly once", async () => {
    const attempts = flaky("post", 1);
    const error = await failure(client().request("POST", "flaky", okSchema, { json: { a: 1 } }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(attempts).toHaveLength(1);
  });

  it("does not retry a POST without a key after a network error", async () => {
    const attempts = flaky("post", 1, 0);
    const error = await failure(client().request("POST", "flaky", okSchema, { json: { a: 1 } }));
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
    expect(attempts).toHaveLength(1);
  });

  it("retries a POST carrying an Idempotency-Key, with the same key every attempt", async () => {
    const attempts = flaky("post", 2);
    const key = createIdempotencyKey();
    await expect(
      client().request("POST", "flaky", okSchema, { json: { a: 1 }, idempotencyKey: key }),
    ).resolves.toBeTruthy();
    expect(attempts).toEqual([key, key, key]);
  });

  it("gives up after retryAttempts retries", async () => {
    const attempts = flaky("get", 10, 500);
    const error = await failure(client({ retryAttempts: 2 }).request("GET", "flaky", okSchema));
    expect(error.code).toBe("INTERNAL_ERROR");
    expect(attempts).toHaveLength(3);
  });

  it("does not retry a 4xx other than 408/429", async () => {
    const attempts = flaky("get", 1, 404);
    await failure(client().request("GET", "flaky", okSchema));
    expect(attempts).toHaveLength(1);
  });

  it("waits for Retry-After on 429", async () => {
    let first = 0;
    let second = 0;
    server.use(
      http.get(`${BASE}/limited`, () => {
        if (!first) {
          first = Date.now();
          return HttpResponse.json({}, { status: 429, headers: { "Retry-After": "1" } });
        }
        second = Date.now();
        return success();
      }),
    );
    await client({ retryDelay: 1 }).request("GET", "limited", okSchema);
    expect(second - first).toBeGreaterThanOrEqual(900);
  });
});

describe("errors", () => {
  it("turns a slow answer into TIMEOUT", async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(300);
        return success();
      }),
    );
    const error = await failure(client({ timeout: 50 }).request("GET", "slow", okSchema));
    expect(error).toMatchObject({ code: "TIMEOUT", status: 408 });
  });

  it("maps the error envelope to a typed ApiError with details", async () => {
    const fields = { email: ["Enter a valid email address"] };
    server.use(
      http.post(`${BASE}/referrals`, () =>
        HttpResponse.json(
          {
            status: "error",
            message: "Some fields are not valid",
            error: { code: "VALIDATION_ERROR", message: "Some fields are not valid", details: { fields } },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(client().request("POST", "referrals", okSchema, { json: {} }));
    expect(error).toMatchObject({
      code: "VALIDATION_ERROR",
      status: 400,
      message: "Some fields are not valid",
    });
    expect(error.details).toEqual({ fields });
    expect(error.fieldErrors()).toEqual(fields);
    expect(error).toBeInstanceOf(Error);
  });

  it("falls back to the status when the body is not an envelope", async () => {
    server.use(http.get(`${BASE}/gone`, () => new HttpResponse("nope", { status: 404 })));
    const error = await failure(client().request("GET", "gone", okSchema));
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(error.fieldErrors()).toEqual({});
  });

  it("rejects a success that does not match the contract with INTERNAL_ERROR", async () => {
    server.use(
      http.get(`${BASE}/thing`, () => HttpResponse.json({ status: "success", data: { value: 42 } })),
    );
    const error = await failure(client().request("GET", "thing", okSchema));
    expect(error.code).toBe("INTERNAL_ERROR");
    expect(error.message).toContain("GET thing does not match the API contract");
    expect(error.message).toContain("data.value");
  });

  it("lets a caller's abort through as an AbortError", async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(300);
        return success();
      }),
    );
    const controller = new AbortController();
    const pending = client().request("GET", "slow", okSchema, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("createIdempotencyKey", () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("makes a new v4 UUID each call", () => {
    const a = createIdempotencyKey();
    expect(a).toMatch(uuid);
    expect(createIdempotencyKey()).not.toBe(a);
  });

  it("falls back when crypto.randomUUID is missing", () => {
    vi.stubGlobal("crypto", { getRandomValues: (bytes: Uint8Array) => bytes.fill(7) });
    try {
      expect(createIdempotencyKey()).toMatch(uuid);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
