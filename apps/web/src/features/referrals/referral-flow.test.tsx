import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { ReferralForm } from "./referral-form.tsx";

setupTestServer();

// The seed's integration test (scalability guide, "Referral Flow"), kept as written.
describe("Referral Flow", () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("should create a referral successfully", async () => {
    render(
      <MockProviders>
        <ReferralForm />
      </MockProviders>,
    );

    // Fill form
    fireEvent.change(screen.getByLabelText("Full Name"), {
      target: { value: "John Doe" },
    });
    fireEvent.change(screen.getByLabelText("Email"), {
      target: { value: "john@example.com" },
    });

    // Submit form
    fireEvent.click(screen.getByRole("button", { name: "Submit Referral" }));

    await waitFor(() => {
      expect(screen.getByText("Referral submitted successfully!")).toBeInTheDocument();
    });
  });
});
