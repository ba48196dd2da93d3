import {
  useConsultancySettings,
  useUpdateConsultancySettings,
} from "@referral-app/api-client/react/case-admin-hooks";
import type { ConsultancySettings } from "@referral-app/shared/schemas/case";
import { Button } from "@referral-app/ui/button";
import { Field, FormMessage, Input, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

// The API takes a data URL up to 300,000 characters: 200 KB of image is about 273,000 in base64.
const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ["image/png", "image/jpeg"];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

type Branding = Pick<ConsultancySettings, "businessName" | "businessAddress" | "tagline" | "logoDataUrl">;

function BrandingFields({ initial }: { initial: Branding }) {
  const save = useUpdateConsultancySettings();
  const { toast } = useToast();
  const [values, setValues] = useState<Branding>(initial);
  const [logoError, setLogoError] = useState<string | undefined>();
  const set = (key: keyof Branding) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  const chooseLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(strings.staff.logoWrongType);
    if (file.size > MAX_LOGO_BYTES) return setLogoError(strings.staff.logoTooLarge);
    setLogoError(undefined);
    const logoDataUrl = await readAsDataUrl(file);
    setValues((current) => ({ ...current, logoDataUrl }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        businessName: values.businessName.trim(),
        businessAddress: values.businessAddress.trim(),
        tagline: values.tagline.trim(),
        logoDataUrl: values.logoDataUrl,
      },
      { onSuccess: () => toast({ title: strings.staff.settingsSaved, tone: "success" }) },
    );
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.staff.branding}>
      <p className="text-sm text-muted">{strings.staff.brandingHint}</p>
      {save.error ? <FormMessage>{errorMessage(save.error)}</FormMessage> : null}
      <Field label={strings.staff.businessName} required>
        <Input value={values.businessName} maxLength={120} onChange={set("businessName")} />
      </Field>
      <Field label={strings.staff.tagline} hint={strings.staff.taglineHint}>
        <Input value={values.tagline} maxLength={140} onChange={set("tagline")} />
      </Field>
      <Field label={strings.staff.businessAddress}>
        <Textarea value={values.businessAddress} maxLength={500} onChange={set("businessAddress")} />
      </Field>
      <Field label={strings.staff.logo} hint={strings.staff.logoHint} error={logoError}>
        <Input type="file" accept="image/png,image/jpeg" className="py-1.5" onChange={chooseLogo} />
      </Field>
      {values.logoDataUrl ? (
        <div className="flex items-center gap-3">
          <img
            src={values.logoDataUrl}
            alt={strings.staff.logoPreview}
            width={40}
            height={40}
            className="size-10 rounded border border-border object-contain"
          />
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => setValues((current) => ({ ...current, logoDataUrl: null }))}
          >
            {strings.staff.logoRemove}
          </Button>
        </div>
      ) : null}
      <Button
        type="submit"
        variant="secondary"
        loading={save.isPending}
        disabled={!values.businessName.trim()}
      >
        {strings.staff.saveBranding}
      </Button>
    </form>
  );
}

/** Admins: the consultancy's name, address, logo and promise (the landing page and invoices show them). */
export function BrandingForm() {
  const settings = useConsultancySettings();
  if (settings.error) return <FormMessage>{errorMessage(settings.error)}</FormMessage>;
  if (!settings.data) return <p className="text-sm text-muted">{strings.app.loading}</p>;
  const { businessName, businessAddress, tagline, logoDataUrl } = settings.data;
  return <BrandingFields initial={{ businessName, businessAddress, tagline, logoDataUrl }} />;
}
