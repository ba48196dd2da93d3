import { safeNext } from "@referral-app/app-kit/sign-in-redirect";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type AuthFailure, announceSignedIn, authRequest } from "../signed-out/auth-request.ts";
import { failureMessage } from "../signed-out/failure-message.ts";
import { useStrings } from "../signed-out/signed-out-strings.tsx";

// The first page most visitors see: a plain form with the browser's own checks (the shared
// schemas' words), posted with fetch, so it loads no form library, zod, TanStack Query or i18next.

interface FieldErrors {
  email?: string;
  password?: string;
}

export function SignInForm() {
  const { t } = useStrings();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = form.elements.namedItem("email") as HTMLInputElement;
    const password = form.elements.namedItem("password") as HTMLInputElement;
    const found: FieldErrors = {
      email: email.validity.valid ? undefined : t("validation.email"),
      password: password.validity.valid ? undefined : t("validation.passwordRequired"),
    };
    setErrors(found);
    if (found.email || found.password) {
      (found.email ? email : password).focus();
      return;
    }
    setPending(true);
    setFailure(null);
    const refused = await authRequest("POST", "auth/sign-in/email", {
      email: email.value.trim(),
      password: password.value,
    });
    setPending(false);
    if (refused) {
      setFailure(refused);
      return;
    }
    announceSignedIn();
    navigate(safeNext(params.get("next")), { replace: true });
  };

  return (
    <Form onSubmit={onSubmit} aria-labelledby="sign-in-title">
      {failure ? <FormMessage>{failureMessage(failure, t)}</FormMessage> : null}
      <Field label={t("auth.email")} error={errors.email} required>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label={t("auth.password")} error={errors.password} required>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        {t("auth.signIn.submit")}
      </Button>
    </Form>
  );
}

export function Component() {
  const { t } = useStrings();
  return (
    <div className="space-y-6">
      <title>{`${t("auth.signIn.title")} · ${t("app.name")}`}</title>
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
