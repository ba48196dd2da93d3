import { type ReactNode, useId } from "react";
import { cn } from "./cn.ts";
import { useIsNarrow } from "./use-media-query.ts";

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Marks the column whose cell names the row (rendered as a row header; a card's title on phones). */
  rowHeader?: boolean;
  /** The label beside the value on a phone's card; `false` shows the value alone (checkboxes, buttons). */
  cardLabel?: ReactNode | false;
  className?: string;
}

export interface TableProps<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Describes the table; visually hidden unless `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  className?: string;
}

// Cells wrap anywhere (a 1,000-character name must not widen the page) and never shrink below a word.
const CELL = "px-4 py-3 align-top [overflow-wrap:anywhere]";

/**
 * A semantic data table; below 640 px the same rows as a list of cards (no sideways scrolling on a
 * phone). Long values wrap inside their cell instead of widening the table.
 */
export function Table<Row>(props: TableProps<Row>) {
  return useIsNarrow() ? <CardList {...props} /> : <WideTable {...props} />;
}

function WideTable<Row>({ columns, rows, rowKey, caption, showCaption = false, className }: TableProps<Row>) {
  const captionId = useId();
  return (
    // The scroll container takes focus so keyboard users can scroll a wide table sideways. A group,
    // not a region: a card titled like its table would make two landmarks of one name.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this names a scroll area
    <div
      role="group"
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: axe requires a scrollable region to be focusable
      tabIndex={0}
      className={cn(
        "min-w-0 max-w-full overflow-x-auto rounded-card border border-border focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        className,
      )}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption id={captionId} className={showCaption ? "p-3 text-left font-medium" : "sr-only"}>
          {caption}
        </caption>
        <thead className="bg-subtle text-xs uppercase tracking-wide text-muted">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cn("px-4 py-2.5 font-semibold", column.className)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border bg-card">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-subtle/60">
              {columns.map((column) =>
                column.rowHeader ? (
                  <th
                    key={column.key}
                    scope="row"
                    className={cn(CELL, "font-medium text-fg", column.className)}
                  >
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cn(CELL, "text-fg", column.className)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CardList<Row>({ columns, rows, rowKey, caption, showCaption = false, className }: TableProps<Row>) {
  const captionId = useId();
  const title = columns.find((column) => column.rowHeader);
  const rest = columns.filter((column) => column !== title);
  return (
    <div className={cn("min-w-0", className)}>
      <p id={captionId} className={showCaption ? "mb-2 text-sm font-medium" : "sr-only"}>
        {caption}
      </p>
      <ul aria-labelledby={captionId} className="space-y-3">
        {rows.map((row) => (
          <li
            key={rowKey(row)}
            className="space-y-2 rounded-card border border-border bg-card p-4 text-sm [overflow-wrap:anywhere]"
          >
            {title ? <div className="font-medium text-fg">{title.cell(row)}</div> : null}
            <dl className="space-y-1.5">
              {rest
                .filter((column) => column.cardLabel !== false)
                .map((column) => (
                  <div key={column.key} className="flex items-start justify-between gap-3">
                    <dt className="shrink-0 text-xs text-muted">{column.cardLabel ?? column.header}</dt>
                    <dd className="min-w-0 text-right text-fg">{column.cell(row)}</dd>
                  </div>
                ))}
            </dl>
            {rest
              .filter((column) => column.cardLabel === false)
              .map((column) => (
                <div key={column.key}>{column.cell(row)}</div>
              ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
