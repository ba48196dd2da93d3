import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Checkbox, Field, Form, FormMessage, Input, Select, Textarea } from "./form.tsx";

describe("Field", () => {
  it("labels its control and links hint and error through aria-describedby", () => {
    render(
      <Field label="Email" hint="We never share it" error="Enter a valid email address" required>
        <Input name="email" />
      </Field>,
    );
    const input = screen.getByLabelText("Email");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("aria-required", "true");
    expect(input).toHaveAccessibleDescription("We never share it Enter a valid email address");
  });

  it("is not invalid without an error", () => {
    render(
      <Field label="Full Name">
        <Input />
      </Field>,
    );
    const input = screen.getByLabelText("Full Name");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
  });

  it("works for selects and text areas", async () => {
    render(
      <>
        <Field label="Relationship">
          <Select defaultValue="">
            <option value="">Choose…</option>
            <option value="friend">Friend</option>
          </Select>
        </Field>
        <Field label="Notes" error="Too long">
          <Textarea />
        </Field>
      </>,
    );
    await userEvent.selectOptions(screen.getByLabelText("Relationship"), "friend");
    expect(screen.getByLabelText("Relationship")).toHaveValue("friend");
    expect(screen.getByLabelText("Notes")).toHaveAccessibleDescription("Too long");
  });
});

describe("Checkbox", () => {
  it("toggles by its label, and as a switch exposes role=switch", async () => {
    render(
      <>
        <Checkbox label="I have their consent" error="Required" />
        <Checkbox label="Email" variant="switch" defaultChecked />
      </>,
    );
    const box = screen.getByRole("checkbox", { name: "I have their consent" });
    await userEvent.click(screen.getByText("I have their consent"));
    expect(box).toBeChecked();
    expect(box).toHaveAccessibleDescription("Required");
    const toggle = screen.getByRole("switch", { name: "Email" });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    expect(toggle).not.toBeChecked();
  });
});

describe("Form", () => {
  it("submits without native validation bubbles and announces messages", async () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <Form onSubmit={onSubmit} aria-label="Test form">
        <FormMessage>Something went wrong</FormMessage>
        <button type="submit">Go</button>
      </Form>,
    );
    expect(screen.getByRole("form", { name: "Test form" })).toHaveAttribute("novalidate");
    expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong");
    await userEvent.click(screen.getByRole("button", { name: "Go" }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});
