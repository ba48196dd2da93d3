import { type CreateReferralData, createReferralSchema } from "@referral-app/shared/schemas/referral";
import { describe, expect, it } from "vitest";
import { schemaResolver, stripEmpty } from "./schema-resolver.ts";

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe("stripEmpty", () => {
  it("drops empty optional values only", () => {
    expect(stripEmpty({ a: "", b: "", c: "x", d: undefined }, new Set(["a", "c", "d"]))).toEqual({
      b: "",
      c: "x",
    });
  });
});

describe("schemaResolver", () => {
  const resolver = schemaResolver<CreateReferralData>(createReferralSchema);

  it("treats empty optional fields as not given", async () => {
    const result = await resolver(
      {
        fullName: "Ana Silva",
        email: "ana@example.com",
        relationship: "" as never,
        visaInterest: "" as never,
      },
      undefined,
      options,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ fullName: "Ana Silva", email: "ana@example.com" });
  });

  it("still reports empty required fields with their own messages", async () => {
    const result = await resolver({ fullName: "", email: "" }, undefined, options);
    expect(Object.keys(result.errors).sort()).toEqual(["email", "fullName"]);
    expect(result.errors.fullName?.message).toEqual(expect.any(String));
  });
});
