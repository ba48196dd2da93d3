import { useSendMessage, useUploadAttachment } from "@referral-app/api-client/react/message-hooks";
import { MESSAGE_MAX_LENGTH } from "@referral-app/shared/schemas/conversation";
import { Button } from "@referral-app/ui/button";
import { Textarea } from "@referral-app/ui/form";
import { type KeyboardEvent, useId, useRef, useState } from "react";

export interface ComposerStrings {
  label: string;
  placeholder: string;
  send: string;
  attach: string;
  removeAttachment: (name: string) => string;
  uploading: string;
  charactersLeft: (count: number) => string;
  sendFailed: string;
}

export interface MessageComposerProps {
  conversationId: string;
  strings: ComposerStrings;
  /** Text to put in the box (a saved reply); changes when the staff member picks another. */
  insert?: { text: string; nonce: number } | undefined;
  /** The app's sentence for a failed upload or send (the server's own words for a 4xx). */
  describeError: (error: unknown) => string;
}

/** The box under a thread: text, attachments (uploaded on send, with progress), Ctrl+Enter to send. */
export function MessageComposer({ conversationId, strings, insert, describeError }: MessageComposerProps) {
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const lastInsert = useRef(0);
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useSendMessage(conversationId);
  const upload = useUploadAttachment(conversationId);
  if (insert && insert.nonce !== lastInsert.current) {
    lastInsert.current = insert.nonce;
    setBody((current) => (current ? `${current}\n${insert.text}` : insert.text));
  }
  const busy = send.isPending || upload.isPending;
  const canSend = !busy && (body.trim().length > 0 || files.length > 0);

  async function submit() {
    if (!canSend) return;
    setError(null);
    try {
      const attachmentIds: string[] = [];
      setUploaded(0);
      for (const file of files) {
        attachmentIds.push((await upload.mutateAsync({ file, fileName: file.name })).id);
        setUploaded((count) => count + 1);
      }
      await send.mutateAsync({ body, attachmentIds });
      setBody("");
      setFiles([]);
    } catch (caught) {
      setError(describeError(caught) || strings.sendFailed);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const left = MESSAGE_MAX_LENGTH - body.length;
  return (
    <form
      className="space-y-2 border-t border-border pt-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {strings.label}
      </label>
      <Textarea
        id={inputId}
        rows={3}
        value={body}
        maxLength={MESSAGE_MAX_LENGTH}
        placeholder={strings.placeholder}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {files.length > 0 ? (
        <ul className="flex flex-wrap gap-2 text-sm">
          {files.map((file, index) => (
            <li
              key={`${file.name}-${file.size}-${file.lastModified}`}
              className="flex items-center gap-1 rounded-lg bg-subtle px-2 py-1"
            >
              <span className="max-w-48 truncate">{file.name}</span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={strings.removeAttachment(file.name)}
                onClick={() => setFiles((current) => current.filter((_, at) => at !== index))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {upload.isPending ? (
        <p role="status" className="text-sm text-muted">
          {strings.uploading} ({uploaded}/{files.length})
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <input
            ref={fileInput}
            type="file"
            className="sr-only"
            aria-label={strings.attach}
            accept="application/pdf,image/jpeg,image/png,image/heic,image/webp"
            multiple
            onChange={(event) => {
              const picked = [...(event.target.files ?? [])];
              setFiles((current) => [...current, ...picked].slice(0, 10));
              event.target.value = "";
            }}
          />
          <Button variant="secondary" size="sm" onClick={() => fileInput.current?.click()}>
            {strings.attach}
          </Button>
          <span className="text-xs text-muted" aria-live="polite">
            {left < 500 ? strings.charactersLeft(left) : ""}
          </span>
        </div>
        <Button type="submit" loading={busy} disabled={!canSend}>
          {strings.send}
        </Button>
      </div>
    </form>
  );
}
