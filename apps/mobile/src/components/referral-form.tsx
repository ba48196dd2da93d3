import { type FieldErrors, fieldErrorsFrom } from "@referral-app/shared/errors";
import { createReferralSchema } from "@referral-app/shared/schemas/referral";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { useOutbox } from "../offline/outbox-context";
import { Button } from "./button";
import { Card } from "./card";
import { Notice } from "./notice";
import { TextField } from "./text-field";

type Result = { tone: "success" | "warning" | "danger"; message: string } | null;

const EMPTY = { fullName: "", email: "", phone: "" };

/** The seed's referral form: "Full Name", "Email", "Submit Referral", through the device outbox. */
export function ReferralForm() {
  const { t } = useTranslation();
  const { submit } = useOutbox();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof typeof EMPTY) => (value: string) =>
    setValues((prev) => ({ ...prev, [field]: value }));

  const onSubmit = async () => {
    setResult(null);
    const parsed = createReferralSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const outcome = await submit(parsed.data);
      if (outcome.status === "rejected") {
        setResult({ tone: "danger", message: outcome.message });
        return;
      }
      setValues(EMPTY);
      setResult(
        outcome.status === "sent"
          ? { tone: "success", message: t("referrals.success") }
          : { tone: "warning", message: t("referrals.queued") },
      );
    } catch {
      setResult({ tone: "danger", message: t("common.error") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("referrals.title")}>
      <View style={styles.fields}>
        <TextField
          label={t("referrals.fullName")}
          value={values.fullName}
          onChangeText={set("fullName")}
          autoComplete="name"
          error={errors.fullName?.[0]}
        />
        <TextField
          label={t("referrals.email")}
          value={values.email}
          onChangeText={set("email")}
          autoCapitalize="none"
          autoComplete="email"
          keyboardType="email-address"
          error={errors.email?.[0]}
        />
        <TextField
          label={t("referrals.phone")}
          value={values.phone}
          onChangeText={set("phone")}
          keyboardType="phone-pad"
          error={errors.phone?.[0]}
        />
      </View>
      <Button label={t("referrals.submit")} onPress={onSubmit} busy={busy} />
      {result ? <Notice tone={result.tone} message={result.message} /> : null}
    </Card>
  );
}

const styles = StyleSheet.create({ fields: { gap: 12 } });
