import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { ProfileDetailsForm } from "./profile-details-form.tsx";

const { server, store } = setupTestServer();

const png = (bytes = 4) => new File([new Uint8Array(bytes).fill(0x89)], "me.png", { type: "image/png" });

function renderForm() {
  return render(
    <MockProviders>
      <ProfileDetailsForm profile={store.user} />
    </MockProviders>,
  );
}

describe("ProfilePicture", () => {
  it("uploads the chosen picture, shows it and removes it again", async () => {
    const user = userEvent.setup();
    const { rerender } = renderForm();
    await user.upload(screen.getByLabelText("Upload photo"), png());
    expect(await screen.findByText("Your photo is updated.")).toBeInTheDocument();
    expect(store.user.profilePicture).toMatch(/^data:image\/png;base64,/);

    rerender(
      <MockProviders>
        <ProfileDetailsForm profile={store.user} />
      </MockProviders>,
    );
    expect(screen.getByRole("img", { name: "Photo" })).toHaveAttribute("src", store.user.profilePicture);
    await user.click(screen.getByRole("button", { name: "Remove photo" }));
    expect(await screen.findByText("Your photo is removed.")).toBeInTheDocument();
    await waitFor(() => expect(store.user.profilePicture).toBeNull());
  });

  it("refuses another type or more than 2 MB before sending anything", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderForm();
    const before = store.user.profilePicture;
    let sent = 0;
    server.events.on("request:start", () => {
      sent += 1;
    });
    await user.upload(
      screen.getByLabelText("Upload photo"),
      new File(["GIF89a"], "me.gif", { type: "image/gif" }),
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a PNG, JPEG or WebP image.");
    await user.upload(screen.getByLabelText("Upload photo"), png(2 * 1024 * 1024 + 1));
    expect(screen.getByRole("alert")).toHaveTextContent("The picture is larger than 2 MB.");
    expect(sent).toBe(0);
    expect(store.user.profilePicture).toBe(before);
  });
});
