import { PageHeader } from "@referral-app/ui/page-header";
import { strings } from "../../strings.ts";
import { CasesView } from "./cases-view.tsx";
import { CreateCaseDialog } from "./create-case-dialog.tsx";

export function Component() {
  return (
    <>
      <PageHeader title={strings.cases.title} actions={<CreateCaseDialog />} />
      <CasesView />
    </>
  );
}
