import { DEMO_PASSWORD } from "@referral-app/api-client/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../test/mock-providers.tsx";
import { setupTestServer } from "../test/mock-server.ts";
import { SignInForm } from "./sign-in-page.tsx";

const { store } = setupTestServer({ signedIn: false });

function renderForm() {
  render(
    <MockProviders route="/sign-in">
      <SignInForm />
    </MockProviders>,
  );
}

describe("SignInForm", () => {
  it("validates with the shared schema before calling the API", async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText("Email"), "not-an-email");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password");
    expect(store.signedIn).toBe(false);
  });

  it("tells the user when the email or password is wrong", async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText("Email"), store.user.email);
    await userEvent.type(screen.getByLabelText("Password"), "wrong-password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The email or password is incorrect.");
  });

  it("signs in with the right password", async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText("Email"), store.user.email);
    await userEvent.type(screen.getByLabelText("Password"), DEMO_PASSWORD);
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await expect.poll(() => store.signedIn).toBe(true);
  });
});
