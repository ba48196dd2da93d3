import { type ReactNode, useId } from "react";
import { cn } from "./cn.ts";

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Marks the column whose cell names the row (rendered as a row header). */
  rowHeader?: boolean;
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

/** A semantic data table that scrolls sideways on narrow screens instead of overflowing the page. */
export function Table<Row>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption = false,
  className,
}: TableProps<Row>) {
  const captionId = useId();
  return (
    // The scroll container takes focus so keyboard users can scroll a wide table sideways.
    <section
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: axe requires a scrollable region to be focusable
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-card border border-border focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
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
                    className={cn("px-4 py-3 font-medium text-fg", column.className)}
                  >
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cn("px-4 py-3 text-fg", column.className)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
