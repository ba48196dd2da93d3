import { DEMO_PASSWORD } from "@referral-app/api-client/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../test/mock-providers.tsx";
import { setupTestServer } from "../test/mock-server.ts";
import { SignInForm } from "./sign-in-page.tsx";

const { server, store } = setupTestServer({ signedIn: false });

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

  it("names the cause when the server refuses: a foreign address, too many attempts", async () => {
    const refusals: { status: number; code: string; headers: Record<string, string>; shown: string }[] = [
      {
        status: 403,
        code: "ORIGIN_NOT_ALLOWED",
        headers: {},
        shown: "This address is not allowed to sign in here. Open the app at its usual address.",
      },
      {
        status: 429,
        code: "RATE_LIMITED",
        headers: { "Retry-After": "42" },
        shown: "Too many attempts. Try again in 42 s.",
      },
    ];
    for (const refusal of refusals) {
      server.use(
        http.post("http://localhost:3000/api/auth/sign-in/email", () =>
          HttpResponse.json(
            { status: "error", message: "No", error: { code: refusal.code, message: "No" } },
            { status: refusal.status, headers: refusal.headers },
          ),
        ),
      );
      const { unmount } = render(
        <MockProviders route="/sign-in">
          <SignInForm />
        </MockProviders>,
      );
      await userEvent.type(screen.getByLabelText("Email"), store.user.email);
      await userEvent.type(screen.getByLabelText("Password"), DEMO_PASSWORD);
      await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
      expect(await screen.findByRole("alert")).toHaveTextContent(refusal.shown);
      unmount();
    }
  });
});
