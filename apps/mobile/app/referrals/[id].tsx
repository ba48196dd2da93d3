import { useLocalSearchParams } from "expo-router";
import { ReferralDetailScreen } from "../../src/screens/referral-detail-screen";

export default function ReferralDetailRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  return <ReferralDetailScreen id={id} />;
}
