import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import { auditEntrySchema, auditListQuerySchema } from "@referral-app/shared/schemas/audit";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { searchAuditLog } from "./audit.service.ts";

/** Staff: what staff changed. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/audit",
    {
      schema: {
        operationId: "listAuditEntries",
        tags: ["admin"],
        summary: "Staff: the audit log (who changed what, when, before and after), newest first",
        querystring: auditListQuerySchema,
        response: { 200: cursorPageSchema(auditEntrySchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      const page = await searchAuditLog(ctx, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );
};
