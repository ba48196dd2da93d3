import { describe, expect, it } from "vitest";
import { es } from "./es.ts";
import { informalSpanish, informalStrings, translationProblems } from "./register.ts";

describe("the usted check", () => {
  it("finds tú forms, accented or not, at word edges only", () => {
    expect(informalSpanish("Inténtalo de nuevo con tu correo")).toEqual(["inténtalo", "tu"]);
    expect(informalSpanish("¿Ya tienes cuenta? Tú decides.")).toEqual(["tienes", "tú"]);
    expect(informalSpanish("Vuelva a intentarlo con su correo. Estudiante, teléfono, tutor")).toEqual([]);
  });

  it("passes every shared Spanish string", () => {
    expect(informalStrings(es)).toEqual([]);
  });
});

describe("translationProblems", () => {
  it("names missing and extra keys and differing placeholders", () => {
    expect(
      translationProblems({ a: "A {{x}}", b: { c: "C" } }, { a: "A {{y}}", b: { d: "D" } } as never),
    ).toEqual(["missing b.c", "extra b.d", "placeholders differ in a"]);
  });
});
