import type { RegisterPushTokenData } from "@referral-app/shared/schemas/notification";

export type PushRegistrationResult =
  | { status: "registered"; token: string }
  | { status: "skipped"; reason: "web" | "simulator" | "permission-denied" | "no-project-id" };

/** What registration needs from the API: NotificationService.registerPushToken. */
export type RegisterPushToken = (data: RegisterPushTokenData) => Promise<void>;
