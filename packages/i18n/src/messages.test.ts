import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { threadPhrases } from "./messages.ts";

describe("threadPhrases", () => {
  it("fills the thread's placeholders in each language and keeps its plain words", () => {
    expect(threadPhrases(en.messages.thread).removeAttachment("a.pdf")).toBe("Remove a.pdf");
    expect(threadPhrases(es.messages.thread).charactersLeft(12)).toBe("Quedan 12 caracteres");
    expect(threadPhrases(es.messages.thread).send).toBe("Enviar");
  });
});
