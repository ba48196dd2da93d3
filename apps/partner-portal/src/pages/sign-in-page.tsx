import { zodResolver } from "@hookform/resolvers/zod";
import { isApiError } from "@referral-app/api-client/errors";
import { useSession, useSignIn } from "@referral-app/api-client/react";
import { type SignInData, signInSchema } from "@referral-app/shared/schemas/auth";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { useForm } from "react-hook-form";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../components/query-state.tsx";
import { ThemeSelect } from "../components/theme-select.tsx";
import { strings } from "../strings.ts";

/** Only same-site paths are followed after sign-in, never an absolute URL. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function Component() {
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm<SignInData>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  if (session.data) return <Navigate to={safeNext(params.get("next"))} replace />;

  const onSubmit = form.handleSubmit(async (data) => {
    try {
      await signIn.mutateAsync(data);
      navigate(safeNext(params.get("next")), { replace: true });
    } catch {
      // Shown from the mutation state below.
    }
  });

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <p className="text-lg font-semibold">{strings.app.name}</p>
        <ThemeSelect />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center">
        <div className="w-full max-w-md space-y-6 rounded-card border border-border bg-card p-6 shadow-sm sm:p-8">
          <div>
            <h1 id="sign-in-title" className="text-2xl font-semibold">
              {strings.auth.title}
            </h1>
            <p className="mt-1 text-sm text-muted">{strings.auth.subtitle}</p>
          </div>
          <Form onSubmit={onSubmit} aria-labelledby="sign-in-title">
            {signIn.error ? (
              <FormMessage>
                {isApiError(signIn.error) && signIn.error.status === 401
                  ? strings.auth.invalid
                  : errorMessage(signIn.error)}
              </FormMessage>
            ) : null}
            <Field label={strings.auth.email} error={errors.email?.message} required>
              <Input type="email" autoComplete="email" {...form.register("email")} />
            </Field>
            <Field label={strings.auth.password} error={errors.password?.message} required>
              <Input type="password" autoComplete="current-password" {...form.register("password")} />
            </Field>
            <Button type="submit" className="w-full" loading={signIn.isPending}>
              {strings.auth.submit}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
