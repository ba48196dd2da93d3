import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  apiErrorResponseSchema,
  apiResponseSchema,
  idParamsSchema,
  isoDateTimeSchema,
  moneySchema,
  pageCount,
  paginatedResponseSchema,
  paginationQuerySchema,
  userIdParamsSchema,
} from "./common.ts";

describe("paginationQuerySchema", () => {
  it("defaults to page 1, limit 20", () => {
    expect(paginationQuerySchema.parse({})).toEqual({ page: 1, limit: 20 });
  });

  it("coerces query-string numbers", () => {
    expect(paginationQuerySchema.parse({ page: "3", limit: "50" })).toEqual({ page: 3, limit: 50 });
  });

  it("caps the limit at 100 and refuses nonsense", () => {
    expect(paginationQuerySchema.parse({ limit: "100" }).limit).toBe(100);
    for (const query of [
      { limit: "101" },
      { limit: "0" },
      { page: "0" },
      { page: "-1" },
      { page: "1.5" },
      { page: "abc" },
    ]) {
      expect(paginationQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });
});

describe("envelopes", () => {
  const item = z.object({ id: z.string() });

  it("accepts a success with data and an optional message", () => {
    const schema = apiResponseSchema(item);
    expect(schema.parse({ status: "success", data: { id: "1" } })).toEqual({
      status: "success",
      data: { id: "1" },
    });
    expect(schema.parse({ status: "success", data: { id: "1" }, message: "Saved" }).message).toBe("Saved");
  });

  it("refuses a success with the wrong status or data", () => {
    const schema = apiResponseSchema(item);
    expect(schema.safeParse({ status: "error", data: { id: "1" } }).success).toBe(false);
    expect(schema.safeParse({ status: "success", data: { id: 1 } }).success).toBe(false);
    expect(schema.safeParse({ status: "success" }).success).toBe(false);
  });

  it("accepts a page with its pagination and refuses one without", () => {
    const schema = paginatedResponseSchema(item);
    const page = {
      status: "success",
      data: [{ id: "1" }],
      pagination: { page: 1, limit: 20, total: 1, pages: 1 },
    };
    expect(schema.parse(page)).toEqual(page);
    expect(schema.safeParse({ status: "success", data: [{ id: "1" }] }).success).toBe(false);
    expect(schema.safeParse({ ...page, pagination: { ...page.pagination, page: 0 } }).success).toBe(false);
    expect(schema.safeParse({ ...page, data: [{ id: 2 }] }).success).toBe(false);
  });

  it("accepts the error envelope with or without details", () => {
    const error = {
      status: "error",
      message: "Some fields are not valid",
      error: {
        code: "VALIDATION_ERROR",
        message: "Some fields are not valid",
        details: { fields: { email: ["Bad"] } },
      },
    };
    expect(apiErrorResponseSchema.parse(error)).toEqual(error);
    expect(
      apiErrorResponseSchema.safeParse({
        status: "error",
        message: "x",
        error: { code: "NOT_FOUND", message: "x" },
      }).success,
    ).toBe(true);
    expect(apiErrorResponseSchema.safeParse({ status: "error", message: "x" }).success).toBe(false);
    expect(apiErrorResponseSchema.safeParse({ ...error, status: "success" }).success).toBe(false);
  });
});

describe("small schemas", () => {
  it("take `me` or an id in user routes", () => {
    expect(userIdParamsSchema.parse({ id: "me" })).toEqual({ id: "me" });
    expect(userIdParamsSchema.parse({ id: "u_1" })).toEqual({ id: "u_1" });
    expect(userIdParamsSchema.safeParse({ id: "" }).success).toBe(false);
    expect(idParamsSchema.safeParse({ id: "x".repeat(65) }).success).toBe(false);
  });

  it("need ISO date-times with an offset", () => {
    expect(isoDateTimeSchema.safeParse("2026-03-05T10:00:00.000Z").success).toBe(true);
    expect(isoDateTimeSchema.safeParse("2026-03-05T10:00:00+10:00").success).toBe(true);
    expect(isoDateTimeSchema.safeParse("2026-03-05").success).toBe(false);
    expect(isoDateTimeSchema.safeParse("yesterday").success).toBe(false);
  });

  it("hold money as integer minor units with an upper-case code", () => {
    expect(moneySchema.safeParse({ amountMinor: 1000, currency: "USD" }).success).toBe(true);
    expect(moneySchema.safeParse({ amountMinor: 10.5, currency: "USD" }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 1000, currency: "usd" }).success).toBe(false);
  });

  it("count pages", () => {
    expect(pageCount(0, 20)).toBe(0);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
