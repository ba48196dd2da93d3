import { informalStrings, translationProblems } from "@referral-app/i18n/register";
import { describe, expect, it } from "vitest";
import { englishStrings } from "../strings.ts";
import { es } from "./es.ts";

describe("the Spanish words", () => {
  it("cover every English key with the same placeholders", () => {
    expect(translationProblems(englishStrings, es)).toEqual([]);
  });

  it("address the reader as usted", () => {
    expect(informalStrings(es)).toEqual([]);
  });

  it("differ from English (nothing left untranslated by copying)", () => {
    expect(es.app.name).not.toBe(englishStrings.app.name);
    expect(es.common.rateLimited(3)).toBe("Demasiados intentos. Vuelva a intentarlo dentro de 3 s.");
  });

  it("say the message thread's phrases in Spanish", () => {
    expect(es.messages.thread.openAttachment("a.pdf")).toBe("Abrir a.pdf");
    expect(es.messages.unread(3)).toBe("3 sin leer");
    expect(englishStrings.messages.unread(3)).toBe("3 unread");
    expect(englishStrings.messages.thread.placeholder).toBe("Write a message…");
  });
});
