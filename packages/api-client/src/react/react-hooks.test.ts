// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { delay, HttpResponse, http } from "msw";
import { createElement, type ReactNode } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../api-client.ts";
import { createHandlers, createMockStore, MOCK_BASE_URL, type MockStore } from "../mocks/handlers.ts";
import { setupMockServer } from "../mocks/node.ts";
import { ApiProvider } from "./api-context.ts";
import { useFeature } from "./feature-hooks.ts";
import { applyNotificationEvent } from "./notification-hooks.ts";
import { useProfile, useUpdateProfile } from "./profile-hooks.ts";
import { queryKeys } from "./query-keys.ts";
import { useCreateReferral } from "./referral-hooks.ts";

const server = setupMockServer();
let store: MockStore;
let queryClient: QueryClient;
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  store = createMockStore({ seed: 3 });
  server.resetHandlers(...createHandlers({ store }));
  queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
});
afterAll(() => server.close());

// retryAttempts 0 so that each mutate is exactly one HTTP attempt and the hook's own key reuse is visible.
const client = new ApiClient({ baseURL: MOCK_BASE_URL, timeout: 2000, retryAttempts: 0, retryDelay: 1 });
function wrapper({ children }: { children: ReactNode }) {
  return createElement(
    QueryClientProvider,
    { client: queryClient },
    createElement(ApiProvider, { client }, children),
  );
}

/** Records the Idempotency-Key of every POST /referrals; the first `failures` drop the connection. */
function recordReferralPosts(failures: number) {
  const keys: (string | null)[] = [];
  server.use(
    http.post(`${MOCK_BASE_URL}/referrals`, ({ request }) => {
      keys.push(request.headers.get("idempotency-key"));
      if (keys.length <= failures) return HttpResponse.error();
      return undefined;
    }),
  );
  return keys;
}

describe("useCreateReferral", () => {
  const friend = { fullName: "Kai Tan", email: "kai@example.com" };

  it("reuses the key when the same submit is retried after a network error, then starts a new one", async () => {
    const keys = recordReferralPosts(1);
    const { result } = renderHook(() => useCreateReferral(), { wrapper });
    await act(() =>
      expect(result.current.mutateAsync(friend)).rejects.toMatchObject({ code: "NETWORK_ERROR" }),
    );
    const created = await act(() =>
      result.current.mutateAsync({ email: "kai@example.com", fullName: "Kai Tan" }),
    );
    expect(created.email).toBe("kai@example.com");
    await act(() => result.current.mutateAsync({ fullName: "Lea Wu", email: "lea@example.com" }));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(store.referrals.filter((referral) => referral.email === "kai@example.com")).toHaveLength(1);
  });

  it("uses a new key for different data and after a definite refusal", async () => {
    const keys = recordReferralPosts(1);
    const { result } = renderHook(() => useCreateReferral(), { wrapper });
    await act(() => expect(result.current.mutateAsync(friend)).rejects.toBeTruthy());
    await act(() =>
      expect(result.current.mutateAsync({ ...friend, email: "bad" })).rejects.toMatchObject({
        code: "VALIDATION_ERROR",
      }),
    );
    await act(() =>
      expect(result.current.mutateAsync({ ...friend, email: "bad" })).rejects.toMatchObject({
        code: "VALIDATION_ERROR",
      }),
    );
    expect(new Set(keys).size).toBe(3);
  });

  it("invalidates the referral lists and stats", async () => {
    queryClient.setQueryData(queryKeys.referrals.list("me"), { stale: false });
    queryClient.setQueryData(queryKeys.referrals.stats("me"), { stale: false });
    const { result } = renderHook(() => useCreateReferral(), { wrapper });
    await act(() => result.current.mutateAsync(friend));
    expect(queryClient.getQueryState(queryKeys.referrals.list("me"))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.referrals.stats("me"))?.isInvalidated).toBe(true);
  });
});

describe("useUpdateProfile", () => {
  it("shows the change before the server answers and rolls back when it refuses", async () => {
    server.use(
      http.patch(`${MOCK_BASE_URL}/users/:id/profile`, async () => {
        await delay(50);
        return HttpResponse.json(
          { status: "error", message: "No", error: { code: "FORBIDDEN", message: "No" } },
          { status: 403 },
        );
      }),
    );
    const { result } = renderHook(() => ({ profile: useProfile(), update: useUpdateProfile() }), { wrapper });
    await waitFor(() => expect(result.current.profile.data?.name).toBe(store.user.name));
    act(() => result.current.update.mutate({ name: "Optimistic", preferences: { theme: "dark" } }));
    await waitFor(() => expect(result.current.profile.data?.name).toBe("Optimistic"));
    expect(result.current.profile.data?.preferences.theme).toBe("dark");
    await waitFor(() => expect(result.current.update.isError).toBe(true));
    await waitFor(() => expect(result.current.profile.data?.name).toBe(store.user.name));
  });
});

describe("notification events and features", () => {
  it("applies stream events to the cached count and first page", () => {
    const [first, ...rest] = store.notifications;
    if (!first) throw new Error("fixtures have notifications");
    const page = {
      status: "success" as const,
      data: rest,
      pagination: { page: 1, limit: 20, total: rest.length, pages: 1 },
    };
    queryClient.setQueryData(queryKeys.notifications.list({}), page);
    applyNotificationEvent(queryClient, {
      type: "notification",
      data: { notification: first, unreadCount: 9 },
    });
    expect(queryClient.getQueryData(queryKeys.notifications.unreadCount())).toBe(9);
    expect(queryClient.getQueryData<typeof page>(queryKeys.notifications.list({}))?.data[0]?.id).toBe(
      first.id,
    );
    applyNotificationEvent(queryClient, { type: "unread-count", data: { count: 2 } });
    expect(queryClient.getQueryData(queryKeys.notifications.unreadCount())).toBe(2);
  });

  it("useFeature is false while loading, then the evaluated value", async () => {
    const { result } = renderHook(() => [useFeature("referral-analytics"), useFeature("advanced-filters")], {
      wrapper,
    });
    expect(result.current).toEqual([false, false]);
    await waitFor(() => expect(result.current).toEqual([true, false]));
  });
});
