import { Card } from "@referral-app/ui/card";
import { Tabs } from "@referral-app/ui/tabs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { CreditCard } from "../invoices/credit-card.tsx";
import { LinkedReferralDialog } from "./referral-detail-dialog.tsx";
import { ReferralForm } from "./referral-form.tsx";
import { ReferralList } from "./referral-list.tsx";
import { ReferralStats } from "./referral-stats.tsx";
import { ShareCard } from "./share-card.tsx";

const TABS = ["refer", "list", "stats"] as const;
type Tab = (typeof TABS)[number];

/** The lazy referrals module: refer someone (form + share), my referrals, stats. */
export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const linked = params.get("referral");
  // A notification's link opens its referral over the list.
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : linked ? "list" : "refer";
  return (
    <div className="space-y-6">
      <PageTitle title={t("referrals.title")} />
      <div>
        <h1 className="text-2xl font-semibold">{t("referrals.title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("referrals.subtitle")}</p>
      </div>
      <Tabs
        label={t("referrals.tabs.label")}
        value={tab}
        onValueChange={(value) => setParams({ tab: value }, { replace: true })}
        items={[
          {
            value: "refer",
            label: t("referrals.tabs.refer"),
            content: (
              <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
                <Card title={t("referrals.form.title")} description={t("referrals.form.description")}>
                  <ReferralForm />
                </Card>
                <div className="space-y-6">
                  <ShareCard />
                  <CreditCard />
                </div>
              </div>
            ),
          },
          { value: "list", label: t("referrals.tabs.list"), content: <ReferralList /> },
          { value: "stats", label: t("referrals.tabs.stats"), content: <ReferralStats /> },
        ]}
      />
      {linked ? (
        <LinkedReferralDialog id={linked} onClose={() => setParams({ tab: "list" }, { replace: true })} />
      ) : null}
    </div>
  );
}
