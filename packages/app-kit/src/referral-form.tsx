import { isApiError } from "@referral-app/api-client/errors";
import { useCreateReferral } from "@referral-app/api-client/react";
import {
  RELATIONSHIPS,
  type Relationship,
  VISA_INTERESTS,
  type VisaInterest,
} from "@referral-app/shared/constants";
import {
  type CreateReferralData,
  createReferralSchema,
  type Referral,
} from "@referral-app/shared/schemas/referral";
import { Button } from "@referral-app/ui/button";
import { CountrySelect, type CountrySelectProps } from "@referral-app/ui/country-select";
import { Checkbox, Field, Form, FormMessage, Input, Select, Textarea } from "@referral-app/ui/form";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { type ComponentProps, type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";

export interface ReferralFormStrings {
  /** The form's accessible name. */
  title: string;
  fullName: string;
  email: string;
  phone: string;
  country: string;
  relationship: string;
  visaInterest: string;
  notes: string;
  notesHint?: string;
  /** The label of the "they agreed we may contact them" checkbox; without it the form does not ask. */
  consent?: string;
  choose: string;
  submit: string;
  success: string;
  another: string;
  duplicate: string;
  selfReferral: string;
  /** The outcome is unknown (network, timeout, 5xx): say so and offer the retry. */
  network: string;
  retry: string;
  relationships: Record<Relationship, string>;
  visaInterests: Record<VisaInterest, string>;
}

export interface ReferralFormProps {
  strings: ReferralFormStrings;
  /** The app's sentence for any other failure. */
  errorMessage: (error: unknown) => string;
  /** The app's words for the shared schema's (English) field messages; shown as they are without it. */
  validationMessage?: (message: string | undefined) => string | undefined;
  onCreated?: (referral: Referral) => unknown;
  /** The country picker's language and words. */
  countryLabels: Pick<CountrySelectProps, "language" | "placeholder" | "unknownLabel">;
  /** What follows a submit (the app's own next steps); `strings.success` alone without it. */
  renderSuccess?: (referral: Referral, referAnother: () => void) => ReactNode;
  /**
   * Shown while the device is offline and the submit waits for the network (the query client pauses
   * it and sends it, with the same Idempotency-Key, once back online).
   */
  offlineMessage?: string;
}

type FieldName = keyof CreateReferralData;

/** An optional choice: "Choose…" first (not given), then each value in the app's words. */
function ChoiceSelect<Value extends string>({
  choose,
  names,
  values,
  ...props
}: { choose: string; names: Record<Value, string>; values: readonly Value[] } & ComponentProps<
  typeof Select
>) {
  return (
    <Select defaultValue="" {...props}>
      <option value="">{choose}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {names[value]}
        </option>
      ))}
    </Select>
  );
}

function ReferralError({
  error,
  strings,
  errorMessage,
  onRetry,
}: {
  error: unknown;
  strings: ReferralFormStrings;
  errorMessage: (error: unknown) => string;
  onRetry: () => void;
}) {
  if (isApiError(error) && (error.code === "REFERRAL_DUPLICATE" || error.code === "CONFLICT"))
    return <FormMessage>{strings.duplicate}</FormMessage>;
  if (isApiError(error) && error.code === "SELF_REFERRAL")
    return <FormMessage>{strings.selfReferral}</FormMessage>;
  if (isApiError(error) && error.isOutcomeUnknown)
    return (
      <div className="space-y-2">
        <FormMessage>{strings.network}</FormMessage>
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {strings.retry}
        </Button>
      </div>
    );
  return <FormMessage>{errorMessage(error)}</FormMessage>;
}

/**
 * The seed's ReferralForm, for clients and partners alike: only the name and email are required.
 * A retry after an unknown outcome re-sends the same data with the same Idempotency-Key.
 */
export function ReferralForm({
  strings,
  errorMessage,
  validationMessage = (m) => m,
  onCreated,
  countryLabels,
  renderSuccess,
  offlineMessage,
}: ReferralFormProps) {
  const create = useCreateReferral();
  const [lastSubmitted, setLastSubmitted] = useState<CreateReferralData | null>(null);
  const empty: CreateReferralData = {
    fullName: "",
    email: "",
    phone: "",
    country: "",
    notes: "",
    ...(strings.consent ? { consent: false } : {}),
  };
  const form = useForm<CreateReferralData>({
    resolver: schemaResolver(createReferralSchema),
    defaultValues: empty,
  });
  const { errors } = form.formState;
  const fields = new Set<string>([...Object.keys(empty), "relationship", "visaInterest"]);

  const send = (data: CreateReferralData) => {
    setLastSubmitted(data);
    create.mutate(data, {
      onSuccess: (referral) => {
        form.reset(empty);
        return onCreated?.(referral);
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        // Only fields this form shows can carry the server's message.
        for (const [field, messages] of Object.entries(error.fieldErrors())) {
          if (fields.has(field)) form.setError(field as FieldName, { message: messages[0] });
        }
      },
    });
  };

  if (create.isSuccess && renderSuccess) return renderSuccess(create.data, () => create.reset());
  if (create.isSuccess) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{strings.success}</FormMessage>
        <Button variant="secondary" onClick={() => create.reset()}>
          {strings.another}
        </Button>
      </div>
    );
  }

  return (
    <Form onSubmit={form.handleSubmit(send)} aria-label={strings.title}>
      {create.error ? (
        <ReferralError
          error={create.error}
          strings={strings}
          errorMessage={errorMessage}
          onRetry={() => lastSubmitted && send(lastSubmitted)}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={strings.fullName} error={validationMessage(errors.fullName?.message)} required>
          <Input autoComplete="off" {...form.register("fullName")} />
        </Field>
        <Field label={strings.email} error={validationMessage(errors.email?.message)} required>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label={strings.phone} error={validationMessage(errors.phone?.message)}>
          <Input type="tel" autoComplete="off" {...form.register("phone")} />
        </Field>
        <Field label={strings.country} error={validationMessage(errors.country?.message)}>
          <CountrySelect {...countryLabels} {...form.register("country")} />
        </Field>
        <Field label={strings.relationship} error={validationMessage(errors.relationship?.message)}>
          <ChoiceSelect
            choose={strings.choose}
            names={strings.relationships}
            values={RELATIONSHIPS}
            {...form.register("relationship")}
          />
        </Field>
        <Field label={strings.visaInterest} error={validationMessage(errors.visaInterest?.message)}>
          <ChoiceSelect
            choose={strings.choose}
            names={strings.visaInterests}
            values={VISA_INTERESTS}
            {...form.register("visaInterest")}
          />
        </Field>
      </div>
      <Field label={strings.notes} hint={strings.notesHint} error={validationMessage(errors.notes?.message)}>
        <Textarea maxLength={1000} {...form.register("notes")} />
      </Field>
      {strings.consent ? <Checkbox label={strings.consent} {...form.register("consent")} /> : null}
      {create.isPaused && offlineMessage ? <FormMessage tone="info">{offlineMessage}</FormMessage> : null}
      <Button type="submit" loading={create.isPending}>
        {strings.submit}
      </Button>
    </Form>
  );
}
