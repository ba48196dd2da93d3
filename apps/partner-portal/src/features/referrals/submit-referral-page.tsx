import { queryKeys } from "@referral-app/api-client/react";
import { useConsoleCountryLabels } from "@referral-app/app-kit/console-country-select";
import { ReferralForm } from "@referral-app/app-kit/referral-form";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/** The client's referral form; the server attributes the referral to the organisation. */
export function Component() {
  const queryClient = useQueryClient();
  const countryLabels = useConsoleCountryLabels();
  return (
    <>
      <PageHeader title={strings.form.title} description={strings.form.description} />
      <Card className="max-w-3xl">
        <ReferralForm
          strings={strings.form}
          errorMessage={errorMessage}
          countryLabels={countryLabels}
          onCreated={() => queryClient.invalidateQueries({ queryKey: queryKeys.partner.all })}
        />
      </Card>
    </>
  );
}
