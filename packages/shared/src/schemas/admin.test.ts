import { describe, expect, it } from "vitest";
import { z } from "zod";
import { adminReferralListQuerySchema, cursorPageSchema } from "./admin.ts";

describe("admin schemas", () => {
  it("the pipeline query defaults to newest first, 50 per page, and caps at 100", () => {
    expect(adminReferralListQuerySchema.parse({})).toEqual({ sort: "newest", limit: 50 });
    expect(adminReferralListQuerySchema.parse({ q: " ana ", status: "pending", limit: "10" })).toEqual({
      q: "ana",
      status: "pending",
      sort: "newest",
      limit: 10,
    });
    expect(adminReferralListQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
    expect(adminReferralListQuerySchema.safeParse({ from: "03/01/2026" }).success).toBe(false);
    expect(adminReferralListQuerySchema.safeParse({ sort: "random" }).success).toBe(false);
  });

  it("a cursor page carries the next cursor or null", () => {
    const schema = cursorPageSchema(z.object({ id: z.string() }));
    expect(schema.safeParse({ status: "success", data: [{ id: "1" }], nextCursor: "abc" }).success).toBe(
      true,
    );
    expect(schema.safeParse({ status: "success", data: [], nextCursor: null }).success).toBe(true);
    expect(schema.safeParse({ status: "success", data: [] }).success).toBe(false);
  });
});
