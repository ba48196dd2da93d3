import { isApiError } from "@referral-app/api-client/errors";
import { useSession, useSignIn } from "@referral-app/api-client/react";
import { safeNext } from "@referral-app/app-kit/sign-in-redirect";
import { type SignInData, signInSchema } from "@referral-app/shared/schemas/auth";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { PageTitle } from "../components/page-title.tsx";
import { apiErrorMessage } from "../forms/api-error-message.ts";
import { useValidationMessage } from "../i18n/use-validation-message.ts";
import { useMonitor } from "../monitoring/monitor-context.tsx";

export function SignInForm() {
  const { t } = useTranslation();
  const message = useValidationMessage();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const monitor = useMonitor();
  const [params] = useSearchParams();
  const form = useForm<SignInData>({
    resolver: schemaResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (data) => {
    try {
      await signIn.mutateAsync(data);
      monitor?.trackEvent("sign_in");
      navigate(safeNext(params.get("next")), { replace: true });
    } catch {
      // The error is shown from the mutation state below.
    }
  });

  const failure = signIn.error;
  return (
    <Form onSubmit={onSubmit} aria-labelledby="sign-in-title">
      {failure ? (
        <FormMessage>
          {isApiError(failure) && failure.status === 401
            ? t("auth.signIn.invalidCredentials")
            : apiErrorMessage(failure, t)}
        </FormMessage>
      ) : null}
      <Field label={t("auth.email")} error={message(errors.email?.message)} required>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label={t("auth.password")} error={message(errors.password?.message)} required>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" loading={signIn.isPending}>
        {t("auth.signIn.submit")}
      </Button>
    </Form>
  );
}

export function Component() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  if (session.data) return <Navigate to={safeNext(params.get("next"))} replace />;
  return (
    <div className="space-y-6">
      <PageTitle title={t("auth.signIn.title")} />
      <div>
        <h1 id="sign-in-title" className="text-2xl font-semibold">
          {t("auth.signIn.title")}
        </h1>
        <p className="mt-1 text-sm text-muted">{t("auth.signIn.subtitle")}</p>
      </div>
      <SignInForm />
      <div className="flex flex-col gap-2 text-sm">
        <Link to="/forgot-password" className="text-brand underline-offset-4 hover:underline">
          {t("auth.signIn.forgot")}
        </Link>
        <p className="text-muted">
          {t("auth.signIn.noAccount")}{" "}
          <Link to="/signup" className="font-medium text-brand underline-offset-4 hover:underline">
            {t("auth.signIn.createAccount")}
          </Link>
        </p>
      </div>
    </div>
  );
}
