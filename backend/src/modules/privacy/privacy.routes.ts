import { isStaffRole } from "@referral-app/shared/constants";
import {
  apiResponseSchema,
  paginatedResponseSchema,
  paginationQuerySchema,
  userIdParamsSchema,
  uuidSchema,
} from "@referral-app/shared/schemas/common";
import {
  accountDeletionSchema,
  activityEntrySchema,
  dataExportSchema,
  marketingConsentSchema,
  referrerVisibilitySchema,
  updateMarketingConsentSchema,
  updateReferrerVisibilitySchema,
} from "@referral-app/shared/schemas/privacy";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { pageResponse } from "../../lib/envelope.ts";
import { requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { listUserActivity } from "../audit/audit.service.ts";
import { cancelDeletion, deletionStatus, requestDeletion } from "./account-deletion.service.ts";
import { downloadDataExport, listDataExports, requestDataExport } from "./data-export.service.ts";
import {
  getMarketingConsent,
  getReferrerVisibility,
  setMarketingConsent,
  updateReferrerVisibility,
} from "./privacy.service.ts";

/** The user themself, or an admin acting for them (audited by the service); anyone else gets 404. */
async function ownerOrAdmin(request: FastifyRequest, id: string): Promise<{ actor: Actor; userId: string }> {
  const actor = await requireUser(request);
  const userId = resolveUserId(actor, id);
  if (userId !== actor.id && actor.role !== "admin") throw notFound("User");
  return { actor, userId };
}

/** The user, or anyone on staff (reading only). */
async function ownerOrStaff(request: FastifyRequest, id: string): Promise<string> {
  const actor = await requireUser(request);
  const userId = resolveUserId(actor, id);
  if (userId !== actor.id && !isStaffRole(actor.role)) throw notFound("User");
  return userId;
}

const ok = <T>(data: T) => ({ status: "success" as const, data });
const exportParams = userIdParamsSchema.extend({ exportId: uuidSchema });

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const params = userIdParamsSchema;

  app.get(
    "/users/:id/referrer-visibility",
    {
      schema: {
        operationId: "getReferrerVisibility",
        tags: ["privacy"],
        summary: "What the person who referred this user may see of them",
        params,
        response: { 200: apiResponseSchema(referrerVisibilitySchema) },
      },
    },
    async (request) => ok(await getReferrerVisibility(ctx, await ownerOrStaff(request, request.params.id))),
  );

  app.put(
    "/users/:id/referrer-visibility",
    {
      schema: {
        operationId: "updateReferrerVisibility",
        tags: ["privacy"],
        summary: "Choose what referrers (and, optionally, named partners) may see; audited",
        params,
        body: updateReferrerVisibilitySchema,
        response: { 200: apiResponseSchema(referrerVisibilitySchema) },
      },
    },
    async (request) => {
      const { actor, userId } = await ownerOrAdmin(request, request.params.id);
      return ok(await updateReferrerVisibility(ctx, actor, userId, request.body));
    },
  );

  app.post(
    "/users/:id/data-export",
    {
      schema: {
        operationId: "requestDataExport",
        tags: ["privacy"],
        summary: "Download my data: queues the export (202 with the job); the user or an admin",
        params,
        response: { 202: apiResponseSchema(dataExportSchema) },
      },
    },
    async (request, reply) => {
      const { actor, userId } = await ownerOrAdmin(request, request.params.id);
      return reply.status(202).send(ok(await requestDataExport(ctx, actor, userId)));
    },
  );

  app.get(
    "/users/:id/data-exports",
    {
      schema: {
        operationId: "listDataExports",
        tags: ["privacy"],
        summary: "The user's data exports, newest first, with their download links while they last",
        params,
        response: { 200: apiResponseSchema(z.array(dataExportSchema)) },
      },
    },
    async (request) => {
      const { userId } = await ownerOrAdmin(request, request.params.id);
      return ok(await listDataExports(ctx, userId));
    },
  );

  app.get(
    "/users/:id/data-exports/:exportId/download",
    {
      schema: {
        operationId: "downloadDataExport",
        tags: ["privacy"],
        summary: "The export's zip (export.json and files/) for 7 days after it is made; audited",
        params: exportParams,
        produces: ["application/zip"],
        response: { 200: z.any().describe("The zip's bytes") },
      },
    },
    async (request, reply) => {
      const { actor, userId } = await ownerOrAdmin(request, request.params.id);
      const { file, stream } = await downloadDataExport(ctx, actor, userId, request.params.exportId);
      return reply
        .type("application/zip")
        .header("cache-control", "private, no-store")
        .header(
          "content-disposition",
          `attachment; filename="my-data-${file.createdAt.toISOString().slice(0, 10)}.zip"`,
        )
        .send(stream);
    },
  );

  app.get(
    "/users/:id/deletion",
    {
      schema: {
        operationId: "getAccountDeletion",
        tags: ["privacy"],
        summary: "Whether the account is scheduled for deletion, and what a deletion would keep",
        params,
        response: { 200: apiResponseSchema(accountDeletionSchema) },
      },
    },
    async (request) => {
      const { userId } = await ownerOrAdmin(request, request.params.id);
      return ok(await deletionStatus(ctx, userId));
    },
  );

  app.post(
    "/users/:id/deletion",
    {
      schema: {
        operationId: "requestAccountDeletion",
        tags: ["privacy"],
        summary: "Delete my account in 30 days (what a legal hold keeps is listed); the user or an admin",
        params,
        response: { 200: apiResponseSchema(accountDeletionSchema) },
      },
    },
    async (request) => {
      const { actor, userId } = await ownerOrAdmin(request, request.params.id);
      return ok(await requestDeletion(ctx, actor, userId));
    },
  );

  app.delete(
    "/users/:id/deletion",
    {
      schema: {
        operationId: "cancelAccountDeletion",
        tags: ["privacy"],
        summary: "Cancel a scheduled deletion within its 30 days",
        params,
        response: { 200: apiResponseSchema(accountDeletionSchema) },
      },
    },
    async (request) => {
      const { actor, userId } = await ownerOrAdmin(request, request.params.id);
      return ok(await cancelDeletion(ctx, actor, userId));
    },
  );

  app.get(
    "/users/:id/audit",
    {
      schema: {
        operationId: "listUserActivity",
        tags: ["privacy"],
        summary: "My activity: sign-ins, exports, deletions, visibility and consent changes, newest first",
        params,
        querystring: paginationQuerySchema,
        response: { 200: paginatedResponseSchema(activityEntrySchema) },
      },
    },
    async (request) => {
      const userId = await ownerOrStaff(request, request.params.id);
      return pageResponse(await listUserActivity(ctx, userId, request.query), request.query);
    },
  );

  app.get(
    "/users/:id/marketing-consent",
    {
      schema: {
        operationId: "getMarketingConsent",
        tags: ["privacy"],
        summary: "Whether the user opted in to promotional messages, when, and to which wording",
        params,
        response: { 200: apiResponseSchema(marketingConsentSchema) },
      },
    },
    async (request) => ok(await getMarketingConsent(ctx, await ownerOrStaff(request, request.params.id))),
  );

  app.put(
    "/users/:id/marketing-consent",
    {
      schema: {
        operationId: "updateMarketingConsent",
        tags: ["privacy"],
        summary: "Opt in to (or out of) promotional messages; recorded with time and text version",
        params,
        body: updateMarketingConsentSchema,
        response: { 200: apiResponseSchema(marketingConsentSchema) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      // Consent is the person's own act: nobody gives it for them.
      if (userId !== actor.id) throw notFound("User");
      return ok(await setMarketingConsent(ctx, actor, userId, request.body));
    },
  );
};
