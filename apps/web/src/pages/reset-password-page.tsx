import { isApiError } from "@referral-app/api-client/errors";
import { useApi } from "@referral-app/api-client/react";
import { resetPasswordSchema } from "@referral-app/shared/schemas/auth";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../components/page-title.tsx";
import { apiErrorMessage } from "../forms/api-error-message.ts";
import { useValidationMessage } from "../i18n/use-validation-message.ts";

const newPasswordSchema = resetPasswordSchema.pick({ newPassword: true });
// Failures that say nothing about the link itself: name their cause instead of "invalid link".
const NOT_THE_LINK = new Set(["ORIGIN_NOT_ALLOWED", "RATE_LIMITED", "NETWORK_ERROR", "TIMEOUT"]);

export function Component() {
  const { t } = useTranslation();
  const message = useValidationMessage();
  const { services } = useApi();
  const [params] = useSearchParams();
  const token = params.get("token");
  const reset = useMutation({
    mutationFn: (newPassword: string) => services.auth.resetPassword(newPassword, token ?? ""),
  });
  const form = useForm<{ newPassword: string }>({
    resolver: schemaResolver(newPasswordSchema),
    defaultValues: { newPassword: "" },
  });
  const onSubmit = form.handleSubmit((data) => reset.mutate(data.newPassword));
  const refused = isApiError(reset.error) && NOT_THE_LINK.has(reset.error.code);
  const invalid = !token || params.has("error") || (reset.isError && !refused);

  return (
    <div className="space-y-6">
      <PageTitle title={t("auth.reset.title")} />
      <h1 id="reset-title" className="text-2xl font-semibold">
        {t("auth.reset.title")}
      </h1>
      {reset.isSuccess ? (
        <FormMessage tone="success">{t("auth.reset.done")}</FormMessage>
      ) : (
        <Form onSubmit={onSubmit} aria-labelledby="reset-title">
          {invalid ? <FormMessage>{t("auth.reset.invalidToken")}</FormMessage> : null}
          {refused ? <FormMessage>{apiErrorMessage(reset.error, t)}</FormMessage> : null}
          <Field
            label={t("auth.reset.newPassword")}
            hint={t("auth.signUp.passwordHint")}
            error={message(form.formState.errors.newPassword?.message)}
            required
          >
            <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
          </Field>
          <Button type="submit" className="w-full" loading={reset.isPending} disabled={!token}>
            {t("auth.reset.submit")}
          </Button>
        </Form>
      )}
      <Link
        to={reset.isSuccess ? "/sign-in" : "/forgot-password"}
        className="text-sm text-brand hover:underline"
      >
        {reset.isSuccess ? t("auth.signIn.title") : t("auth.forgot.title")}
      </Link>
    </div>
  );
}
