import { randomUUID } from "node:crypto";
import { constants as zlib } from "node:zlib";
import compress from "@fastify/compress";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "./context.ts";
import { analyticsRoutes } from "./modules/analytics/analytics.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { type Auth, createAuth } from "./modules/auth/auth.service.ts";
import { casesRoutes } from "./modules/cases/cases.routes.ts";
import { clientsRoutes } from "./modules/clients/clients.routes.ts";
import { documentsRoutes } from "./modules/documents/documents.routes.ts";
import { featuresRoutes } from "./modules/features/features.routes.ts";
import { filesRoutes } from "./modules/files/files.routes.ts";
import { invoicesRoutes } from "./modules/invoices/invoices.routes.ts";
import { messagesRoutes } from "./modules/messages/messages.routes.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import { partnersRoutes } from "./modules/partners/partners.routes.ts";
import { payoutsRoutes } from "./modules/payouts/payouts.routes.ts";
import { privacyRoutes } from "./modules/privacy/privacy.routes.ts";
import { referralReviewsRoutes } from "./modules/referral-reviews/referral-reviews.routes.ts";
import { referralsRoutes } from "./modules/referrals/referrals.routes.ts";
import { rewardsRoutes } from "./modules/rewards/rewards.routes.ts";
import { settingsRoutes } from "./modules/settings/settings.routes.ts";
import { staffRoutes } from "./modules/staff/staff.routes.ts";
import { usersRoutes } from "./modules/users/users.routes.ts";
import { errorsPlugin, frameworkErrors } from "./plugins/errors.ts";
import { healthPlugin } from "./plugins/health.ts";
import { httpCachePlugin } from "./plugins/http-cache.ts";
import { jsonBodyPlugin } from "./plugins/json-body.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { openapiPlugin } from "./plugins/openapi.ts";
import { originCheckPlugin } from "./plugins/origin-check.ts";
import { securityPlugin } from "./plugins/security.ts";
import { staticAppsPlugin } from "./plugins/static-apps.ts";
import { telemetryPlugin } from "./plugins/telemetry.ts";
import { storageRoutes } from "./storage/storage.routes.ts";

declare module "fastify" {
  interface FastifyInstance {
    ctx: AppContext;
    auth: Auth;
  }
}

/** Builds the HTTP app on an existing context (database, queue, mailer): used by the server and tests. */
export interface BuildAppOptions {
  /** Sees every route as it is registered (the OpenAPI test's census of the app's routes). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A client that trickles its request, or holds an idle socket, is cut off (0 turns either off).
    requestTimeout: ctx.config.http.requestTimeoutMs,
    connectionTimeout: ctx.config.http.connectionTimeoutMs,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook("onRoute", options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("ctx", ctx);
  app.decorate("auth", createAuth(ctx));
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  // First: route spans must wrap every route registered after it.
  await app.register(telemetryPlugin);
  await app.register(errorsPlugin);
  // JSON and text over 1 KB, for clients that accept it; built assets come precompressed (static-apps.ts)
  // and event streams are never buffered. Brotli at quality 4: most of the gain for little CPU.
  await app.register(compress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(jsonBodyPlugin);
  await app.register(securityPlugin);
  await app.register(originCheckPlugin);
  await app.register(httpCachePlugin);
  await app.register(openapiPlugin);
  await app.register(metricsPlugin);
  await app.register(healthPlugin);

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(filesRoutes);
      await api.register(referralsRoutes);
      await api.register(notificationsRoutes);
      await api.register(analyticsRoutes);
      await api.register(featuresRoutes);
      await api.register(clientsRoutes);
      await api.register(rewardsRoutes);
      await api.register(auditRoutes);
      await api.register(partnersRoutes);
      await api.register(casesRoutes);
      await api.register(staffRoutes);
      await api.register(settingsRoutes);
      await api.register(privacyRoutes);
      await api.register(referralReviewsRoutes);
      await api.register(messagesRoutes);
      await api.register(storageRoutes);
      await api.register(documentsRoutes);
      await api.register(invoicesRoutes);
      await api.register(payoutsRoutes);
    },
    { prefix: "/api" },
  );

  if (ctx.config.serveApps) await app.register(staticAppsPlugin);
  return app;
}
