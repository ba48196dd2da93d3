import { z } from "zod";
import { PAGINATION } from "../constants.ts";

export const idSchema = z.string().min(1).max(64);
/** Ids of uuid-keyed rows (everything but users), where a filter takes one. */
export const uuidSchema = z.uuid();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** `:id` in user routes: a user id or `me`. */
export const userIdParamsSchema = z.object({ id: z.union([z.literal("me"), idSchema]) });
export const idParamsSchema = z.object({ id: idSchema });

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(PAGINATION.MAX_LIMIT).default(PAGINATION.DEFAULT_LIMIT),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export const paginationSchema = z
  .object({
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    total: z.number().int().min(0),
    pages: z.number().int().min(0),
  })
  .meta({ id: "Pagination" });
export type Pagination = z.infer<typeof paginationSchema>;

/** `{ status: "success", data, message? }` */
export function apiResponseSchema<T extends z.ZodType>(data: T) {
  return z.object({
    status: z.literal("success"),
    data,
    message: z.string().optional(),
  });
}
export interface ApiResponse<T> {
  status: "success";
  data: T;
  message?: string;
}

/** `{ status: "success", data: T[], pagination }` */
export function paginatedResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({
    status: z.literal("success"),
    data: z.array(item),
    pagination: paginationSchema,
  });
}
export interface PaginatedResponse<T> {
  status: "success";
  data: T[];
  pagination: Pagination;
}

export const apiErrorSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "ApiError" });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const apiErrorResponseSchema = z
  .object({
    status: z.literal("error"),
    message: z.string(),
    error: apiErrorSchema,
  })
  .meta({ id: "ApiErrorResponse" });
export type ApiErrorResponse = z.infer<typeof apiErrorResponseSchema>;

export const moneySchema = z
  .object({
    amountMinor: z.number().int(),
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .meta({ id: "Money" });
export type Money = z.infer<typeof moneySchema>;

/** Page count for a total, never less than zero. */
export function pageCount(total: number, limit: number): number {
  return Math.ceil(total / limit);
}
