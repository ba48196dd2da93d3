import { NotFound } from "@referral-app/ui/not-found";
import { Link } from "react-router";
import { strings } from "../strings.ts";

export function Component() {
  return <NotFound strings={strings.common} linkComponent={Link} />;
}
