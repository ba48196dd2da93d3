import { formatCountry } from "@referral-app/app-kit/console-format";
import type { CreateBroadcastData } from "@referral-app/shared/schemas/broadcasts";
import { Badge } from "@referral-app/ui/badge";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { FormMessage } from "@referral-app/ui/form";
import { strings } from "../../strings.ts";

/** Who, in words and in the viewer's language: "Clients only · India · Assessment". */
export function audienceWords(audience: CreateBroadcastData["audience"]): string {
  const role = strings.broadcasts.roles[audience?.role ?? "all"];
  const country = audience?.country ? formatCountry(audience.country) : strings.broadcasts.anyCountry;
  const stage = audience?.stage ? strings.stages[audience.stage] : null;
  return [role, country, stage].filter(Boolean).join(" · ");
}

/**
 * The step before a broadcast goes out: the message as recipients will see it, the audience and how
 * many it reaches now. An audience of nobody cannot be sent.
 */
export function BroadcastPreview({
  data,
  recipientCount,
  countError,
  open,
  onOpenChange,
  sending,
  onSend,
}: {
  data: CreateBroadcastData | null;
  /** Undefined while counting. */
  recipientCount: number | undefined;
  countError?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  sending: boolean;
  onSend: () => void;
}) {
  const counted = recipientCount !== undefined;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={strings.broadcasts.previewTitle}
      description={strings.broadcasts.previewDescription}
      confirmLabel={counted ? strings.broadcasts.sendTo(recipientCount) : strings.broadcasts.send}
      cancelLabel={strings.common.cancel}
      closeLabel={strings.common.close}
      busy={sending}
      confirmDisabled={!counted || recipientCount === 0}
      onConfirm={onSend}
    >
      {data ? (
        <div className="space-y-4">
          <figure
            aria-label={strings.broadcasts.previewTitle}
            className="rounded-lg border border-border p-4"
          >
            <Badge tone={data.type === "promotional" ? "accent" : "info"}>
              {strings.broadcasts.types[data.type]}
            </Badge>
            <p className="mt-2 font-semibold">{data.title}</p>
            <p className="mt-1 whitespace-pre-line text-sm">{data.body}</p>
          </figure>
          <p className="text-sm">
            <span className="text-muted">{strings.broadcasts.audienceSummary}: </span>
            {audienceWords(data.audience)}
          </p>
          <div aria-live="polite" data-testid="recipient-count">
            {countError ? (
              <FormMessage>{countError}</FormMessage>
            ) : !counted ? (
              <p className="text-sm text-muted">{strings.broadcasts.counting}</p>
            ) : recipientCount === 0 ? (
              <FormMessage>{strings.broadcasts.nobodyMatches}</FormMessage>
            ) : (
              <p className="text-sm font-medium">
                {strings.broadcasts.willReach(recipientCount)}
                {data.type === "promotional" ? ` ${strings.broadcasts.promotionalReach}` : ""}
              </p>
            )}
          </div>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
