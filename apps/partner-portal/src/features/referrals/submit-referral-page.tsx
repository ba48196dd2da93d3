import { isApiError } from "@referral-app/api-client/errors";
import { queryKeys, useCreateReferral } from "@referral-app/api-client/react";
import { RELATIONSHIPS, VISA_INTERESTS } from "@referral-app/shared/constants";
import { type CreateReferralData, createReferralSchema } from "@referral-app/shared/schemas/referral";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Field, Form, FormMessage, Input, Select, Textarea } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { schemaResolver } from "@referral-app/ui/schema-resolver";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

const EMPTY: CreateReferralData = { fullName: "", email: "", phone: "", country: "", notes: "" };

/** The same fields as the client's referral form; the server attributes it to the organisation. */
export function ReferralForm() {
  const create = useCreateReferral();
  const queryClient = useQueryClient();
  const form = useForm<CreateReferralData>({
    resolver: schemaResolver(createReferralSchema),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const send = form.handleSubmit((data) =>
    create.mutate(data, {
      onSuccess: () => {
        form.reset(EMPTY);
        return queryClient.invalidateQueries({ queryKey: queryKeys.partner.all });
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const [field, messages] of Object.entries(error.fieldErrors())) {
          form.setError(field as keyof CreateReferralData, { message: messages[0] });
        }
      },
    }),
  );

  if (create.isSuccess) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{strings.form.success}</FormMessage>
        <Button variant="secondary" onClick={() => create.reset()}>
          {strings.form.another}
        </Button>
      </div>
    );
  }

  const failure = create.error;
  return (
    <Form onSubmit={send} aria-label={strings.form.title}>
      {failure ? (
        <FormMessage>
          {isApiError(failure) && (failure.code === "REFERRAL_DUPLICATE" || failure.code === "CONFLICT")
            ? strings.form.duplicate
            : errorMessage(failure)}
        </FormMessage>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={strings.form.fullName} error={errors.fullName?.message} required>
          <Input autoComplete="off" {...form.register("fullName")} />
        </Field>
        <Field label={strings.form.email} error={errors.email?.message} required>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label={strings.form.phone} error={errors.phone?.message}>
          <Input type="tel" autoComplete="off" {...form.register("phone")} />
        </Field>
        <Field label={strings.form.country} error={errors.country?.message}>
          <Input maxLength={2} className="uppercase" {...form.register("country")} />
        </Field>
        <Field label={strings.form.relationship} error={errors.relationship?.message}>
          <Select defaultValue="" {...form.register("relationship")}>
            <option value="">{strings.form.choose}</option>
            {RELATIONSHIPS.map((value) => (
              <option key={value} value={value}>
                {strings.form.relationships[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.form.visaInterest} error={errors.visaInterest?.message}>
          <Select defaultValue="" {...form.register("visaInterest")}>
            <option value="">{strings.form.choose}</option>
            {VISA_INTERESTS.map((value) => (
              <option key={value} value={value}>
                {strings.form.visaInterests[value]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={strings.form.notes} error={errors.notes?.message}>
        <Textarea maxLength={1000} {...form.register("notes")} />
      </Field>
      <Button type="submit" loading={create.isPending}>
        {strings.form.submit}
      </Button>
    </Form>
  );
}

export function Component() {
  return (
    <>
      <PageHeader title={strings.form.title} description={strings.form.description} />
      <Card className="max-w-3xl">
        <ReferralForm />
      </Card>
    </>
  );
}
