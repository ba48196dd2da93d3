import { queryKeys, useApi } from "@referral-app/api-client/react";
import { buttonClasses } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../components/page-title.tsx";

export function Component() {
  const { t } = useTranslation();
  const { services } = useApi();
  const [params] = useSearchParams();
  const token = params.get("token");
  // A query, not an effect: runs once per token even under StrictMode's double mount.
  const verify = useQuery({
    queryKey: queryKeys.verifyEmail(token),
    queryFn: () => services.auth.verifyEmail(token ?? "").then(() => true),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  let body = <FormMessage tone="info">{t("auth.verify.missing")}</FormMessage>;
  if (params.has("error") || verify.isError) body = <FormMessage>{t("auth.verify.failed")}</FormMessage>;
  else if (verify.isSuccess) body = <FormMessage tone="success">{t("auth.verify.success")}</FormMessage>;
  else if (token) body = <SkeletonList label={t("auth.verify.verifying")} lines={2} />;

  return (
    <div className="space-y-6">
      <PageTitle title={t("auth.verify.title")} />
      <h1 className="text-2xl font-semibold">{t("auth.verify.title")}</h1>
      {body}
      <Link to="/" className={buttonClasses({ variant: "secondary" })}>
        {t("auth.verify.continue")}
      </Link>
    </div>
  );
}
