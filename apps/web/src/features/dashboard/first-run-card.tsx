import type { UserProfile } from "@referral-app/shared/schemas/user";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { cn } from "@referral-app/ui/cn";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export interface FirstRunSteps {
  verified: boolean;
  profileComplete: boolean;
  referred: boolean;
}

/** A new account's three steps; done once all are (then the dashboard says "Welcome back"). */
export function firstRunSteps(profile: UserProfile, referralCount: number): FirstRunSteps {
  return {
    verified: profile.emailVerified,
    profileComplete: Boolean(profile.phone && profile.country),
    referred: referralCount > 0,
  };
}

export function isFirstRun(steps: FirstRunSteps): boolean {
  return !(steps.verified && steps.profileComplete && steps.referred);
}

function Step({
  done,
  title,
  doneTitle,
  hint,
  to,
}: {
  done: boolean;
  title: string;
  doneTitle: string;
  hint: string;
  to?: string;
}) {
  const { t } = useTranslation();
  return (
    <li className="flex items-start gap-3 py-3">
      <span
        aria-hidden="true"
        className={cn(
          "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold",
          done ? "border-brand bg-brand text-brand-fg" : "border-border text-muted",
        )}
      >
        {done ? "✓" : ""}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {done ? doneTitle : title}
          {done ? <span className="sr-only"> ({t("welcome.done")})</span> : null}
        </p>
        {done ? null : <p className="text-sm text-muted">{hint}</p>}
      </div>
      {!done && to ? (
        <Link to={to} className={buttonClasses({ size: "sm", variant: "secondary" })}>
          {title}
        </Link>
      ) : null}
    </li>
  );
}

/** The first-run welcome's next steps: verify the e-mail, complete the profile, refer a friend. */
export function FirstRunCard({ steps }: { steps: FirstRunSteps }) {
  const { t } = useTranslation();
  return (
    <Card title={t("welcome.stepsLabel")} description={t("welcome.subtitle")}>
      <ol className="divide-y divide-border">
        <Step
          done={steps.verified}
          title={t("welcome.verify")}
          doneTitle={t("welcome.verifyDone")}
          hint={t("welcome.verifyHint")}
        />
        <Step
          done={steps.profileComplete}
          title={t("welcome.profile")}
          doneTitle={t("welcome.profileDone")}
          hint={t("welcome.profileHint")}
          to="/profile"
        />
        <Step
          done={steps.referred}
          title={t("welcome.refer")}
          doneTitle={t("welcome.refer")}
          hint={t("welcome.referHint")}
          to="/referrals"
        />
      </ol>
    </Card>
  );
}
