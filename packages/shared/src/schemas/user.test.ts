import { describe, expect, it } from "vitest";
import {
  defaultUserPreferences,
  isChannelEnabled,
  mergePreferences,
  updateProfileSchema,
  userPreferencesSchema,
  userProfileSchema,
  userSchema,
} from "./user.ts";

const user = {
  id: "u1",
  email: "ana@example.com",
  name: "Ana",
  phone: null,
  country: "AU",
  role: "client",
  referralCode: "ANA12345",
  emailVerified: true,
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("user read models", () => {
  it("accept a user and a profile", () => {
    expect(userSchema.parse(user)).toEqual(user);
    const profile = {
      ...user,
      profilePicture: null,
      preferences: defaultUserPreferences(),
      visaStatus: { currentStage: "assessment", updatedAt: "2026-02-01T00:00:00.000Z" },
    };
    expect(userProfileSchema.parse(profile)).toEqual(profile);
    expect(
      userProfileSchema.safeParse({
        ...profile,
        visaStatus: { currentStage: "done", updatedAt: user.createdAt },
      }).success,
    ).toBe(false);
  });

  it("refuse an unknown role", () => {
    expect(userSchema.safeParse({ ...user, role: "root" }).success).toBe(false);
  });

  it("default to everything on except promotional email and push", () => {
    const preferences = userPreferencesSchema.parse(defaultUserPreferences());
    expect(preferences.theme).toBe("auto");
    expect(isChannelEnabled(preferences, "status_update", "email")).toBe(true);
    expect(isChannelEnabled(preferences, "promotional", "inApp")).toBe(true);
    expect(isChannelEnabled(preferences, "promotional", "email")).toBe(false);
    expect(isChannelEnabled(preferences, "promotional", "push")).toBe(false);
  });
});

describe("updateProfileSchema", () => {
  it("accepts a partial update, nulls clearing fields", () => {
    expect(updateProfileSchema.parse({ name: " Ana B ", phone: null, country: "nz" })).toEqual({
      name: "Ana B",
      phone: null,
      country: "NZ",
    });
    expect(updateProfileSchema.parse({})).toEqual({});
    expect(
      updateProfileSchema.parse({ profilePicture: "https://cdn.example.com/a.png" }).profilePicture,
    ).toBe("https://cdn.example.com/a.png");
  });

  it("accepts nested partial preferences", () => {
    const update = { preferences: { theme: "dark", notifications: { reminder: { push: false } } } };
    expect(updateProfileSchema.parse(update)).toEqual(update);
  });

  it.each([
    ["an unknown top-level key", { role: "admin" }],
    ["a read-only field", { email: "x@example.com" }],
    ["an unknown preference", { preferences: { fontSize: 12 } }],
    ["an unknown notification type", { preferences: { notifications: { marketing: { email: true } } } }],
    ["an unknown channel", { preferences: { notifications: { reminder: { sms: true } } } }],
    ["a non-boolean switch", { preferences: { notifications: { reminder: { push: "no" } } } }],
    ["an unknown theme", { preferences: { theme: "blue" } }],
    ["an unsupported language", { preferences: { language: "fr" } }],
    ["a non-http picture", { profilePicture: "javascript:alert(1)" }],
    ["a bad phone", { phone: "abc" }],
  ])("rejects %s", (_, update) => {
    expect(updateProfileSchema.safeParse(update).success).toBe(false);
  });
});

describe("mergePreferences", () => {
  it("changes only the switches given", () => {
    const current = defaultUserPreferences();
    const merged = mergePreferences(current, {
      notifications: { promotional: { email: true } },
      language: "es",
    });
    expect(merged.notifications.promotional).toEqual({ inApp: true, email: true, push: false });
    expect(merged.notifications.reminder).toEqual(current.notifications.reminder);
    expect(merged.language).toBe("es");
    expect(merged.theme).toBe("auto");
    expect(current.notifications.promotional.email).toBe(false);
  });
});
