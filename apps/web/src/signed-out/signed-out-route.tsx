import { safeNext } from "@referral-app/app-kit/sign-in-redirect";
import { type ComponentType, use } from "react";
import { type Location, Navigate } from "react-router";
import { BootScreen } from "../boot-screen.tsx";
import { detectLanguage } from "../i18n/language.ts";
import { useHistoryEntry } from "../routing/transition-router.tsx";
import { isSignedIn, takeKnownSignedOut } from "./auth-request.ts";
import { type LoadedStrings, loadSignedOutStrings } from "./signed-out-strings.tsx";

interface Visit {
  /** Where someone already signed in goes instead; null when the entry just found them signed out. */
  next: Promise<string | null> | null;
  strings: Promise<LoadedStrings>;
}

// Asked once per navigation: re-renders read the same answers, a later visit (Back too) asks again.
const visits = new WeakMap<Location, Visit>();

async function signedInNext(search: string): Promise<string | null> {
  return (await isSignedIn()) ? safeNext(new URLSearchParams(search).get("next")) : null;
}

function visitOf(entry: Location): Visit {
  let visit = visits.get(entry);
  if (!visit) {
    visit = {
      next: takeKnownSignedOut() ? null : signedInNext(entry.search),
      strings: loadSignedOutStrings(detectLanguage()),
    };
    visits.set(entry, visit);
  }
  return visit;
}

/**
 * The signed-out pages' route, in the entry chunk so that their words (the visitor's language only)
 * and the session check start with the layout module, not after it. Someone already signed in goes
 * straight on to where they were heading, before any signed-out page shows.
 */
export function SignedOutRoute({ layout: Layout }: { layout: ComponentType<{ initial: LoadedStrings }> }) {
  const visit = visitOf(useHistoryEntry());
  const next = visit.next && use(visit.next);
  if (next) {
    return (
      <>
        <BootScreen />
        <Navigate to={next} replace />
      </>
    );
  }
  return <Layout initial={use(visit.strings)} />;
}
