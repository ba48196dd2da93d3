import {
  consultancySettingsSchema,
  updateConsultancySettingsSchema,
} from "@referral-app/shared/schemas/case";
import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { getSettings, updateSettings } from "./settings.service.ts";

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

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
