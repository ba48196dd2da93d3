import type { z } from "zod";
import type { AppContext } from "../context.ts";

export interface JobDefinition<P> {
  /** The pg-boss queue name. */
  name: string;
  payload: z.ZodType<P>;
  /**
   * Must be idempotent: a job can run again after a crash between claim and completion.
   * (Method syntax, so a list of jobs with different payloads is a `JobDefinition<unknown>[]`.)
   */
  handler(payload: P, ctx: AppContext): Promise<void>;
  /** Runs on this schedule (cron, UTC) with an empty payload, once across all workers. */
  cron?: string;
  retryLimit?: number;
  expireInSeconds?: number;
}

/** Any job, whatever its payload: what the registry, the queue and the worker take. */
export type AnyJob = JobDefinition<unknown>;

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
