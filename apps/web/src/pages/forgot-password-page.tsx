import { useApi } from "@referral-app/api-client/react";
import { type ForgotPasswordData, forgotPasswordSchema } from "@referral-app/shared/schemas/auth";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../components/page-title.tsx";
import { apiErrorMessage } from "../forms/api-error-message.ts";
import { useValidationMessage } from "../i18n/use-validation-message.ts";

export function Component() {
  const { t } = useTranslation();
  const message = useValidationMessage();
  const { services } = useApi();
  const request = useMutation({
    mutationFn: (email: string) => services.auth.requestPasswordReset(email, "/reset-password"),
  });
  const form = useForm<ForgotPasswordData>({
    resolver: schemaResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
  });
  const onSubmit = form.handleSubmit((data) => request.mutate(data.email));

  return (
    <div className="space-y-6">
      <PageTitle title={t("auth.forgot.title")} />
      <div>
        <h1 id="forgot-title" className="text-2xl font-semibold">
          {t("auth.forgot.title")}
        </h1>
        <p className="mt-1 text-sm text-muted">{t("auth.forgot.subtitle")}</p>
      </div>
      {request.isSuccess ? (
        <FormMessage tone="success">{t("auth.forgot.sent", { email: request.variables })}</FormMessage>
      ) : (
        <Form onSubmit={onSubmit} aria-labelledby="forgot-title">
          {request.error ? <FormMessage>{apiErrorMessage(request.error, t)}</FormMessage> : null}
          <Field label={t("auth.email")} error={message(form.formState.errors.email?.message)} required>
            <Input type="email" autoComplete="email" {...form.register("email")} />
          </Field>
          <Button type="submit" className="w-full" loading={request.isPending}>
            {t("auth.forgot.submit")}
          </Button>
        </Form>
      )}
      <Link to="/sign-in" className="text-sm text-brand underline-offset-4 hover:underline">
        {t("auth.forgot.back")}
      </Link>
    </div>
  );
}
