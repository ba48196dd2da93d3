import type { PushRegistrationResult, RegisterPushToken } from "./push-registration";

/** Expo push tokens exist only on iOS and Android devices; the web export has in-app notifications. */
export async function registerForPush(_register: RegisterPushToken): Promise<PushRegistrationResult> {
  return { status: "skipped", reason: "web" };
}
