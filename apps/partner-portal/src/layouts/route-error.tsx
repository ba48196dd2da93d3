import { RouteError } from "@referral-app/ui/route-error";
import { Link } from "react-router";
import { strings } from "../strings.ts";

/** Shown when a route fails to load or render (e.g. a chunk missing after a deploy). */
export function ErrorBoundary() {
  return <RouteError strings={strings.common} linkComponent={Link} />;
}
