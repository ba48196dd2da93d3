import { useSession, useUpdateProfile } from "@referral-app/api-client/react";
import type { UpdatePreferencesData } from "@referral-app/shared/schemas/user";
import { useMonitor } from "../monitoring/monitor-context.tsx";

/** Saves a preference to the profile when someone is signed in; signed out it only applies locally. */
export function useSavePreference() {
  const session = useSession();
  const update = useUpdateProfile();
  const monitor = useMonitor();
  return (preferences: UpdatePreferencesData) => {
    monitor?.trackEvent("preference_changed", { keys: Object.keys(preferences).join(",") });
    if (session.data) update.mutate({ preferences });
  };
}
