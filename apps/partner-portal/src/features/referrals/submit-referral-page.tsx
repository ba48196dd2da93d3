import { queryKeys } from "@referral-app/api-client/react";
import { consoleLanguage } from "@referral-app/app-kit/console-language";
import { ReferralForm } from "@referral-app/app-kit/referral-form";
import { interpolate } from "@referral-app/i18n/format";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/** The client's referral form; the server attributes the referral to the organisation. */
export function Component() {
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={strings.form.title} description={strings.form.description} />
      <Card className="max-w-3xl">
        <ReferralForm
          strings={strings.form}
          errorMessage={errorMessage}
          countryLabels={{
            language: consoleLanguage(),
            placeholder: strings.country.choose,
            unknownLabel: (code) => interpolate(strings.country.unknown, { code }),
          }}
          onCreated={() => queryClient.invalidateQueries({ queryKey: queryKeys.partner.all })}
        />
      </Card>
    </>
  );
}
