import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  assignPartnerOrganizationSchema,
  createPartnerOrganizationSchema,
  invitePartnerMemberSchema,
  partnerMemberSchema,
  partnerOrganizationSchema,
  updatePartnerOrganizationSchema,
} from "@referral-app/shared/schemas/partners";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import {
  allOrganizations,
  assignOrganization,
  changeOrganization,
  createOrganization,
  getOrganization,
  inviteMember,
  organizationMembers,
} from "./organizations.service.ts";

/** Staff manage partner organisations, their commission and their members. */
export const partnerOrganizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const organizationResponse = apiResponseSchema(partnerOrganizationSchema);

  app.post(
    "/admin/partner-organizations",
    {
      schema: {
        operationId: "createPartnerOrganization",
        tags: ["admin", "partners"],
        summary:
          "Staff: create a partner organisation with its commission (rate in basis points or fixed amount)",
        body: createPartnerOrganizationSchema,
        response: { 201: organizationResponse },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(request);
      const data = await createOrganization(ctx, actor, request.body);
      return reply.status(201).send({ status: "success" as const, data, message: "Organisation created" });
    },
  );

  app.get(
    "/admin/partner-organizations",
    {
      schema: {
        operationId: "listPartnerOrganizations",
        tags: ["admin", "partners"],
        summary: "Staff: every partner organisation with member and referral counts",
        response: { 200: apiResponseSchema(z.array(partnerOrganizationSchema)) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await allOrganizations(ctx) };
    },
  );

  app.get(
    "/admin/partner-organizations/:id",
    {
      schema: {
        operationId: "getPartnerOrganization",
        tags: ["admin", "partners"],
        summary: "Staff: one partner organisation",
        params: idParamsSchema,
        response: { 200: organizationResponse },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getOrganization(ctx, request.params.id) };
    },
  );

  app.patch(
    "/admin/partner-organizations/:id",
    {
      schema: {
        operationId: "updatePartnerOrganization",
        tags: ["admin", "partners"],
        summary: "Staff: rename an organisation or change its commission (applies to later conversions)",
        params: idParamsSchema,
        body: updatePartnerOrganizationSchema,
        response: { 200: organizationResponse },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeOrganization(ctx, actor, request.params.id, request.body);
      return { status: "success" as const, data, message: "Organisation updated" };
    },
  );

  app.get(
    "/admin/partner-organizations/:id/members",
    {
      schema: {
        operationId: "listPartnerOrganizationMembers",
        tags: ["admin", "partners"],
        summary: "Staff: an organisation's members",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(z.array(partnerMemberSchema)) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await organizationMembers(ctx, request.params.id) };
    },
  );

  app.post(
    "/admin/partner-organizations/:id/members/invite",
    {
      schema: {
        operationId: "invitePartnerOrganizationMember",
        tags: ["admin", "partners"],
        summary: "Staff: invite a member to an organisation (emails a link to set a password)",
        params: idParamsSchema,
        body: invitePartnerMemberSchema,
        response: {
          201: apiResponseSchema(partnerMemberSchema),
          200: apiResponseSchema(partnerMemberSchema),
        },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(request);
      const { member, created } = await inviteMember(ctx, app.auth, actor, request.params.id, request.body);
      return reply.status(created ? 201 : 200).send({
        status: "success" as const,
        data: member,
        message: created ? "Invitation sent" : "Invitation resent",
      });
    },
  );

  app.put(
    "/admin/users/:id/partner-organization",
    {
      schema: {
        operationId: "setUserPartnerOrganization",
        tags: ["admin", "partners"],
        summary:
          "Staff: put a user in a partner organisation (they become a partner) or take them out (null)",
        params: idParamsSchema,
        body: assignPartnerOrganizationSchema,
        response: { 200: apiResponseSchema(partnerMemberSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await assignOrganization(ctx, actor, request.params.id, request.body);
      return { status: "success" as const, data };
    },
  );
};
