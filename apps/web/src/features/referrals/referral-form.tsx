import { isApiError } from "@referral-app/api-client/errors";
import { useCreateReferral } from "@referral-app/api-client/react";
import { RELATIONSHIPS, VISA_INTERESTS } from "@referral-app/shared/constants";
import { type CreateReferralData, createReferralSchema } from "@referral-app/shared/schemas/referral";
import { Button } from "@referral-app/ui/button";
import { Checkbox, Field, Form, FormMessage, Input, Select, Textarea } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useValidationMessage } from "../../i18n/use-validation-message.ts";
import { useMonitor } from "../../monitoring/monitor-context.tsx";

const EMPTY: CreateReferralData = {
  fullName: "",
  email: "",
  phone: "",
  country: "",
  notes: "",
  consent: false,
};

function ReferralError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.code === "REFERRAL_DUPLICATE" || error.code === "CONFLICT"))
    return <FormMessage>{t("referrals.form.duplicate")}</FormMessage>;
  if (isApiError(error) && error.code === "SELF_REFERRAL")
    return <FormMessage>{t("referrals.form.selfReferral")}</FormMessage>;
  if (isApiError(error) && error.isOutcomeUnknown)
    return (
      <div className="space-y-2">
        <FormMessage>{t("referrals.form.network")}</FormMessage>
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t("referrals.form.retry")}
        </Button>
      </div>
    );
  return <FormMessage>{apiErrorMessage(error, t)}</FormMessage>;
}

/** The seed's ReferralForm. A retry after a network error re-sends the same data with the same key. */
export function ReferralForm() {
  const { t } = useTranslation();
  const message = useValidationMessage();
  const monitor = useMonitor();
  const create = useCreateReferral();
  const [lastSubmitted, setLastSubmitted] = useState<CreateReferralData | null>(null);
  const form = useForm<CreateReferralData>({
    resolver: schemaResolver(createReferralSchema),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const send = (data: CreateReferralData) => {
    setLastSubmitted(data);
    create.mutate(data, {
      onSuccess: (referral) => {
        monitor?.trackEvent("referral_created", { referralId: referral.id });
        form.reset(EMPTY);
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const [field, messages] of Object.entries(error.fieldErrors())) {
          if (field in EMPTY || field === "relationship" || field === "visaInterest")
            form.setError(field as keyof CreateReferralData, { message: messages[0] });
        }
      },
    });
  };

  if (create.isSuccess) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{t("referrals.form.success")}</FormMessage>
        <Button variant="secondary" onClick={() => create.reset()}>
          {t("referrals.form.another")}
        </Button>
      </div>
    );
  }

  return (
    <Form onSubmit={form.handleSubmit(send)} aria-label={t("referrals.form.title")}>
      {create.error ? (
        <ReferralError error={create.error} onRetry={() => lastSubmitted && send(lastSubmitted)} />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("referrals.form.fullName")} error={message(errors.fullName?.message)} required>
          <Input autoComplete="off" {...form.register("fullName")} />
        </Field>
        <Field label={t("referrals.form.email")} error={message(errors.email?.message)} required>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label={t("referrals.form.phone")} error={message(errors.phone?.message)}>
          <Input type="tel" autoComplete="off" {...form.register("phone")} />
        </Field>
        <Field label={t("referrals.form.country")} error={message(errors.country?.message)}>
          <Input maxLength={2} className="uppercase" {...form.register("country")} />
        </Field>
        <Field label={t("referrals.form.relationship")} error={message(errors.relationship?.message)}>
          <Select defaultValue="" {...form.register("relationship")}>
            <option value="">{t("referrals.form.choose")}</option>
            {RELATIONSHIPS.map((value) => (
              <option key={value} value={value}>
                {t(`referrals.relationships.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("referrals.form.visaInterest")} error={message(errors.visaInterest?.message)}>
          <Select defaultValue="" {...form.register("visaInterest")}>
            <option value="">{t("referrals.form.choose")}</option>
            {VISA_INTERESTS.map((value) => (
              <option key={value} value={value}>
                {t(`referrals.visaInterests.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label={t("referrals.form.notes")}
        hint={t("referrals.form.notesHint")}
        error={message(errors.notes?.message)}
      >
        <Textarea maxLength={1000} {...form.register("notes")} />
      </Field>
      <Checkbox label={t("referrals.form.consent")} {...form.register("consent")} />
      <Button type="submit" loading={create.isPending}>
        {t("referrals.form.submit")}
      </Button>
    </Form>
  );
}
