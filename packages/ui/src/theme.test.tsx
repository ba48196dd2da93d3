import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resolveTheme, THEME_STORAGE_KEY, ThemeProvider, useTheme } from "./theme.tsx";

type Listener = (event: MediaQueryListEvent) => void;
let systemDark = false;
const listeners = new Set<Listener>();

function ThemeButtons() {
  const { theme, resolvedTheme, setTheme } = useTheme();
  return (
    <div>
      <p>
        {theme}/{resolvedTheme}
      </p>
      <button type="button" onClick={() => setTheme("dark")}>
        Dark
      </button>
      <button type="button" onClick={() => setTheme("auto")}>
        Auto
      </button>
    </div>
  );
}

beforeEach(() => {
  systemDark = false;
  window.localStorage.clear();
  vi.stubGlobal(
    "matchMedia",
    vi.fn((query: string) => ({
      media: query,
      get matches() {
        return systemDark;
      },
      addEventListener: (_: string, listener: Listener) => listeners.add(listener),
      removeEventListener: (_: string, listener: Listener) => listeners.delete(listener),
    })),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  listeners.clear();
  document.documentElement.className = "";
});

describe("ThemeProvider", () => {
  it("resolves auto from the system preference", () => {
    expect(resolveTheme("auto", true)).toBe("dark");
    expect(resolveTheme("auto", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
  });

  it("sets class and data-theme on <html> and remembers the choice", async () => {
    const onThemeChange = vi.fn();
    render(
      <ThemeProvider defaultTheme="light" onThemeChange={onThemeChange}>
        <ThemeButtons />
      </ThemeProvider>,
    );
    const html = document.documentElement;
    expect(html).not.toHaveClass("dark");
    expect(html.dataset.theme).toBe("light");
    await userEvent.click(screen.getByRole("button", { name: "Dark" }));
    expect(html).toHaveClass("dark");
    expect(html.dataset.theme).toBe("dark");
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");
    expect(onThemeChange).toHaveBeenCalledWith("dark");
  });

  it("follows the system live when set to auto", async () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, "auto");
    render(
      <ThemeProvider defaultTheme="light">
        <ThemeButtons />
      </ThemeProvider>,
    );
    expect(screen.getByText("auto/light")).toBeInTheDocument();
    systemDark = true;
    act(() => {
      for (const listener of listeners) listener({ matches: true } as MediaQueryListEvent);
    });
    expect(screen.getByText("auto/dark")).toBeInTheDocument();
    expect(document.documentElement).toHaveClass("dark");
  });
});
