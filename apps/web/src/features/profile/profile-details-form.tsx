import { isApiError } from "@referral-app/api-client/errors";
import { useUpdateProfile } from "@referral-app/api-client/react";
import {
  type UpdateProfileData,
  type UserProfile,
  updateProfileSchema,
} from "@referral-app/shared/schemas/user";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { CountrySelect } from "@referral-app/ui/country-select";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useCountryLabels } from "../../i18n/use-country-labels.ts";
import { useValidationMessage } from "../../i18n/use-validation-message.ts";
import { ProfilePicture } from "./profile-picture.tsx";

interface DetailsValues {
  name: string;
  phone: string;
  country: string;
}

// The name may not be cleared; the other fields may (they are then removed from the profile).
// The picture has its own upload (ProfilePicture), so this form never sends it.
const detailsSchema = updateProfileSchema
  .pick({ name: true, phone: true, country: true })
  .required({ name: true });

export function ProfileDetailsForm({ profile }: { profile: UserProfile }) {
  const { t } = useTranslation();
  const countryLabels = useCountryLabels();
  const message = useValidationMessage();
  const update = useUpdateProfile();
  const form = useForm<DetailsValues>({
    resolver: schemaResolver(detailsSchema),
    defaultValues: {
      name: profile.name,
      phone: profile.phone ?? "",
      country: profile.country ?? "",
    },
  });
  const { errors } = form.formState;

  // Fields left empty are cleared on the server (null), not left as they were.
  const onSubmit = form.handleSubmit((values: Partial<DetailsValues>) => {
    const data: UpdateProfileData = {
      name: values.name,
      phone: values.phone || null,
      country: values.country || null,
    };
    update.mutate(data, {
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const [field, messages] of Object.entries(error.fieldErrors()))
          if (field in form.getValues())
            form.setError(field as keyof DetailsValues, { message: messages[0] });
      },
    });
  });

  return (
    <Form onSubmit={onSubmit} aria-label={t("profile.details")}>
      {update.isSuccess ? <FormMessage tone="success">{t("profile.saved")}</FormMessage> : null}
      {update.error ? <FormMessage>{apiErrorMessage(update.error, t)}</FormMessage> : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <ProfilePicture profile={profile} />
        <div>
          <p className="text-sm text-muted">{t("profile.email")}</p>
          <p className="flex flex-wrap items-center gap-2 font-medium">
            {profile.email}
            <Badge tone={profile.emailVerified ? "success" : "warning"}>
              {profile.emailVerified ? t("profile.verified") : t("profile.notVerified")}
            </Badge>
          </p>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("profile.name")} error={message(errors.name?.message)} required>
          <Input autoComplete="name" {...form.register("name")} />
        </Field>
        <Field label={t("profile.phone")} error={message(errors.phone?.message)}>
          <Input type="tel" autoComplete="tel" {...form.register("phone")} />
        </Field>
        <Field label={t("profile.country")} error={message(errors.country?.message)}>
          <CountrySelect autoComplete="country" {...countryLabels} {...form.register("country")} />
        </Field>
      </div>
      <Button type="submit" loading={update.isPending}>
        {t("common.save")}
      </Button>
    </Form>
  );
}
