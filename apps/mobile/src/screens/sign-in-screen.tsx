import { isApiError } from "@referral-app/api-client/errors";
import { useSignIn } from "@referral-app/api-client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { Button } from "../components/button";
import { Notice } from "../components/notice";
import { Screen } from "../components/screen";
import { TextField } from "../components/text-field";

export interface SignInScreenProps {
  onSignedIn: () => void;
  onCreateAccount: () => void;
}

export function SignInScreen({ onSignedIn, onCreateAccount }: SignInScreenProps) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const error = signIn.error;
  const message =
    isApiError(error) && error.status === 401 ? t("auth.invalidCredentials") : error ? error.message : null;

  const submit = () => signIn.mutate({ email: email.trim(), password }, { onSuccess: () => onSignedIn() });

  return (
    <Screen>
      <AppText variant="title" accessibilityRole="header">
        {t("auth.signInTitle")}
      </AppText>
      <TextField
        label={t("auth.email")}
        value={email}
        onChangeText={setEmail}
        autoCapitalize="none"
        autoComplete="email"
        keyboardType="email-address"
      />
      <TextField
        label={t("auth.password")}
        value={password}
        onChangeText={setPassword}
        secureTextEntry
        autoComplete="current-password"
        onSubmitEditing={submit}
      />
      {message ? <Notice tone="danger" message={message} /> : null}
      <Button label={t("auth.signIn")} onPress={submit} busy={signIn.isPending} />
      <Button variant="secondary" label={t("auth.noAccount")} onPress={onCreateAccount} />
    </Screen>
  );
}
