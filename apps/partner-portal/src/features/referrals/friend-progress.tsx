import type { Referral } from "@referral-app/shared/schemas/referral";

// English, like the rest of the portal until it is translated.
const STAGES: Record<string, string> = {
  enquiry: "Enquiry",
  detailed_enquiry: "Detailed enquiry",
  assessment: "Assessment",
  application: "Application",
  payment: "Payment",
};
const OUTCOMES: Record<string, string> = {
  granted: "was granted",
  refused: "was refused",
  withdrawn: "was withdrawn",
};

/** What the client lets this partner see: "Mei signed up", "Mei is at Assessment", "Mei's visa was granted". */
export function FriendProgress({ referral }: { referral: Referral }) {
  const friend = referral.friend;
  if (!friend) return null;
  const name = referral.fullName.split(" ")[0] ?? referral.fullName;
  const text = friend.outcome
    ? `${name}'s visa ${OUTCOMES[friend.outcome]}`
    : friend.stage
      ? `${name} is at ${STAGES[friend.stage]}`
      : `${name} signed up`;
  return <span className="block text-xs text-muted">{text}</span>;
}
