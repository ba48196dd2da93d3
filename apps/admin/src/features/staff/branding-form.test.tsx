import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { BrandingForm } from "./branding-form.tsx";

const api = setupCaseServer({ role: "admin" });

// A PNG signature: the form reads only the declared type and size, the API checks the data URL.
const png = () =>
  new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], "logo.png", { type: "image/png" });

describe("branding settings", () => {
  it("saves the name, promise, address and an uploaded logo as a data URL", async () => {
    const user = userEvent.setup();
    renderPage(<BrandingForm />);
    const form = await screen.findByRole("form", { name: "Name and landing page" });
    const name = within(form).getByLabelText(/Business name/);
    await user.clear(name);
    await user.type(name, "Lima Visas");
    await user.type(within(form).getByLabelText("One-line promise"), "Your visa, handled end to end");
    await user.type(within(form).getByLabelText("Address"), "1 Main St");
    await user.upload(within(form).getByLabelText("Logo"), png());
    expect(await within(form).findByRole("img", { name: "Logo preview" })).toHaveAttribute(
      "src",
      expect.stringMatching(/^data:image\/png;base64,/),
    );
    await user.click(within(form).getByRole("button", { name: "Save name and landing page" }));
    await expect.poll(() => api.calls.at(-1)?.route).toBe("PATCH admin/settings");
    expect(api.calls.at(-1)?.body).toEqual({
      businessName: "Lima Visas",
      businessAddress: "1 Main St",
      tagline: "Your visa, handled end to end",
      logoDataUrl: "data:image/png;base64,iVBORw0KGgo=",
    });
  });

  it("refuses a logo that is not a PNG or JPEG, in words, and keeps none", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPage(<BrandingForm />);
    const form = await screen.findByRole("form", { name: "Name and landing page" });
    await user.upload(
      within(form).getByLabelText("Logo"),
      new File(["<svg/>"], "logo.svg", { type: "image/svg+xml" }),
    );
    expect(await within(form).findByText("Choose a PNG or JPEG image.")).toBeInTheDocument();
    expect(within(form).queryByRole("img")).not.toBeInTheDocument();
  });
});
