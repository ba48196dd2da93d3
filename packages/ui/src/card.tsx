import { type HTMLAttributes, type ReactNode, useId } from "react";
import { cn } from "./cn.ts";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links shown beside the title. */
  actions?: ReactNode;
  /** The heading level of the title, so the page outline stays right (default h2). */
  headingLevel?: 2 | 3 | 4;
}

/** A surface; with a title it becomes a labelled region (`<section aria-labelledby>`). */
export function Card({
  title,
  description,
  actions,
  headingLevel = 2,
  className,
  children,
  ...props
}: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      aria-labelledby={title ? headingId : undefined}
      className={cn("rounded-card border border-border bg-card p-5 shadow-sm", className)}
      {...props}
    >
      {title || actions ? (
        <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div>
            {title ? (
              <Heading id={headingId} className="text-base font-semibold text-fg">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
          </div>
          {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}
