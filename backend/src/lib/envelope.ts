import { type PaginatedResponse, pageCount } from "@referral-app/shared/schemas/common";

/**
 * The `{status, data, pagination}` envelope of a numbered page. Route handlers build envelopes;
 * services answer the rows and the total.
 */
export function pageResponse<T>(
  page: { items: T[]; total: number },
  query: { page: number; limit: number },
): PaginatedResponse<T> {
  return {
    status: "success",
    data: page.items,
    pagination: {
      page: query.page,
      limit: query.limit,
      total: page.total,
      pages: pageCount(page.total, query.limit),
    },
  };
}
