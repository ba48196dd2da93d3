import type { ReactNode } from "react";

export interface AccessDeniedProps {
  title: ReactNode;
  message: ReactNode;
  /** Which account is signed in, e.g. its email. */
  account: ReactNode;
  /** Usually a sign-out button. */
  action: ReactNode;
}

/** A full page telling a signed-in account that this app is not for it. */
export function AccessDenied({ title, message, account, action }: AccessDeniedProps) {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-muted">{message}</p>
      <p className="text-sm text-muted">{account}</p>
      {action}
    </main>
  );
}
