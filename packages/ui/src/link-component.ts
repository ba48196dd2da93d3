import type { ComponentType, ReactNode } from "react";

// The router stays in the apps: they pass React Router's `Link` / `NavLink`, which fit these shapes.

/** A client-side link, e.g. React Router's `Link`. */
export type LinkComponent = ComponentType<{ to: string; className?: string; children: ReactNode }>;

/** A link that knows whether it is the current page, e.g. React Router's `NavLink`. */
export type NavLinkComponent = ComponentType<{
  to: string;
  end?: boolean;
  onClick?: () => void;
  className: (state: { isActive: boolean }) => string;
  children: ReactNode;
}>;
