import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AuthScreen } from "./auth-screen.tsx";
import { SignInForm, type SignInFormProps } from "./sign-in-form.tsx";

const strings = {
  title: "Staff sign in",
  subtitle: "Use your staff account.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
};

function renderForm(props: Partial<SignInFormProps> = {}) {
  const onSubmit = vi.fn(async () => undefined);
  render(
    <AuthScreen brand="Staff dashboard" actions={<button type="button">Theme</button>}>
      <SignInForm strings={strings} onSubmit={onSubmit} pending={false} {...props} />
    </AuthScreen>,
  );
  return onSubmit;
}

describe("SignInForm", () => {
  it("is a form named by its heading, inside the signed-out frame", () => {
    renderForm();
    expect(screen.getByRole("main")).toContainElement(screen.getByRole("heading", { name: "Staff sign in" }));
    expect(screen.getByRole("form", { name: "Staff sign in" })).toBeInTheDocument();
    expect(screen.getByText("Use your staff account.")).toBeInTheDocument();
    expect(screen.getByText("Staff dashboard")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Theme" })).toBeInTheDocument();
  });

  it("hands valid credentials to the app", async () => {
    const onSubmit = renderForm();
    await userEvent.type(screen.getByLabelText(/Email/), "staff@example.com");
    await userEvent.type(screen.getByLabelText(/Password/), "secret-pass");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(onSubmit).toHaveBeenCalledWith({ email: "staff@example.com", password: "secret-pass" });
  });

  it("explains missing fields without calling the app", async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your password")).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute("aria-invalid", "true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the app's error, and keeps a failed sign-in from escaping", async () => {
    const onSubmit = vi.fn(async () => {
      throw new Error("401");
    });
    render(
      <SignInForm strings={strings} onSubmit={onSubmit} pending={false} error="Wrong email or password." />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Wrong email or password.");
    await userEvent.type(screen.getByLabelText(/Email/), "staff@example.com");
    await userEvent.type(screen.getByLabelText(/Password/), "wrong");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it("shows the submit button busy while pending", () => {
    renderForm({ pending: true });
    expect(screen.getByRole("button", { name: /Sign in/ })).toHaveAttribute("aria-busy", "true");
  });
});
