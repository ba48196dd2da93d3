import { buttonClasses } from "@referral-app/ui/button";
import { Link } from "react-router";
import { strings } from "../strings.ts";

/** Shown when a route fails to load or render (e.g. a chunk missing after a deploy). */
export function ErrorBoundary() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6"
    >
      <h1 className="text-xl font-semibold">{strings.common.genericError}</h1>
      <div className="flex gap-2">
        <button type="button" className={buttonClasses()} onClick={() => window.location.reload()}>
          {strings.common.retry}
        </button>
        <Link to="/" className={buttonClasses({ variant: "secondary" })}>
          {strings.common.goHome}
        </Link>
      </div>
    </main>
  );
}
