import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import {
  evaluatedFeaturesSchema,
  featureFlagSchema,
  featureKeySchema,
  updateFeatureFlagSchema,
} from "@referral-app/shared/schemas/features";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser, requireStaff } from "../../plugins/authenticate.ts";
import { changeFeatureFlag, evaluateFeatures, listFlags } from "./features.service.ts";

const keyParamsSchema = z.object({ key: featureKeySchema });

export const featuresRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/features",
    {
      schema: {
        operationId: "evaluateFeatures",
        tags: ["features"],
        summary: "Every feature flag evaluated for the caller (anonymous callers too)",
        security: [{ bearer: [] }, { cookie: [] }, {}],
        response: { 200: apiResponseSchema(evaluatedFeaturesSchema) },
      },
    },
    async (request) => {
      const user = await currentUser(request);
      return { status: "success" as const, data: await evaluateFeatures(ctx, user?.role ?? null) };
    },
  );

  app.get(
    "/admin/features",
    {
      schema: {
        operationId: "listFeatureFlags",
        tags: ["admin", "features"],
        summary: "Staff: every feature flag with its settings",
        response: { 200: apiResponseSchema(z.array(featureFlagSchema)) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await listFlags(ctx) };
    },
  );

  app.patch(
    "/admin/features/:key",
    {
      schema: {
        operationId: "updateFeatureFlag",
        tags: ["admin", "features"],
        summary: "Staff: turn a flag on or off, limit it to roles, or describe it (audited)",
        params: keyParamsSchema,
        body: updateFeatureFlagSchema,
        response: { 200: apiResponseSchema(featureFlagSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeFeatureFlag(ctx, actor, request.params.key, request.body);
      return { status: "success" as const, data, message: "Feature flag updated" };
    },
  );
};
