import { useUpdateProfile } from "@referral-app/api-client/react";
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_VALUES } from "@referral-app/shared/constants";
import type { UserProfile } from "@referral-app/shared/schemas/user";
import { Checkbox } from "@referral-app/ui/form";
import { useTranslation } from "react-i18next";

/** One switch per notification type × channel; each change is saved at once (optimistically). */
export function NotificationPreferences({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("profile.notificationsTitle")}</caption>
      <thead>
        <tr className="text-left text-xs text-muted">
          <th scope="col" className="py-2 font-medium">
            <span className="sr-only">{t("profile.notificationsTitle")}</span>
          </th>
          {NOTIFICATION_CHANNELS.map((channel) => (
            <th key={channel} scope="col" className="px-2 py-2 font-medium">
              {t(`profile.channels.${channel}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {NOTIFICATION_TYPE_VALUES.map((type) => (
          <tr key={type}>
            <th scope="row" className="py-3 pe-2 text-left font-medium">
              {t(`profile.types.${type}`)}
            </th>
            {NOTIFICATION_CHANNELS.map((channel) => {
              const label = t("profile.switchLabel", {
                type: t(`profile.types.${type}`),
                channel: t(`profile.channels.${channel}`),
              });
              return (
                <td key={channel} className="px-2 py-3">
                  <Checkbox
                    variant="switch"
                    label={<span className="sr-only">{label}</span>}
                    checked={profile.preferences.notifications[type][channel]}
                    onChange={(event) =>
                      update.mutate({
                        preferences: { notifications: { [type]: { [channel]: event.target.checked } } },
                      })
                    }
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
