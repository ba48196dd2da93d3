import { useRouter } from "expo-router";
import { CasesScreen } from "../../src/screens/cases-screen";

export default function CasesRoute() {
  const router = useRouter();
  return <CasesScreen onOpenCase={(id) => router.push({ pathname: "/cases/[id]", params: { id } })} />;
}
