import type { z } from "zod";
import type { AppContext } from "../context.ts";

export interface JobDefinition<P> {
  /** The pg-boss queue name. */
  name: string;
  payload: z.ZodType<P>;
  /** Must be idempotent: a job can run again after a crash between claim and completion. */
  handler: (payload: P, ctx: AppContext) => Promise<void>;
  retryLimit?: number;
  expireInSeconds?: number;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
