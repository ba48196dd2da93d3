import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CountrySelect } from "./country-select.tsx";

const labels = { placeholder: "Choose a country", unknownLabel: (code: string) => `Unknown (${code})` };

describe("CountrySelect", () => {
  it("names countries in the viewer's language and submits the code", async () => {
    const onChange = vi.fn();
    render(<CountrySelect aria-label="Country" language="es" {...labels} onChange={onChange} />);
    const select = screen.getByLabelText<HTMLSelectElement>("Country");
    expect(screen.getByRole("option", { name: "Irlanda" })).toHaveValue("IE");
    expect(screen.queryByRole("option", { name: "IE" })).toBeNull();
    await userEvent.selectOptions(select, "Australia");
    expect(select.value).toBe("AU");
    // Generous: user-event walks all 249 options, which is slow in jsdom on a busy two-core machine.
  }, 20_000);

  it("shows a stored code by its name, whatever its case", () => {
    render(<CountrySelect aria-label="Country" language="en" {...labels} value="ie" onChange={() => {}} />);
    expect(screen.getByLabelText<HTMLSelectElement>("Country").selectedOptions[0]?.textContent).toBe(
      "Ireland",
    );
  });

  it("keeps an unknown stored code visible instead of replacing it", () => {
    render(<CountrySelect aria-label="Country" language="en" {...labels} value="XX" onChange={() => {}} />);
    expect(screen.getByLabelText<HTMLSelectElement>("Country").selectedOptions[0]?.textContent).toBe(
      "Unknown (XX)",
    );
  });
});
