import { inviteStaffSchema, staffMemberSchema, updateStaffSchema } from "@referral-app/shared/schemas/case";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { inviteStaff, listStaff, updateStaff } from "./staff.service.ts";

/** Staff management: everyone on staff reads the list (to assign cases); admins change it. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/staff",
    {
      schema: {
        operationId: "listStaff",
        tags: ["staff", "admin"],
        summary: "Staff: every staff member with their role, state and open cases",
        response: { 200: apiResponseSchema(z.array(staffMemberSchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await listStaff(ctx) };
    },
  );

  app.post(
    "/admin/staff/invite",
    {
      schema: {
        operationId: "inviteStaff",
        tags: ["staff", "admin"],
        summary: "Admins: invite a staff member by e-mail (a link to set a password); again resends it",
        body: inviteStaffSchema,
        response: {
          200: apiResponseSchema(staffMemberSchema),
          201: apiResponseSchema(staffMemberSchema),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = await requireRole(request, ["admin"]);
      const { member, created } = await inviteStaff(ctx, app.auth, actor, request.body);
      return reply
        .status(created ? 201 : 200)
        .send({ status: "success" as const, data: member, message: `Invitation sent to ${member.email}` });
    },
  );

  app.patch(
    "/admin/staff/:id",
    {
      schema: {
        operationId: "updateStaff",
        tags: ["staff", "admin"],
        summary: "Admins: change a member's role or deactivate them (sessions end at once, cases unassigned)",
        params: idParamsSchema,
        body: updateStaffSchema,
        response: { 200: apiResponseSchema(staffMemberSchema), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      return {
        status: "success" as const,
        data: await updateStaff(ctx, actor, request.params.id, request.body),
      };
    },
  );
};
