import {
  apiResponseSchema,
  type PaginatedResponse,
  paginatedResponseSchema,
} from "@referral-app/shared/schemas/common";
import { z } from "zod";
import type { ApiClient, RequestOptions } from "../api-client.ts";

type QueryOptions = Pick<RequestOptions, "searchParams" | "signal" | "headers">;
type BodyOptions = Omit<RequestOptions, "json" | "body" | "searchParams">;

const anySuccessSchema = z.looseObject({ status: z.literal("success") }).optional();

/** Envelope-aware helpers every service extends: each takes the schema of `data`. */
export abstract class BaseService {
  constructor(protected readonly client: ApiClient) {}

  protected async get<T>(path: string, data: z.ZodType<T>, options?: QueryOptions): Promise<T> {
    return (await this.client.request("GET", path, apiResponseSchema(data), options)).data;
  }

  protected async getPage<T>(
    path: string,
    item: z.ZodType<T>,
    options?: QueryOptions,
  ): Promise<PaginatedResponse<T>> {
    return this.client.request("GET", path, paginatedResponseSchema(item), options);
  }

  protected async post<T>(
    path: string,
    data: z.ZodType<T>,
    body?: unknown,
    options?: BodyOptions,
  ): Promise<T> {
    return (await this.client.request("POST", path, apiResponseSchema(data), { ...options, json: body }))
      .data;
  }

  protected async patch<T>(
    path: string,
    data: z.ZodType<T>,
    body: unknown,
    options?: BodyOptions,
  ): Promise<T> {
    return (await this.client.request("PATCH", path, apiResponseSchema(data), { ...options, json: body }))
      .data;
  }

  protected async put<T>(path: string, data: z.ZodType<T>, body: unknown, options?: BodyOptions): Promise<T> {
    return (await this.client.request("PUT", path, apiResponseSchema(data), { ...options, json: body })).data;
  }

  /** Sends a file (or any Blob) as the raw request body. */
  protected async putBlob<T>(
    path: string,
    data: z.ZodType<T>,
    body: Blob,
    options?: BodyOptions,
  ): Promise<T> {
    return (await this.client.request("PUT", path, apiResponseSchema(data), { ...options, body })).data;
  }

  protected async delete<T>(path: string, data: z.ZodType<T>, options?: BodyOptions): Promise<T> {
    return (await this.client.request("DELETE", path, apiResponseSchema(data), options)).data;
  }

  /** For endpoints whose answer carries nothing the caller needs (202/204 or any success envelope). */
  protected async postVoid(path: string, body?: unknown, options?: BodyOptions): Promise<void> {
    await this.client.request("POST", path, anySuccessSchema, { ...options, json: body });
  }
}

/** `me` or an id, safe inside a path. */
export function pathId(id: string): string {
  return encodeURIComponent(id);
}
