import {
  brandingSchema,
  consultancySettingsSchema,
  updateConsultancySettingsSchema,
} from "@referral-app/shared/schemas/case";
import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { getBranding, getSettings, updateSettings } from "./settings.service.ts";

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/branding",
    {
      schema: {
        operationId: "getBranding",
        tags: ["settings"],
        summary: "Public: the consultancy's name, logo and one-line promise, for the landing page",
        response: { 200: apiResponseSchema(brandingSchema) },
      },
    },
    async (_request, reply) => {
      // Public and the same for everyone: browsers and proxies may keep it a few minutes, so the
      // landing page rarely waits for it; a staff edit shows within that time.
      reply.header("cache-control", "public, max-age=300, stale-while-revalidate=3600");
      return { status: "success" as const, data: await getBranding(ctx) };
    },
  );

  app.get(
    "/admin/settings",
    {
      schema: {
        operationId: "getSettings",
        tags: ["settings", "admin"],
        summary: "Staff: the consultancy's settings (the referral contact deadline)",
        response: { 200: apiResponseSchema(consultancySettingsSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getSettings(ctx) };
    },
  );

  app.patch(
    "/admin/settings",
    {
      schema: {
        operationId: "updateSettings",
        tags: ["settings", "admin"],
        summary: "Admins: change the consultancy's settings (audited)",
        body: updateConsultancySettingsSchema,
        response: { 200: apiResponseSchema(consultancySettingsSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      const data = await updateSettings(ctx, actor, request.body);
      return { status: "success" as const, data, message: "Settings saved" };
    },
  );
};
