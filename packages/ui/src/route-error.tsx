import { buttonClasses } from "./button.tsx";
import type { LinkComponent } from "./link-component.ts";

export interface RouteErrorStrings {
  genericError: string;
  retry: string;
  goHome: string;
}

/** For a route that failed to load or render (e.g. a chunk missing after a deploy): reload or go home. */
export function RouteError({
  strings,
  linkComponent: Link,
}: {
  strings: RouteErrorStrings;
  linkComponent: LinkComponent;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6"
    >
      <h1 className="text-xl font-semibold">{strings.genericError}</h1>
      <div className="flex gap-2">
        <button type="button" className={buttonClasses()} onClick={() => window.location.reload()}>
          {strings.retry}
        </button>
        <Link to="/" className={buttonClasses({ variant: "secondary" })}>
          {strings.goHome}
        </Link>
      </div>
    </main>
  );
}
