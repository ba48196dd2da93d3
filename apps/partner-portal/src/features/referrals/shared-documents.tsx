import { isApiError } from "@referral-app/api-client/errors";
import { useApi, useCaseDocuments } from "@referral-app/api-client/react";
import type { ChecklistLine } from "@referral-app/shared/schemas/document";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

const words = strings.sharedDocuments;

function DownloadButton({ documentId, name }: { documentId: string; name: string }) {
  const { services } = useApi();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setFailed(null);
    try {
      // A short-lived signed link; the server audits who downloaded which version.
      const link = await services.documents.getLink(documentId, { disposition: "attachment" });
      window.location.assign(link.url);
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" variant="secondary" loading={busy} onClick={() => void download()}>
        {words.download(name)}
      </Button>
      {failed ? <FormMessage tone="error">{errorMessage(failed)}</FormMessage> : null}
    </>
  );
}

const lineName = (line: ChecklistLine) =>
  line.applicant ? `${line.requirement.name} (${line.applicant.name})` : line.requirement.name;

/**
 * Read-only: the documents of a referred client's case, when the client agreed to share them with
 * this partner organisation. Without that agreement the server answers 404, said here in words.
 */
export function SharedDocuments({ caseId }: { caseId: string }) {
  const checklist = useCaseDocuments(caseId);
  let body = <p className="text-sm text-muted">{strings.app.loading}</p>;
  if (checklist.error)
    body =
      isApiError(checklist.error) && checklist.error.status === 404 ? (
        <p className="text-sm text-muted">{words.notShared}</p>
      ) : (
        <FormMessage tone="error">{errorMessage(checklist.error)}</FormMessage>
      );
  else if (checklist.data) {
    const lines = checklist.data.lines.filter((line) => line.document);
    body =
      lines.length === 0 ? (
        <p className="text-sm text-muted">{words.empty}</p>
      ) : (
        <ul className="space-y-2" aria-label={words.caption}>
          {lines.map((line) => {
            const document = line.document!;
            return (
              <li key={document.id} className="rounded-md border border-border p-2 text-sm">
                <p className="font-medium">{lineName(line)}</p>
                <p className="text-muted">
                  {words.version(document.current.fileName ?? "", document.current.version)} ·{" "}
                  {words.states[line.state]}
                </p>
                <div className="mt-1">
                  <DownloadButton documentId={document.id} name={lineName(line)} />
                </div>
              </li>
            );
          })}
        </ul>
      );
  }
  return (
    <section className="space-y-2">
      <h3 className="font-semibold">{words.title}</h3>
      {body}
    </section>
  );
}
