import { useApi, useCaseDocuments } from "@referral-app/api-client/react";
import { useReviewDocument } from "@referral-app/api-client/react/case-admin-hooks";
import type { ChecklistLine } from "@referral-app/shared/schemas/document";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useState } from "react";
import { strings } from "../../strings.ts";

const words = strings.documents;

/** The current version shown in the page: PDFs in a frame, images as images, through a signed link. */
function Preview({
  documentId,
  contentType,
  name,
}: {
  documentId: string;
  contentType: string;
  name: string;
}) {
  const { services } = useApi();
  const [url, setUrl] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = async () => {
    if (!open && !url) setUrl((await services.documents.getLink(documentId, { disposition: "inline" })).url);
    setOpen(!open);
  };
  return (
    <div className="mt-2">
      <Button variant="secondary" size="sm" onClick={() => void toggle()}>
        {open ? words.hidePreview : words.preview}
      </Button>
      {open && url ? (
        contentType === "application/pdf" ? (
          <iframe
            title={words.previewOf(name)}
            src={url}
            className="mt-2 h-96 w-full rounded border border-border"
          />
        ) : (
          <img alt={words.previewOf(name)} src={url} className="mt-2 max-h-96 rounded border border-border" />
        )
      ) : null}
    </div>
  );
}

function ReviewRow({ line, caseId }: { line: ChecklistLine; caseId: string }) {
  const review = useReviewDocument(caseId);
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const document = line.document!;
  const name = line.applicant ? `${line.requirement.name} (${line.applicant.name})` : line.requirement.name;
  const decide = (decision: "accepted" | "rejected") => {
    if (decision === "rejected" && !reason.trim()) return setMissingReason(true);
    setMissingReason(false);
    review.mutate({
      id: document.id,
      decision,
      ...(decision === "rejected" ? { reason: reason.trim() } : {}),
    });
  };
  const reasonId = `reason-${document.id}`;
  return (
    <li className="rounded-lg border border-border p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">{name}</p>
        <Badge tone={line.state === "uploaded" ? "info" : "neutral"}>{words.states[line.state]}</Badge>
      </div>
      <p className="text-xs text-muted">
        {words.version(document.current.fileName ?? "", document.current.version)}
      </p>
      <Preview documentId={document.id} contentType={document.current.contentType} name={name} />
      <div className="mt-3 space-y-2">
        <label htmlFor={reasonId} className="block text-sm">
          {words.reason}
        </label>
        <textarea
          id={reasonId}
          className="w-full rounded-md border border-border bg-transparent p-2 text-sm"
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {missingReason ? <FormMessage tone="error">{words.reasonRequired}</FormMessage> : null}
        {review.error ? <FormMessage tone="error">{review.error.message}</FormMessage> : null}
        <div className="flex gap-2">
          <Button size="sm" onClick={() => decide("accepted")} disabled={review.isPending}>
            {words.accept}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => decide("rejected")}
            disabled={review.isPending}
          >
            {words.reject}
          </Button>
        </div>
      </div>
    </li>
  );
}

/** Staff: the documents waiting for a decision on this case, with an inline preview each. */
export function CaseDocumentsReview({ caseId }: { caseId: string }) {
  const checklist = useCaseDocuments(caseId);
  let body = <SkeletonList label={strings.app.loading} lines={2} />;
  if (checklist.data) {
    const waiting = checklist.data.lines.filter((line) => line.document && line.state === "uploaded");
    if (checklist.data.lines.length === 0) body = <p className="text-sm text-muted">{words.none}</p>;
    else if (waiting.length === 0) body = <p className="text-sm text-muted">{words.empty}</p>;
    else
      body = (
        <ul className="space-y-3">
          {waiting.map((line) => (
            <ReviewRow key={line.document!.id} line={line} caseId={caseId} />
          ))}
        </ul>
      );
  } else if (checklist.error) body = <FormMessage tone="error">{checklist.error.message}</FormMessage>;
  return <Card title={words.title}>{body}</Card>;
}
