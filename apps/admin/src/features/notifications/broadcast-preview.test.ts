import { setConsoleLanguage } from "@referral-app/app-kit/console-language";
import { afterEach, describe, expect, it } from "vitest";
import { es } from "../../locales/es.ts";
import { englishStrings, setStrings } from "../../strings.ts";
import { audienceWords } from "./broadcast-preview.tsx";

afterEach(() => {
  setStrings(englishStrings);
  setConsoleLanguage("en");
});

describe("audienceWords", () => {
  it("names the country and the stage in words, never their codes", () => {
    expect(audienceWords({ role: "client", country: "ES", stage: "assessment" })).toBe(
      "Clients only · Spain · Assessment",
    );
    expect(audienceWords({})).toBe("All clients and partners · any country");
  });

  it("speaks the staff member's language", () => {
    setStrings(es);
    setConsoleLanguage("es");
    expect(audienceWords({ role: "client", country: "ES", stage: "assessment" })).toBe(
      `Solo clientes · España · ${es.stages.assessment}`,
    );
  });
});
