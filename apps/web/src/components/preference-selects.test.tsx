import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createTestApp, MockProviders } from "../test/mock-providers.tsx";
import { setupTestServer } from "../test/mock-server.ts";
import { LanguageSelect } from "./language-select.tsx";
import { ThemeSelect } from "./theme-select.tsx";

const { store } = setupTestServer();

describe("LanguageSelect", () => {
  it("switches the UI to Spanish, sets <html lang> and saves the choice", async () => {
    const app = createTestApp();
    render(
      <MockProviders app={app}>
        <LanguageSelect showLabel />
        <ThemeSelect showLabel />
      </MockProviders>,
    );
    expect(screen.getByLabelText("Theme")).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("Language"), "es");
    expect(await screen.findByLabelText("Tema")).toBeInTheDocument();
    expect(screen.getByLabelText("Idioma")).toHaveValue("es");
    expect(document.documentElement.lang).toBe("es");
    await waitFor(() => expect(store.user.preferences.language).toBe("es"));
  });
});

describe("ThemeSelect", () => {
  it("applies the dark theme to <html> and saves it to the profile", async () => {
    render(
      <MockProviders>
        <ThemeSelect showLabel />
      </MockProviders>,
    );
    await userEvent.selectOptions(screen.getByLabelText("Theme"), "dark");
    expect(document.documentElement).toHaveClass("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    await waitFor(() => expect(store.user.preferences.theme).toBe("dark"));
    await userEvent.selectOptions(screen.getByLabelText("Theme"), "light");
    expect(document.documentElement).not.toHaveClass("dark");
  });
});
