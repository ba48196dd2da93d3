import { useSignUp } from "@referral-app/api-client/react";
import type { ReferrerVisibilityLevel } from "@referral-app/shared/constants";
import { fieldErrorsFrom } from "@referral-app/shared/errors";
import { signUpSchema } from "@referral-app/shared/schemas/auth";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { Button } from "../components/button";
import { Notice } from "../components/notice";
import { Screen } from "../components/screen";
import { TextField } from "../components/text-field";
import { VisibilityChoice } from "../components/visibility-choice";

export interface SignUpScreenProps {
  /** From a `referralapp://r/CODE` or `https://…/r/CODE` link. */
  referralCode?: string | undefined;
  onSignedUp: () => void;
  onSignIn: () => void;
}

export function SignUpScreen({ referralCode, onSignedUp, onSignIn }: SignUpScreenProps) {
  const { t, i18n } = useTranslation();
  const signUp = useSignUp();
  // What a referrer may see: the friend's choice, asked here as on the web (default "signed up").
  const [visibility, setVisibility] = useState<ReferrerVisibilityLevel>("signed_up");
  const [values, setValues] = useState({
    name: "",
    email: "",
    password: "",
    referralCode: referralCode ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((prev) => ({ ...prev, [field]: value }));

  const submit = () => {
    const parsed = signUpSchema.safeParse({
      ...values,
      referralCode: values.referralCode || undefined,
      referrerVisibility: visibility,
      // Account e-mails are written in the language the form was shown in.
      language: i18n.language?.startsWith("es") ? "es" : "en",
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      return;
    }
    setErrors({});
    signUp.mutate(parsed.data, { onSuccess: () => onSignedUp() });
  };

  return (
    <Screen>
      <AppText variant="title" accessibilityRole="header">
        {t("auth.signUpTitle")}
      </AppText>
      {referralCode ? <Notice tone="success" message={t("auth.referredBy", { code: referralCode })} /> : null}
      <TextField
        label={t("auth.name")}
        value={values.name}
        onChangeText={set("name")}
        error={errors.name?.[0]}
      />
      <TextField
        label={t("auth.email")}
        value={values.email}
        onChangeText={set("email")}
        autoCapitalize="none"
        keyboardType="email-address"
        error={errors.email?.[0]}
      />
      <TextField
        label={t("auth.password")}
        value={values.password}
        onChangeText={set("password")}
        secureTextEntry
        autoComplete="new-password"
        error={errors.password?.[0]}
      />
      <TextField
        label={t("auth.referralCode")}
        value={values.referralCode}
        onChangeText={set("referralCode")}
        autoCapitalize="characters"
        error={errors.referralCode?.[0]}
      />
      <VisibilityChoice legend={t("privacy.signUpVisibility")} value={visibility} onChange={setVisibility} />
      {signUp.error ? <Notice tone="danger" message={signUp.error.message} /> : null}
      <Button label={t("auth.signUp")} onPress={submit} busy={signUp.isPending} />
      <Button variant="secondary" label={t("auth.haveAccount")} onPress={onSignIn} />
    </Screen>
  );
}
