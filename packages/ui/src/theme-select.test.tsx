import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { ThemeProvider } from "./theme.tsx";
import { ThemeSelect } from "./theme-select.tsx";

const strings = { theme: "Theme", themes: { light: "Light", dark: "Dark", auto: "System" } };

beforeEach(() => window.localStorage.clear());

describe("ThemeSelect", () => {
  it("offers the three themes in the app's words and applies the choice", async () => {
    render(
      <ThemeProvider storageKey="test.theme" defaultTheme="light">
        <ThemeSelect strings={strings} />
      </ThemeProvider>,
    );
    const select = screen.getByRole("combobox", { name: "Theme" });
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Light",
      "Dark",
      "System",
    ]);
    expect(select).toHaveValue("light");
    await userEvent.selectOptions(select, "Dark");
    expect(select).toHaveValue("dark");
    expect(document.documentElement).toHaveClass("dark");
    expect(window.localStorage.getItem("test.theme")).toBe("dark");
  });
});
