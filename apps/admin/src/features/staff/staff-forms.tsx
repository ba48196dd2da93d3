import {
  useConsultancySettings,
  useInviteStaff,
  useUpdateConsultancySettings,
} from "@referral-app/api-client/react/case-admin-hooks";
import type { StaffRole } from "@referral-app/shared/schemas/case";
import { Button } from "@referral-app/ui/button";
import { Field, FormMessage, Input, Select } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

export function InviteStaffForm() {
  const invite = useInviteStaff();
  const { toast } = useToast();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>("staff");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { name: name.trim(), email: email.trim(), role },
      {
        onSuccess: (member) => {
          setName("");
          setEmail("");
          toast({ title: strings.staff.inviteSent(member.email), tone: "success" });
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.staff.invite}>
      {invite.error ? <FormMessage>{errorMessage(invite.error)}</FormMessage> : null}
      <Field label={strings.staff.inviteName} required>
        <Input value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field label={strings.staff.inviteEmail} required>
        <Input
          type="email"
          value={email}
          autoComplete="off"
          onChange={(event) => setEmail(event.target.value)}
        />
      </Field>
      <Field label={strings.staff.role}>
        <Select value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
          <option value="staff">{strings.staff.roles.staff}</option>
          <option value="admin">{strings.staff.roles.admin}</option>
        </Select>
      </Field>
      <Button type="submit" loading={invite.isPending} disabled={!name.trim() || !email.trim()}>
        {strings.staff.send}
      </Button>
    </form>
  );
}

function SettingsFields({ initial }: { initial: number }) {
  const save = useUpdateConsultancySettings();
  const { toast } = useToast();
  const [days, setDays] = useState(String(initial));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { referralContactBusinessDays: Number(days) },
      { onSuccess: () => toast({ title: strings.staff.settingsSaved, tone: "success" }) },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.staff.settings}>
      {save.error ? <FormMessage>{errorMessage(save.error)}</FormMessage> : null}
      <Field label={strings.staff.contactDays} hint={strings.staff.contactDaysHint}>
        <Input
          type="number"
          min={1}
          max={30}
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
      </Field>
      <Button type="submit" variant="secondary" loading={save.isPending}>
        {strings.staff.saveSettings}
      </Button>
    </form>
  );
}

export function SettingsForm() {
  const settings = useConsultancySettings();
  if (settings.error) return <FormMessage>{errorMessage(settings.error)}</FormMessage>;
  if (!settings.data) return <p className="text-sm text-muted">{strings.app.loading}</p>;
  return <SettingsFields initial={settings.data.referralContactBusinessDays} />;
}
