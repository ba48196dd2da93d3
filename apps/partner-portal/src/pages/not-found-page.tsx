import { buttonClasses } from "@referral-app/ui/button";
import { Link } from "react-router";
import { strings } from "../strings.ts";

export function Component() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6"
    >
      <h1 className="text-xl font-semibold">{strings.common.notFound}</h1>
      <Link to="/" className={buttonClasses()}>
        {strings.common.goHome}
      </Link>
    </main>
  );
}
