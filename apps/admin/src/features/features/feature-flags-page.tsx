import { useFeatureFlags, useUpdateFeatureFlag } from "@referral-app/api-client/react/admin-ops-hooks";
import { formatDateTime } from "@referral-app/app-kit/console-format";
import { USER_ROLES, type UserRole } from "@referral-app/shared/constants";
import type { FeatureFlag, UpdateFeatureFlagData } from "@referral-app/shared/schemas/features";
import { Card } from "@referral-app/ui/card";
import { Checkbox, FormMessage } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { useToast } from "@referral-app/ui/toast";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

function FlagRow({ flag }: { flag: FeatureFlag }) {
  const update = useUpdateFeatureFlag();
  const { toast } = useToast();
  const save = (data: UpdateFeatureFlagData) =>
    update.mutate(
      { key: flag.key, ...data },
      { onSuccess: () => toast({ title: strings.features.saved, tone: "success" }) },
    );
  const everyone = flag.roles === null;
  // "Every role" and the single roles exclude each other: ticking a role while every role is on limits
  // the flag to that role; every single role ticked is the same as no limit.
  const toggleRole = (role: UserRole, on: boolean) => {
    const current = flag.roles ?? [];
    const next = on ? [...new Set([...current, role])] : current.filter((item) => item !== role);
    save({ roles: next.length === USER_ROLES.length ? null : next });
  };

  return (
    <li className="space-y-3 py-4">
      <Checkbox
        variant="switch"
        label={<span className="font-mono">{flag.key}</span>}
        description={flag.description}
        checked={flag.enabled}
        onChange={(event) => save({ enabled: event.target.checked })}
      />
      {/* While the flag is off no role gets it: the choice is kept but shown inactive until it is on. */}
      <fieldset className="ms-12 disabled:opacity-50" disabled={!flag.enabled || update.isPending}>
        <legend className="mb-2 text-sm font-medium">
          {strings.features.roles}
          <span className="sr-only"> ({flag.key})</span>
        </legend>
        {flag.enabled ? null : <p className="mb-2 text-xs text-muted">{strings.features.offHint}</p>}
        <div className="flex flex-wrap gap-4">
          <Checkbox
            label={strings.features.everyone}
            checked={everyone}
            onChange={(event) => save({ roles: event.target.checked ? null : ["staff", "admin"] })}
          />
          {USER_ROLES.map((role) => (
            <Checkbox
              key={role}
              label={strings.features.roleNames[role]}
              checked={!everyone && (flag.roles ?? []).includes(role)}
              onChange={(event) => toggleRole(role, event.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      <p className="ms-12 text-xs text-muted">{formatDateTime(flag.updatedAt)}</p>
      {update.error ? <FormMessage>{errorMessage(update.error)}</FormMessage> : null}
    </li>
  );
}

export function Component() {
  const flags = useFeatureFlags();
  return (
    <>
      <PageHeader title={strings.features.title} description={strings.features.description} />
      <Card>
        <QueryState
          query={flags}
          loadingLabel={strings.features.loading}
          empty={flags.data?.length === 0}
          emptyTitle={strings.features.empty}
        >
          <ul className="divide-y divide-border">
            {(flags.data ?? []).map((flag) => (
              <FlagRow key={flag.key} flag={flag} />
            ))}
          </ul>
        </QueryState>
      </Card>
    </>
  );
}
