import {
  analyticsOverviewSchema,
  analyticsRangeQuerySchema,
  trackEventsSchema,
} from "@referral-app/shared/schemas/analytics";
import { topPartnerSchema, trackEventsResultSchema } from "@referral-app/shared/schemas/analytics-partners";
import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser, requireStaff } from "../../plugins/authenticate.ts";
import { exportOverviewCsv, getOverview, getTopPartners, trackClientEvents } from "./analytics.service.ts";

/** Per signed-in user, or per address for anonymous callers. */
export const CLIENT_EVENTS_PER_MINUTE = 60;

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    "/analytics/events",
    {
      config: { rateLimit: { max: CLIENT_EVENTS_PER_MINUTE, timeWindow: "1 minute" } },
      // Anyone may post here: a batch of 50 small events fits many times over.
      bodyLimit: 64 * 1024,
      schema: {
        operationId: "trackEvents",
        tags: ["analytics"],
        summary: "Record a batch of client-side events (signed in or anonymous)",
        security: [{ bearer: [] }, { cookie: [] }, {}],
        body: trackEventsSchema,
        response: { 202: apiResponseSchema(trackEventsResultSchema) },
      },
    },
    async (request, reply) => {
      const user = await currentUser(request);
      const accepted = await trackClientEvents(ctx, user?.id ?? null, request.body);
      return reply.status(202).send({ status: "success" as const, data: { accepted } });
    },
  );

  app.get(
    "/admin/analytics/overview",
    {
      schema: {
        operationId: "getAnalyticsOverview",
        tags: ["admin", "analytics"],
        summary: "Staff: funnel, conversion, median time to convert, daily series, top referrers",
        querystring: analyticsRangeQuerySchema,
        response: { 200: apiResponseSchema(analyticsOverviewSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getOverview(ctx, request.query) };
    },
  );

  app.get(
    "/admin/analytics/top-partners",
    {
      schema: {
        operationId: "listTopPartners",
        tags: ["admin", "analytics"],
        summary: "Staff: partner organisations by referrals, conversions and commission",
        querystring: analyticsRangeQuerySchema,
        response: { 200: apiResponseSchema(z.array(topPartnerSchema)) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getTopPartners(ctx, request.query) };
    },
  );

  app.get(
    "/admin/analytics/export.csv",
    {
      schema: {
        operationId: "exportAnalyticsCsv",
        tags: ["admin", "analytics"],
        summary: "Staff: the daily series and the funnel as CSV",
        querystring: analyticsRangeQuerySchema,
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV: date,created,converted; then status,current,reached") },
      },
    },
    async (request, reply) => {
      await requireStaff(request);
      const csv = await exportOverviewCsv(ctx, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${csv.filename}"`)
        .send(csv.body);
    },
  );
};
