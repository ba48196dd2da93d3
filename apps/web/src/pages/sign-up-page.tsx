import { isApiError } from "@referral-app/api-client/errors";
import { useSession, useSignUp } from "@referral-app/api-client/react";
import { type SignUpData, signUpSchema } from "@referral-app/shared/schemas/auth";
import { Button } from "@referral-app/ui/button";
import { CountrySelect } from "@referral-app/ui/country-select";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { PageTitle } from "../components/page-title.tsx";
import { VisibilityChoice } from "../features/privacy/visibility-choice.tsx";
import { apiErrorMessage } from "../forms/api-error-message.ts";
import { useCountryLabels } from "../i18n/use-country-labels.ts";
import { useValidationMessage } from "../i18n/use-validation-message.ts";
import { useMonitor } from "../monitoring/monitor-context.tsx";
import { InviteBanner } from "../signed-out/invite-banner.tsx";

function isEmailTaken(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === "EMAIL_TAKEN" ||
      /EXIST/i.test(error.code) ||
      (error.status === 422 && /exist/i.test(error.message)))
  );
}

export function Component() {
  const { t, i18n } = useTranslation();
  const countryLabels = useCountryLabels();
  const message = useValidationMessage();
  const session = useSession();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const monitor = useMonitor();
  const [params] = useSearchParams();
  const referralCode = (params.get("ref") ?? "").toUpperCase();
  const form = useForm<SignUpData>({
    resolver: schemaResolver(signUpSchema),
    defaultValues: {
      name: "",
      email: "",
      password: "",
      phone: "",
      country: "",
      referralCode,
      referrerVisibility: "signed_up",
    },
  });
  const { errors } = form.formState;

  if (session.data && !signUp.isPending) return <Navigate to="/" replace />;

  const onSubmit = form.handleSubmit(async (data) => {
    try {
      const language = i18n.resolvedLanguage === "es" ? "es" : "en";
      await signUp.mutateAsync({ ...data, language, callbackURL: "/verify-email" });
      monitor?.trackEvent("sign_up", { withReferralCode: Boolean(data.referralCode) });
      navigate("/", { replace: true });
    } catch {
      // Shown from the mutation state.
    }
  });

  return (
    <div className="space-y-6">
      <PageTitle title={t("auth.signUp.title")} />
      <div>
        <h1 id="sign-up-title" className="text-2xl font-semibold">
          {t("auth.signUp.title")}
        </h1>
        <p className="mt-1 text-sm text-muted">{t("auth.signUp.subtitle")}</p>
      </div>
      {referralCode ? <InviteBanner code={referralCode} /> : null}
      <Form onSubmit={onSubmit} aria-labelledby="sign-up-title">
        {signUp.error ? (
          <FormMessage>
            {isEmailTaken(signUp.error) ? t("auth.signUp.emailTaken") : apiErrorMessage(signUp.error, t)}
          </FormMessage>
        ) : null}
        <Field label={t("auth.signUp.name")} error={message(errors.name?.message)} required>
          <Input autoComplete="name" {...form.register("name")} />
        </Field>
        <Field label={t("auth.email")} error={message(errors.email?.message)} required>
          <Input type="email" autoComplete="email" {...form.register("email")} />
        </Field>
        <Field
          label={t("auth.password")}
          hint={t("auth.signUp.passwordHint")}
          error={message(errors.password?.message)}
          required
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("auth.signUp.phone")} error={message(errors.phone?.message)}>
            <Input type="tel" autoComplete="tel" {...form.register("phone")} />
          </Field>
          <Field
            label={t("auth.signUp.country")}
            hint={t("auth.signUp.countryHint")}
            error={message(errors.country?.message)}
          >
            <CountrySelect autoComplete="country" {...countryLabels} {...form.register("country")} />
          </Field>
        </div>
        <Field
          label={t("auth.signUp.referralCode")}
          hint={t("auth.signUp.referralCodeHint")}
          error={message(errors.referralCode?.message)}
        >
          <Input autoComplete="off" className="uppercase" {...form.register("referralCode")} />
        </Field>
        <VisibilityChoice
          legend={t("privacy.signUpVisibility")}
          value={form.watch("referrerVisibility") ?? "signed_up"}
          onChange={(level) => form.setValue("referrerVisibility", level)}
        />
        <Button type="submit" className="w-full" loading={signUp.isPending}>
          {t("auth.signUp.submit")}
        </Button>
      </Form>
      <p className="text-sm text-muted">
        {t("auth.signUp.haveAccount")}{" "}
        <Link to="/sign-in" className="font-medium text-brand underline-offset-4 hover:underline">
          {t("auth.signIn.title")}
        </Link>
      </p>
    </div>
  );
}
