import { cn } from "@referral-app/ui/cn";
import { type DragEvent, useId, useState } from "react";
import { strings } from "../../strings.ts";

/** A file input that also takes a dropped file; the input stays the keyboard path. */
export function CsvDropZone({ onFile }: { onFile: (file: File) => void }) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for mice; the file input inside is the keyboard path
    <div
      data-testid="csv-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-card border-2 border-dashed p-8 text-center",
        over ? "border-brand bg-brand-soft" : "border-border bg-card",
      )}
    >
      <p className="text-sm text-muted">{strings.import.drop}</p>
      <label
        htmlFor={inputId}
        className="cursor-pointer rounded-lg border border-border bg-card px-4 py-2 text-sm font-medium shadow-sm hover:bg-subtle has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
      >
        {strings.import.choose}
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          aria-label={strings.import.fileLabel}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = "";
          }}
        />
      </label>
    </div>
  );
}
