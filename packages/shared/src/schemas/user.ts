import { z } from "zod";
import {
  LANGUAGES,
  NOTIFICATION_TYPE_VALUES,
  type NotificationChannel,
  type NotificationType,
  THEMES,
  USER_ROLES,
  VISA_STAGE_IDS,
} from "../constants.ts";
import { countrySchema, nameSchema, phoneSchema } from "../validation.ts";
import { idSchema, isoDateTimeSchema } from "./common.ts";

export const userRoleSchema = z.enum(USER_ROLES);
export const themeSchema = z.enum(THEMES);
export const languageSchema = z.enum(LANGUAGES);
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPE_VALUES);
export const visaStageIdSchema = z.enum(VISA_STAGE_IDS);

export const channelPreferencesSchema = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  push: z.boolean(),
});
export type ChannelPreferences = z.infer<typeof channelPreferencesSchema>;

export const notificationPreferencesSchema = z.object({
  status_update: channelPreferencesSchema,
  reminder: channelPreferencesSchema,
  referral: channelPreferencesSchema,
  system: channelPreferencesSchema,
  promotional: channelPreferencesSchema,
  message: channelPreferencesSchema,
}) satisfies z.ZodType<Record<NotificationType, ChannelPreferences>>;
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const userPreferencesSchema = z
  .object({
    notifications: notificationPreferencesSchema,
    theme: themeSchema,
    language: languageSchema,
  })
  .meta({ id: "UserPreferences" });
export type UserPreferences = z.infer<typeof userPreferencesSchema>;

/** Everything on except promotional email and push, which a client opts into. */
export function defaultUserPreferences(): UserPreferences {
  const on: ChannelPreferences = { inApp: true, email: true, push: true };
  return {
    notifications: {
      status_update: { ...on },
      reminder: { ...on },
      referral: { ...on },
      system: { ...on },
      promotional: { inApp: true, email: false, push: false },
      message: { ...on },
    },
    theme: "auto",
    language: "en",
  };
}

export function isChannelEnabled(
  preferences: UserPreferences,
  type: NotificationType,
  channel: NotificationChannel,
): boolean {
  return preferences.notifications[type][channel];
}

export const userSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    role: userRoleSchema,
    referralCode: z.string(),
    emailVerified: z.boolean(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const visaStatusSchema = z.object({
  currentStage: visaStageIdSchema,
  updatedAt: isoDateTimeSchema,
});
export type VisaStatus = z.infer<typeof visaStatusSchema>;

export const userProfileSchema = userSchema
  .extend({
    profilePicture: z.string().nullable(),
    preferences: userPreferencesSchema,
    visaStatus: visaStatusSchema.nullable(),
  })
  .meta({ id: "UserProfile" });
export type UserProfile = z.infer<typeof userProfileSchema>;

export const updatePreferencesSchema = z.strictObject({
  notifications: z
    .strictObject({
      status_update: channelPreferencesSchema.partial().strict().optional(),
      reminder: channelPreferencesSchema.partial().strict().optional(),
      referral: channelPreferencesSchema.partial().strict().optional(),
      system: channelPreferencesSchema.partial().strict().optional(),
      promotional: channelPreferencesSchema.partial().strict().optional(),
      message: channelPreferencesSchema.partial().strict().optional(),
    })
    .optional(),
  theme: themeSchema.optional(),
  language: languageSchema.optional(),
});
export type UpdatePreferencesData = z.infer<typeof updatePreferencesSchema>;

export const updateProfileSchema = z
  .strictObject({
    name: nameSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    country: countrySchema.nullable().optional(),
    profilePicture: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable()
      .optional(),
    preferences: updatePreferencesSchema.optional(),
  })
  .meta({ id: "UpdateProfileData" });
export type UpdateProfileData = z.infer<typeof updateProfileSchema>;

/** Applies a partial preferences update without losing the untouched switches. */
export function mergePreferences(current: UserPreferences, update: UpdatePreferencesData): UserPreferences {
  const notifications = { ...current.notifications };
  for (const type of NOTIFICATION_TYPE_VALUES) {
    const change = update.notifications?.[type];
    if (change) notifications[type] = { ...notifications[type], ...change };
  }
  return {
    notifications,
    theme: update.theme ?? current.theme,
    language: update.language ?? current.language,
  };
}

/** Profile pictures people upload: PNG, JPEG or WebP (told by the file's bytes), up to 2 MB. */
export const PROFILE_PICTURE_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  contentTypes: ["image/png", "image/jpeg", "image/webp"],
} as const;
export type ProfilePictureType = (typeof PROFILE_PICTURE_LIMITS.contentTypes)[number];
