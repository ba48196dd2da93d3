import { render, screen } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { ReferralDetailScreen } from "./referral-detail-screen";

async function renderReferral(pick: (overdue: boolean) => boolean) {
  const network = createTestNetwork();
  const referral = network.store.referrals.find(
    (item) => item.status === "pending" && pick(item.contactOverdue),
  );
  if (!referral) throw new Error("the mock store has no such pending referral");
  const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
  await render(app.wrap(<ReferralDetailScreen id={referral.id} />));
  await screen.findByText(referral.fullName);
  return referral;
}

describe("ReferralDetailScreen", () => {
  it("says by which day we will contact a pending friend", async () => {
    const referral = await renderReferral((overdue) => !overdue);
    const first = referral.fullName.split(" ")[0];
    expect(screen.getByText(new RegExp(`^We will contact ${first} by [A-Z][a-z]+day, `))).toBeOnTheScreen();
  });

  it("says it is taking longer than usual past the deadline", async () => {
    await renderReferral((overdue) => overdue);
    expect(screen.getByText("Taking longer than usual")).toBeOnTheScreen();
    expect(screen.queryByText(/^We will contact/)).not.toBeOnTheScreen();
  });

  it("says the reward in the one vocabulary: held until its date while the holding period runs", async () => {
    const network = createTestNetwork();
    const referral = network.store.referrals.find((item) => item.reward?.status === "approved");
    if (!referral?.reward) throw new Error("the mock store has no converted referral");
    referral.reward = { ...referral.reward, status: "pending", availableAt: "2999-01-15T12:00:00Z" };
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    await render(app.wrap(<ReferralDetailScreen id={referral.id} />));
    expect(await screen.findByText("Your reward: $100.00 · Held until January 15, 2999")).toBeOnTheScreen();
  });
});
