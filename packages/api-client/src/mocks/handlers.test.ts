import { notificationSchema } from "@referral-app/shared/schemas/notification";
import { referralDetailSchema } from "@referral-app/shared/schemas/referral";
import { userProfileSchema } from "@referral-app/shared/schemas/user";
import { visaProgressSchema } from "@referral-app/shared/schemas/visa";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../api-client.ts";
import { ApiError } from "../api-error.ts";
import { AnalyticsService } from "../services/analytics-service.ts";
import { AuthService } from "../services/auth-service.ts";
import { FeatureService } from "../services/feature-service.ts";
import { NotificationService } from "../services/notification-service.ts";
import { ReferralService } from "../services/referral-service.ts";
import { UserService } from "../services/user-service.ts";
import {
  createFixtures,
  createHandlers,
  createMockStore,
  DEMO_PASSWORD,
  MOCK_BASE_URL,
  type MockStore,
} from "./handlers.ts";
import { setupMockServer } from "./node.ts";

let store: MockStore;
const server = setupMockServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  store = createMockStore({ seed: 7 });
  server.resetHandlers(...createHandlers({ store }));
});
afterAll(() => server.close());

const client = new ApiClient({ baseURL: MOCK_BASE_URL, timeout: 2000, retryAttempts: 0, retryDelay: 1 });
const users = new UserService(client);
const referrals = new ReferralService(client);
const notifications = new NotificationService(client);
const auth = new AuthService(client);

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("fixtures", () => {
  it("are deterministic for a seed and valid against the contract", () => {
    const now = new Date("2026-03-01T10:00:00.000Z");
    const a = createFixtures({ seed: 1, now });
    expect(createFixtures({ seed: 1, now })).toEqual(a);
    expect(createFixtures({ seed: 2, now }).user.name).not.toBe(a.user.name);
    expect(userProfileSchema.parse(a.user)).toEqual(a.user);
    expect(visaProgressSchema.parse(a.visaProgress).stages.map((stage) => stage.status)).toEqual([
      "completed",
      "completed",
      "current",
      "upcoming",
      "upcoming",
    ]);
    for (const referral of a.referrals) referralDetailSchema.parse(referral);
    for (const notification of a.notifications) notificationSchema.parse(notification);
  });
});

// Every service call below parses the answer with the shared schemas, so a pass means schema-valid data.
describe("user handlers", () => {
  it("serve the profile and visa progress for me and the user's id, 404 for others", async () => {
    expect((await users.getProfile()).email).toBe(store.user.email);
    expect((await users.getProfile(store.user.id)).id).toBe(store.user.id);
    expect((await users.getVisaProgress()).currentStage).toBe("assessment");
    expect((await failure(users.getProfile("someone-else"))).code).toBe("NOT_FOUND");
  });

  it("apply a profile update and merge nested preferences", async () => {
    const updated = await users.updateProfile("me", {
      name: "New Name",
      preferences: { theme: "dark", notifications: { promotional: { email: true } } },
    });
    expect(updated.name).toBe("New Name");
    expect(updated.preferences.theme).toBe("dark");
    expect(updated.preferences.notifications.promotional).toEqual({ inApp: true, email: true, push: false });
    expect((await users.getProfile()).name).toBe("New Name");
    const error = await failure(users.updateProfile("me", { role: "admin" } as never));
    expect(error.code).toBe("VALIDATION_ERROR");
  });

  it("upload a picture as the raw body with its own type, refuse other types, and remove it", async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
    const uploaded = await users.uploadProfilePicture("me", png);
    expect(uploaded.profilePicture).toBe("data:image/png;base64,iVBORw==");
    const gif = new Blob([new Uint8Array([0x47, 0x49, 0x46])], { type: "image/gif" });
    expect((await failure(users.uploadProfilePicture("me", gif))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await users.removeProfilePicture("me")).profilePicture).toBeNull();
  });
});

