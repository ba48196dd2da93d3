import { apiResponseSchema, userIdParamsSchema } from "@referral-app/shared/schemas/common";
import { updateProfileSchema, userProfileSchema } from "@referral-app/shared/schemas/user";
import {
  advanceVisaStageSchema,
  setVisaStageSchema,
  visaProgressSchema,
} from "@referral-app/shared/schemas/visa";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireStaff, requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { profilePictureRoutes } from "./profile-picture.routes.ts";
import { changeVisaStage, getProfile, getVisaProgress, updateProfile } from "./users.service.ts";

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(profilePictureRoutes);
  const { ctx } = app;

  app.get(
    "/users/:id/profile",
    {
      schema: {
        operationId: "getProfile",
        tags: ["users"],
        summary: "A user's profile and preferences (`me` for the caller)",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(userProfileSchema) },
      },
    },
    async (request) => {
      const userId = resolveUserId(await requireUser(request), request.params.id);
      return { status: "success" as const, data: await getProfile(ctx, userId) };
    },
  );

  app.patch(
    "/users/:id/profile",
    {
      schema: {
        operationId: "updateProfile",
        tags: ["users"],
        summary: "Update profile fields and preferences",
        params: userIdParamsSchema,
        body: updateProfileSchema,
        response: { 200: apiResponseSchema(userProfileSchema) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const data = await updateProfile(ctx, actor, resolveUserId(actor, request.params.id), request.body);
      return { status: "success" as const, data, message: "Profile updated" };
    },
  );

  app.get(
    "/users/:id/visa-progress",
    {
      schema: {
        operationId: "getVisaProgress",
        tags: ["users"],
        summary: "The client's primary case (the most recent open one): all five stages with dates",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(visaProgressSchema) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      return { status: "success" as const, data: await getVisaProgress(ctx, actor, userId) };
    },
  );

  app.post(
    "/admin/users/:id/visa-stage/advance",
    {
      schema: {
        operationId: "advanceVisaStage",
        tags: ["admin"],
        summary: "Staff: move a client's primary case to the next stage",
        params: userIdParamsSchema,
        body: advanceVisaStageSchema,
        response: { 200: apiResponseSchema(visaProgressSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeVisaStage(ctx, actor, request.params.id, {
        note: request.body.note,
        overrideDocuments: request.body.overrideDocuments,
      });
      return { status: "success" as const, data };
    },
  );

  app.put(
    "/admin/users/:id/visa-stage",
    {
      schema: {
        operationId: "setVisaStage",
        tags: ["admin"],
        summary: "Staff: set a client's primary case to a stage",
        params: userIdParamsSchema,
        body: setVisaStageSchema,
        response: { 200: apiResponseSchema(visaProgressSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeVisaStage(ctx, actor, request.params.id, {
        to: request.body.stage,
        note: request.body.note,
        overrideDocuments: request.body.overrideDocuments,
      });
      return { status: "success" as const, data };
    },
  );
};
