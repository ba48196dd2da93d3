import { describe, expect, it } from "vitest";
import { ApiError } from "../api-error.ts";
import { createQueryClient } from "./query-client.ts";
import { queryKeys } from "./query-keys.ts";

const session = { user: { id: "u1" } };

function failingWith(error: ApiError) {
  let calls = 0;
  return {
    calls: () => calls,
    fn: async () => {
      calls += 1;
      throw error;
    },
  };
}

describe("createQueryClient", () => {
  it("clears the cached session when a query answers 401", async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(queryKeys.session.all, session);
    const query = failingWith(ApiError.fromCode("UNAUTHORIZED", "Sign in again"));
    await expect(queryClient.fetchQuery({ queryKey: ["any"], queryFn: query.fn })).rejects.toThrow();
    expect(queryClient.getQueryData(queryKeys.session.all)).toBeNull();
  });

  it("clears the cached session when a mutation answers 401", async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(queryKeys.session.all, session);
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: failingWith(ApiError.fromCode("UNAUTHORIZED", "Sign in again")).fn,
    });
    await expect(mutation.execute(undefined)).rejects.toThrow();
    expect(queryClient.getQueryData(queryKeys.session.all)).toBeNull();
  });

  it("keeps the session on other failures and never retries a refusal", async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(queryKeys.session.all, session);
    const query = failingWith(ApiError.fromCode("FORBIDDEN", "Not yours"));
    await expect(queryClient.fetchQuery({ queryKey: ["any"], queryFn: query.fn })).rejects.toThrow();
    expect(query.calls()).toBe(1);
    expect(queryClient.getQueryData(queryKeys.session.all)).toEqual(session);
  });

  it("retries once when the outcome is unknown", async () => {
    const queryClient = createQueryClient();
    const query = failingWith(ApiError.fromCode("NETWORK_ERROR", "Offline"));
    await expect(
      queryClient.fetchQuery({ queryKey: ["any"], queryFn: query.fn, retryDelay: 0 }),
    ).rejects.toThrow();
    expect(query.calls()).toBe(2);
  });

  it("keeps fetched data fresh for the app's staleTime", async () => {
    const queryClient = createQueryClient({ staleTime: 60_000 });
    await queryClient.fetchQuery({ queryKey: ["fresh"], queryFn: async () => 1 });
    expect(
      queryClient
        .getQueryCache()
        .find({ queryKey: ["fresh"] })
        ?.isStale(),
    ).toBe(false);
    expect(createQueryClient().getDefaultOptions().queries?.staleTime).toBe(0);
  });
});
