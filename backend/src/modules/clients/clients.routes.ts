import {
  adminClientDetailSchema,
  adminClientListQuerySchema,
  adminClientSchema,
  cursorPageSchema,
} from "@referral-app/shared/schemas/admin";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { getClientDetail, searchClients } from "./clients.service.ts";

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/clients",
    {
      schema: {
        operationId: "listClients",
        tags: ["admin"],
        summary: "Staff: search clients by name or email, filter by visa stage (newest first, cursor-paged)",
        querystring: adminClientListQuerySchema,
        response: { 200: cursorPageSchema(adminClientSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      const page = await searchClients(ctx, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/admin/clients/:id",
    {
      schema: {
        operationId: "getClient",
        tags: ["admin"],
        summary: "Staff: a client's profile, visa progress, referrals summary and reward totals",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(adminClientDetailSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getClientDetail(ctx, request.params.id) };
    },
  );
};
