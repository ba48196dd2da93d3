import {
  useConsultancySettings,
  useUpdateConsultancySettings,
} from "@referral-app/api-client/react/case-admin-hooks";
import type { ConsultancySettings } from "@referral-app/shared/schemas/case";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Field, FormMessage, Input } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { reviewStrings as s } from "./review-strings.ts";

type Key = keyof Pick<
  ConsultancySettings,
  | "maxReferralsPerDay"
  | "caseDocumentRetentionMonths"
  | "notificationRetentionDays"
  | "analyticsRetentionMonths"
  | "invoiceRetentionYears"
>;
const FIELDS: { key: Key; min: number; max: number }[] = [
  { key: "maxReferralsPerDay", min: 1, max: 1000 },
  { key: "caseDocumentRetentionMonths", min: 1, max: 240 },
  { key: "notificationRetentionDays", min: 30, max: 3650 },
  { key: "analyticsRetentionMonths", min: 1, max: 120 },
  { key: "invoiceRetentionYears", min: 1, max: 30 },
];

function Fields({ initial }: { initial: ConsultancySettings }) {
  const save = useUpdateConsultancySettings();
  const { toast } = useToast();
  const [values, setValues] = useState(
    () => Object.fromEntries(FIELDS.map(({ key }) => [key, String(initial[key])])) as Record<Key, string>,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const update = Object.fromEntries(FIELDS.map(({ key }) => [key, Number(values[key])]));
    save.mutate(update, { onSuccess: () => toast({ title: s.settingsSaved, tone: "success" }) });
  };
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-label={s.settingsTitle}>
      {save.error ? <FormMessage>{errorMessage(save.error)}</FormMessage> : null}
      {FIELDS.map(({ key, min, max }) => (
        <Field key={key} label={s.settings[key]}>
          <Input
            type="number"
            min={min}
            max={max}
            value={values[key]}
            onChange={(event) => setValues({ ...values, [key]: event.target.value })}
          />
        </Field>
      ))}
      <div className="sm:col-span-2">
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {s.saveSettings}
        </Button>
      </div>
    </form>
  );
}

/** Admins: the daily referral limit and the retention rules the daily job applies. */
export function PrivacySettingsForm() {
  const settings = useConsultancySettings();
  return (
    <Card title={s.settingsTitle} description={s.settingsDescription}>
      {settings.error ? <FormMessage>{errorMessage(settings.error)}</FormMessage> : null}
      {settings.data ? <Fields initial={settings.data} /> : null}
    </Card>
  );
}
