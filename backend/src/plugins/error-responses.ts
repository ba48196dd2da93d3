import { apiErrorResponseSchema } from "@referral-app/shared/schemas/common";

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** The 4xx answers a route documents, each in the one error shape. */
export function errorResponses<S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, typeof apiErrorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, apiErrorResponseSchema])) as Record<
    S,
    typeof apiErrorResponseSchema
  >;
}
