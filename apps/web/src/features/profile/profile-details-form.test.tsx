import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { ProfileDetailsForm } from "./profile-details-form.tsx";

const { store } = setupTestServer();

describe("ProfileDetailsForm", () => {
  it("saves name, phone and country through PATCH /users/me/profile, leaving the photo alone", async () => {
    store.user = { ...store.user, profilePicture: "/api/files/2f4bd9c1-6a59-4cc4-8b5a-7b3a4f7b8f10" };
    render(
      <MockProviders>
        <ProfileDetailsForm profile={store.user} />
      </MockProviders>,
    );
    const name = screen.getByLabelText("Full name");
    await userEvent.clear(name);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(name).toHaveAccessibleDescription("Enter a name");

    await userEvent.type(name, "Ana María López");
    // A picker of names, not a two-letter box: "Spain" is stored as its ISO code.
    await userEvent.selectOptions(screen.getByLabelText("Country"), "Spain");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Your changes are saved.")).toBeInTheDocument();
    await waitFor(() => expect(store.user.name).toBe("Ana María López"));
    expect(store.user.country).toBe("ES");
    expect(store.user.profilePicture).toBe("/api/files/2f4bd9c1-6a59-4cc4-8b5a-7b3a4f7b8f10");
  });
});
