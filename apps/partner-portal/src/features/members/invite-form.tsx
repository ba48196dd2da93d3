import { zodResolver } from "@hookform/resolvers/zod";
import { useInviteMember } from "@referral-app/api-client/react/partner-hooks";
import {
  type InvitePartnerMemberData,
  invitePartnerMemberSchema,
} from "@referral-app/shared/schemas/partners";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Input } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useForm } from "react-hook-form";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

export function InviteForm() {
  const invite = useInviteMember();
  const { toast } = useToast();
  const form = useForm<InvitePartnerMemberData>({
    resolver: zodResolver(invitePartnerMemberSchema),
    defaultValues: { name: "", email: "" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((data) =>
    invite.mutate(data, {
      onSuccess: (member) => {
        toast({ title: strings.members.sent(member.email), tone: "success" });
        form.reset();
      },
    }),
  );
  return (
    <Form onSubmit={onSubmit} aria-label={strings.members.invite}>
      {invite.error ? <FormMessage>{errorMessage(invite.error)}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={strings.members.inviteName} error={errors.name?.message} required>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label={strings.members.inviteEmail} error={errors.email?.message} required>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
      </div>
      <Button type="submit" loading={invite.isPending}>
        {strings.members.send}
      </Button>
    </Form>
  );
}
