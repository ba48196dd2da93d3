import { IDEMPOTENCY_KEY_HEADER } from "@referral-app/shared/constants";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { ReferralForm } from "./referral-form.tsx";

const { server, store } = setupTestServer();

async function fillAndSubmit(name: string, email: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Full Name"), name);
  await user.type(screen.getByLabelText("Email"), email);
  await user.click(screen.getByRole("button", { name: "Submit Referral" }));
  return user;
}

describe("ReferralForm", () => {
  it("requires only the full name and email, with messages tied to the fields", async () => {
    render(
      <MockProviders>
        <ReferralForm />
      </MockProviders>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Submit Referral" }));
    const name = screen.getByLabelText("Full Name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Enter a name");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address");
    expect(screen.getByLabelText("Phone")).not.toHaveAttribute("aria-invalid");
  });

  it("says clearly when the person was already referred", async () => {
    const existing = store.referrals[0];
    if (!existing) throw new Error("the mock store has no referrals");
    render(
      <MockProviders>
        <ReferralForm />
      </MockProviders>,
    );
    await fillAndSubmit("Someone Again", existing.email);
    expect(await screen.findByRole("alert")).toHaveTextContent(/already been referred/);
    expect(screen.queryByText("Referral submitted successfully!")).not.toBeInTheDocument();
  });

  it("retries after a network error with the same Idempotency-Key and creates one referral", async () => {
    const keys: string[] = [];
    let failNext = true;
    server.use(
      http.post("http://localhost:3000/api/referrals", ({ request }) => {
        keys.push(request.headers.get(IDEMPOTENCY_KEY_HEADER) ?? "missing");
        if (failNext) {
          failNext = false;
          return HttpResponse.error();
        }
        // Fall through to the mock API's own handler for the real answer.
        return undefined;
      }),
    );
    const before = store.referrals.length;
    render(
      <MockProviders>
        <ReferralForm />
      </MockProviders>,
    );
    const user = await fillAndSubmit("Retry Person", "retry.person@example.com");
    expect(await screen.findByRole("alert")).toHaveTextContent(/couldn't reach the server/);
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Referral submitted successfully!")).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe("missing");
    expect(keys[1]).toBe(keys[0]);
    expect(store.referrals.length).toBe(before + 1);
  });
});
