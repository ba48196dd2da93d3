import { zodResolver } from "@hookform/resolvers/zod";
import { type SignInData, signInSchema } from "@referral-app/shared/schemas/auth";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Button } from "./button.tsx";
import { Field, Form, FormMessage, Input } from "./form.tsx";

export interface SignInFormStrings {
  title: string;
  subtitle: string;
  email: string;
  password: string;
  submit: string;
}

export interface SignInFormProps {
  strings: SignInFormStrings;
  /** Called with valid credentials; the app signs in. A rejection is the app's to show through `error`. */
  onSubmit: (data: SignInData) => unknown;
  pending: boolean;
  /** Why the last attempt failed, in the app's words. */
  error?: ReactNode;
}

/** Email + password in a titled card, validated by the shared sign-in schema. */
export function SignInForm({ strings, onSubmit, pending, error }: SignInFormProps) {
  const form = useForm<SignInData>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (data) => {
    try {
      await onSubmit(data);
    } catch {
      // Shown by the app through `error`.
    }
  });

  return (
    <div className="w-full max-w-md space-y-6 rounded-card border border-border bg-card p-6 shadow-sm sm:p-8">
      <div>
        <h1 id="sign-in-title" className="text-2xl font-semibold">
          {strings.title}
        </h1>
        <p className="mt-1 text-sm text-muted">{strings.subtitle}</p>
      </div>
      <Form onSubmit={submit} aria-labelledby="sign-in-title">
        {error ? <FormMessage>{error}</FormMessage> : null}
        <Field label={strings.email} error={errors.email?.message} required>
          <Input type="email" autoComplete="email" {...form.register("email")} />
        </Field>
        <Field label={strings.password} error={errors.password?.message} required>
          <Input type="password" autoComplete="current-password" {...form.register("password")} />
        </Field>
        <Button type="submit" className="w-full" loading={pending}>
          {strings.submit}
        </Button>
      </Form>
    </div>
  );
}
