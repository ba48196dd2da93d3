import { describe, expect, it } from "vitest";
import { ApiClient } from "./api-client.ts";
import { ApiClientFactory, createBrowserApiClient } from "./api-client-factory.ts";

describe("ApiClientFactory", () => {
  it("has the seed's three configurations", () => {
    expect(ApiClientFactory.config("development")).toEqual({
      baseURL: "http://localhost:3000/api",
      timeout: 10_000,
      retryAttempts: 3,
      retryDelay: 1000,
    });
    expect(ApiClientFactory.config("staging")).toMatchObject({
      timeout: 15_000,
      retryAttempts: 3,
      retryDelay: 1000,
    });
    expect(ApiClientFactory.config("production")).toMatchObject({
      timeout: 20_000,
      retryAttempts: 5,
      retryDelay: 2000,
    });
  });

  it("creates a client with overridden URL and callbacks", () => {
    const onSignOut = () => {};
    const client = ApiClientFactory.create("production", {
      baseURL: "https://api.example.org/api/",
      onSignOut,
    });
    expect(client).toBeInstanceOf(ApiClient);
    expect(client.baseURL).toBe("https://api.example.org/api");
    expect(client.config).toMatchObject({ timeout: 20_000, retryAttempts: 5, onSignOut });
  });
});

describe("createBrowserApiClient", () => {
  it("talks to same-origin /api with the cookie session unless the build names another API", () => {
    const client = createBrowserApiClient({ PROD: true });
    expect(client.baseURL).toBe("/api");
    expect(client.config).toMatchObject({ credentials: "include", timeout: 20_000, retryAttempts: 2 });
    expect(createBrowserApiClient({ PROD: false, VITE_API_URL: "http://127.0.0.1:4000/api" }).baseURL).toBe(
      "http://127.0.0.1:4000/api",
    );
  });

  it("lets the app and its tests override any setting", () => {
    const client = createBrowserApiClient({ PROD: true }, { timeout: 15_000, retryAttempts: 0 });
    expect(client.config).toMatchObject({ timeout: 15_000, retryAttempts: 0, credentials: "include" });
  });
});
