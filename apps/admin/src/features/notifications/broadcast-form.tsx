import {
  useBroadcastAudienceCount,
  useCreateBroadcast,
} from "@referral-app/api-client/react/admin-ops-hooks";
import { ConsoleCountrySelect } from "@referral-app/app-kit/console-country-select";
import { VISA_STAGES } from "@referral-app/shared/constants";
import {
  type BroadcastType,
  type CreateBroadcastData,
  createBroadcastSchema,
} from "@referral-app/shared/schemas/broadcasts";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { BroadcastPreview } from "./broadcast-preview.tsx";

export interface BroadcastFormValues {
  type: BroadcastType;
  title: string;
  body: string;
  role: "" | "client" | "partner";
  country: string;
  stage: string;
}

const EMPTY: BroadcastFormValues = { type: "system", title: "", body: "", role: "", country: "", stage: "" };

/** The flat form as the API's body: empty audience filters mean "not given". */
export function toBroadcastData(values: BroadcastFormValues): CreateBroadcastData {
  const audience: Record<string, string> = {};
  if (values.role) audience.role = values.role;
  if (values.country.trim()) audience.country = values.country.trim().toUpperCase();
  if (values.stage) audience.stage = values.stage;
  return { type: values.type, title: values.title, body: values.body, audience };
}

// Validates with the shared contract and puts each message on its form field.
const resolver: Resolver<BroadcastFormValues> = async (values) => {
  const parsed = createBroadcastSchema.safeParse(toBroadcastData(values));
  if (parsed.success) return { values, errors: {} };
  const errors: FieldErrors<BroadcastFormValues> = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path.at(-1) ?? "title") as keyof BroadcastFormValues;
    errors[field] ??= { type: issue.code, message: issue.message };
  }
  return { values: {}, errors };
};

export function BroadcastForm() {
  const create = useCreateBroadcast();
  const count = useBroadcastAudienceCount();
  const { toast } = useToast();
  const form = useForm<BroadcastFormValues>({ resolver, defaultValues: EMPTY });
  const { errors } = form.formState;
  const type = form.watch("type");
  const [preview, setPreview] = useState<CreateBroadcastData | null>(null);

  // Submitting opens the preview and counts the audience; only the preview's button sends.
  const onSubmit = form.handleSubmit((values) => {
    const data = toBroadcastData(values);
    setPreview(data);
    count.mutate(data.audience ?? {});
  });
  const send = () => {
    if (!preview) return;
    create.mutate(preview, {
      onSuccess: (broadcast) => {
        setPreview(null);
        if (broadcast.recipientCount === 0) {
          toast({ title: strings.broadcasts.reachedNobody, description: broadcast.title, tone: "error" });
        } else {
          toast({
            title: strings.broadcasts.sentTo(broadcast.recipientCount),
            description: broadcast.title,
            tone: "success",
          });
        }
        form.reset(EMPTY);
      },
      onError: () => setPreview(null),
    });
  };

  return (
    <Form onSubmit={onSubmit} aria-label={strings.broadcasts.compose}>
      {create.error ? <FormMessage>{errorMessage(create.error)}</FormMessage> : null}
      <Field
        label={strings.broadcasts.type}
        hint={type === "promotional" ? strings.broadcasts.promotionalHint : undefined}
        required
      >
        <Select {...form.register("type")}>
          <option value="system">{strings.broadcasts.types.system}</option>
          <option value="promotional">{strings.broadcasts.types.promotional}</option>
        </Select>
      </Field>
      <Field label={strings.broadcasts.titleLabel} error={errors.title?.message} required>
        <Input maxLength={200} {...form.register("title")} />
      </Field>
      <Field label={strings.broadcasts.body} error={errors.body?.message} required>
        <Textarea rows={4} maxLength={2000} {...form.register("body")} />
      </Field>
      <fieldset className="grid gap-4 rounded-lg border border-border p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium">{strings.broadcasts.audience}</legend>
        <Field label={strings.broadcasts.role}>
          <Select {...form.register("role")}>
            <option value="">{strings.broadcasts.roles.all}</option>
            <option value="client">{strings.broadcasts.roles.client}</option>
            <option value="partner">{strings.broadcasts.roles.partner}</option>
          </Select>
        </Field>
        <Field label={strings.broadcasts.country} error={errors.country?.message}>
          <ConsoleCountrySelect {...form.register("country")} />
        </Field>
        <Field label={strings.broadcasts.stage} error={errors.stage?.message}>
          <Select {...form.register("stage")}>
            <option value="">{strings.broadcasts.anyStage}</option>
            {VISA_STAGES.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {strings.stages[stage.id]}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <Button type="submit" loading={create.isPending}>
        {strings.broadcasts.review}
      </Button>
      <BroadcastPreview
        data={preview}
        recipientCount={count.isPending ? undefined : count.data?.recipientCount}
        countError={count.error ? errorMessage(count.error) : undefined}
        open={preview !== null}
        onOpenChange={(open) => (open ? undefined : setPreview(null))}
        sending={create.isPending}
        onSend={send}
      />
    </Form>
  );
}