describe("referral handlers", () => {
  const friend = { fullName: "Ana Lima", email: "Ana.Lima@Example.com", phone: "", country: "br" };

  it("create a referral that then shows in the list, the detail and the stats", async () => {
    const before = await referrals.getReferralStats();
    const created = await referrals.createReferral(friend, { idempotencyKey: "k-1" });
    expect(created).toMatchObject({
      email: "ana.lima@example.com",
      phone: null,
      country: "BR",
      status: "pending",
    });
    const page = await referrals.getUserReferrals("me", { page: 1, limit: 5 });
    expect(page.data[0]?.id).toBe(created.id);
    expect(page.pagination).toEqual({ page: 1, limit: 5, total: 9, pages: 2 });
    expect((await referrals.getReferral(created.id)).history).toHaveLength(1);
    const after = await referrals.getReferralStats();
    expect(after.total).toBe(before.total + 1);
    expect(after.byStatus.pending).toBe(before.byStatus.pending + 1);
  });

  it("answer 409 REFERRAL_DUPLICATE for the same person twice", async () => {
    await referrals.createReferral(friend);
    const error = await failure(referrals.createReferral({ ...friend, fullName: "Ana L." }));
    expect(error).toMatchObject({ code: "REFERRAL_DUPLICATE", status: 409 });
  });

  it("replay the first answer for a repeated Idempotency-Key", async () => {
    const first = await referrals.createReferral(friend, { idempotencyKey: "same" });
    const again = await referrals.createReferral(friend, { idempotencyKey: "same" });
    expect(again).toEqual(first);
    expect(store.referrals.filter((referral) => referral.email === "ana.lima@example.com")).toHaveLength(1);
    const reused = await failure(
      referrals.createReferral({ ...friend, fullName: "Other" }, { idempotencyKey: "same" }),
    );
    expect(reused.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("answer VALIDATION_ERROR with per-field details", async () => {
    const error = await failure(referrals.createReferral({ fullName: "", email: "nope" }));
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(error.fieldErrors()).sort()).toEqual(["email", "fullName"]);
  });

  it("filter the list by status and 404 an unknown referral", async () => {
    const converted = await referrals.getUserReferrals("me", { status: "converted" });
    expect(converted.data.length).toBeGreaterThan(0);
    expect(converted.data.every((referral) => referral.status === "converted")).toBe(true);
    expect((await failure(referrals.getReferral("missing"))).code).toBe("NOT_FOUND");
  });
});

describe("notification handlers", () => {
  it("list, count and mark notifications read", async () => {
    const unread = await notifications.unreadCount();
    expect(unread).toBe(3);
    const page = await notifications.list({ unread: true });
    expect(page.data).toHaveLength(3);
    const first = page.data[0];
    if (!first) throw new Error("expected an unread notification");
    expect((await notifications.markRead(first.id)).readAt).not.toBeNull();
    expect(await notifications.unreadCount()).toBe(2);
    expect(await notifications.markAllRead()).toEqual({ updated: 2 });
    expect(await notifications.unreadCount()).toBe(0);
    await expect(
      notifications.registerPushToken({ token: "ExponentPushToken[x]", platform: "ios" }),
    ).resolves.toBe(undefined);
  });

  it("subscribe parses stream events and ignores malformed ones", () => {
    const listeners = new Map<string, (event: { data?: unknown }) => void>();
    let opened = "";
    let closed = false;
    const events: unknown[] = [];
    const errors: unknown[] = [];
    const stop = notifications.subscribe((event) => events.push(event), {
      onError: (error) => errors.push(error),
      eventSource: (url) => {
        opened = url;
        return {
          onerror: null,
          addEventListener: (type, listener) => listeners.set(type, listener),
          close: () => {
            closed = true;
          },
        };
      },
    });
    expect(opened).toBe(`${MOCK_BASE_URL}/notifications/stream`);
    const notification = store.notifications[0];
    listeners.get("notification")?.({ data: JSON.stringify({ notification, unreadCount: 4 }) });
    listeners.get("unread-count")?.({ data: JSON.stringify({ count: 2 }) });
    listeners.get("unread-count")?.({ data: "not json" });
    expect(events).toEqual([
      { type: "notification", data: { notification, unreadCount: 4 } },
      { type: "unread-count", data: { count: 2 } },
    ]);
    expect(errors).toHaveLength(1);
    stop();
    expect(closed).toBe(true);
  });
});

describe("feature and analytics handlers", () => {
  it("evaluate features and accept an event batch", async () => {
    expect(await new FeatureService(client).getFeatures()).toEqual({
      "referral-analytics": true,
      "advanced-filters": false,
    });
    await expect(new AnalyticsService(client).track([{ name: "referral_created" }])).resolves.toBe(undefined);
  });
});

describe("auth handlers", () => {
  it("sign in with the demo password and hand back the header token", async () => {
    const result = await auth.signIn({ email: store.user.email, password: DEMO_PASSWORD });
    expect(result.token).toBe(store.sessionToken);
    expect(result.user.id).toBe(store.user.id);
    expect((await auth.getSession())?.user.id).toBe(store.user.id);
    await auth.signOut();
    expect(await auth.getSession()).toBeNull();
  });

  it("map better-auth errors to our codes", async () => {
    const wrong = await failure(auth.signIn({ email: store.user.email, password: "wrong-password" }));
    expect(wrong).toMatchObject({ code: "INVALID_CREDENTIALS", status: 401 });
    const taken = await failure(
      auth.signUp({ name: "X", email: store.user.email, password: "long-enough-1" }),
    );
    expect(taken).toMatchObject({
      code: "EMAIL_TAKEN",
      status: 422,
      details: { authCode: "USER_ALREADY_EXISTS" },
    });
  });

  it("sign up, reset a password and verify an email", async () => {
    const created = await auth.signUp({
      name: "New Client",
      email: "new@example.com",
      password: "long-enough-1",
    });
    expect(created.user.email).toBe("new@example.com");
    await expect(auth.requestPasswordReset("new@example.com", "http://localhost/reset")).resolves.toBe(
      undefined,
    );
    await expect(auth.resetPassword("new-password-1", "token")).resolves.toBe(undefined);
    await expect(auth.verifyEmail("token")).resolves.toBe(undefined);
    await expect(auth.sendVerificationEmail("new@example.com")).resolves.toBe(undefined);
  });
});
