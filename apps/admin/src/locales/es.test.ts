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

  it("name an invoice PDF download in the audit log", () => {
    expect(englishStrings.audit.actions["invoice.pdf_downloaded"]).toBe("Downloaded an invoice PDF");
    expect(es.audit.actions["invoice.pdf_downloaded"]).toBe("Descargó el PDF de una factura");
    expect(es.audit.pdfKinds.receipt).toBe("Recibo");
    expect(es.audit.downloadVia.link).toBe("Un enlace de 5 minutos (teléfono)");
  });

  it("say the message thread's phrases in Spanish, with the shared words and the staff's own", () => {
    expect(es.messages.thread.removeAttachment("a.pdf")).toBe("Quitar a.pdf");
    expect(es.messages.thread.label).toBe("Respuesta");
    expect(es.messages.unreadNav(2)).toBe("2 mensajes sin leer");
    expect(es.messages.states.waiting_on_client).toBe("Esperando al cliente");
    expect(englishStrings.messages.unreadNav(1)).toBe("1 unread message");
    expect(englishStrings.messages.thread.charactersLeft(12)).toBe("12 characters left");
  });
});
