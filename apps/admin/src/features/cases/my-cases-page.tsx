import { PageHeader } from "@referral-app/ui/page-header";
import { strings } from "../../strings.ts";
import { CasesView } from "./cases-view.tsx";

const MINE = { consultantId: "me" } as const;

/** The signed-in consultant's cases: the case list pinned to "assigned to me". */
export function Component() {
  return (
    <>
      <PageHeader title={strings.cases.myTitle} description={strings.cases.myDescription} />
      <CasesView fixed={MINE} />
    </>
  );
}
