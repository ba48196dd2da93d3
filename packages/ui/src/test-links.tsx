import type { ReactNode } from "react";

// Stand-ins for React Router's Link / NavLink: the package itself has no router.

export function TestLink({
  to,
  className,
  children,
}: {
  to: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={to} className={className}>
      {children}
    </a>
  );
}

/** A NavLink that is active for the jsdom window's current path (set it with history.replaceState). */
export function TestNavLink({
  to,
  end,
  onClick,
  className,
  children,
}: {
  to: string;
  end?: boolean;
  onClick?: () => void;
  className: (state: { isActive: boolean }) => string;
  children: ReactNode;
}) {
  const path = window.location.pathname;
  const isActive = end ? path === to : path.startsWith(to);
  return (
    <a
      href={to}
      aria-current={isActive ? "page" : undefined}
      className={className({ isActive })}
      onClick={(event) => {
        event.preventDefault();
        onClick?.();
      }}
    >
      {children}
    </a>
  );
}
