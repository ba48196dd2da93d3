import { buttonClasses } from "@referral-app/ui/button";
import { EmptyState } from "@referral-app/ui/empty-state";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../components/page-title.tsx";

export function Component() {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-lg p-10">
      <PageTitle title={t("common.notFoundTitle")} />
      <h1 className="sr-only">{t("common.notFoundTitle")}</h1>
      <EmptyState
        title={t("common.notFoundTitle")}
        description={t("common.notFoundBody")}
        action={
          <Link to="/" className={buttonClasses()}>
            {t("common.goHome")}
          </Link>
        }
      />
    </main>
  );
}
