import { useCase } from "@referral-app/api-client/react";
import { CaseDetail } from "../components/case-detail";
import { Screen } from "../components/screen";

export function CaseScreen({ id }: { id: string }) {
  const visaCase = useCase(id);
  return (
    <Screen refreshing={visaCase.isRefetching} onRefresh={() => void visaCase.refetch()}>
      <CaseDetail id={id} />
    </Screen>
  );
}
