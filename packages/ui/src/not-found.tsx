import { buttonClasses } from "./button.tsx";
import type { LinkComponent } from "./link-component.ts";

export interface NotFoundStrings {
  notFound: string;
  goHome: string;
}

/** The page for an unknown path, with a way back to the app's home. */
export function NotFound({
  strings,
  linkComponent: Link,
}: {
  strings: NotFoundStrings;
  linkComponent: LinkComponent;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6"
    >
      <h1 className="text-xl font-semibold">{strings.notFound}</h1>
      <Link to="/" className={buttonClasses()}>
        {strings.goHome}
      </Link>
    </main>
  );
}
