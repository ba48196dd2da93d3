import type { ReactNode } from "react";

export interface AuthScreenProps {
  /** The app's name, top left. */
  brand: ReactNode;
  /** Top right, e.g. the theme select. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of a signed-out page: a slim header and the content centred as `<main id="main">`. */
export function AuthScreen({ brand, actions, children }: AuthScreenProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <p className="text-lg font-semibold">{brand}</p>
        {actions}
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center">
        {children}
      </main>
    </div>
  );
}
