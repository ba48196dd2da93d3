import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { adminBroadcastsRoutes } from "./broadcasts.routes.ts";
import { adminClientsRoutes } from "./clients.routes.ts";
import { adminReferralBulkRoutes } from "./referral-bulk.routes.ts";
import { adminRewardsRoutes } from "./rewards.routes.ts";

/** Staff-only routes under /api/admin: clients, bulk referral changes, rewards, broadcasts, audit. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(adminClientsRoutes);
  await app.register(adminReferralBulkRoutes);
  await app.register(adminRewardsRoutes);
  await app.register(adminBroadcastsRoutes);
};
