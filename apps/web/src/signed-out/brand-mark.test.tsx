import { render, screen } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { setupTestServer } from "../test/mock-server.ts";
import { BrandMark } from "./brand-mark.tsx";

const { server } = setupTestServer({ signedIn: false });
const LOGO = "data:image/png;base64,iVBORw0KGgo=";

describe("BrandMark", () => {
  it("paints the app's name at once, then the consultancy's name, logo and promise from settings", async () => {
    server.use(
      http.get("*/api/branding", () =>
        HttpResponse.json({
          status: "success",
          data: { name: "Lima Visas", logoDataUrl: LOGO, tagline: "Your visa, handled end to end" },
        }),
      ),
    );
    const { container } = render(<BrandMark fallbackName="Referral Client App" />);
    expect(screen.getByText("Referral Client App")).toBeInTheDocument();
    expect(await screen.findByText("Lima Visas")).toBeInTheDocument();
    expect(screen.getByText("Your visa, handled end to end")).toBeInTheDocument();
    const logo = container.querySelector("img");
    expect(logo).toHaveAttribute("src", LOGO);
    // The box is sized before the picture arrives, so the header does not move.
    expect(logo).toHaveAttribute("width", "40");
    expect(logo).toHaveAttribute("height", "40");
  });
});

describe("BrandMark when the server cannot answer", () => {
  it("keeps the app's name", async () => {
    let asked = 0;
    server.use(
      http.get("*/api/branding", () => {
        asked += 1;
        return HttpResponse.json({ status: "error" }, { status: 503 });
      }),
    );
    render(<BrandMark fallbackName="Referral Client App" />);
    await expect.poll(() => asked).toBe(1);
    expect(screen.getByText("Referral Client App")).toBeInTheDocument();
  });
});
