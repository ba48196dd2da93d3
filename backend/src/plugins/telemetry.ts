import { trace } from "@opentelemetry/api";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { currentTracing } from "../telemetry.ts";
import { currentUser } from "./authenticate.ts";

/**
 * Request tracing (route spans, when tracing is on) and log context: every request's logger already
 * carries its request id (`reqId`, taken from X-Request-Id when the gateway sends one); once the
 * caller is known their `userId` is added, to the logs and to the trace.
 */
export const telemetryPlugin = fp(async (app: FastifyInstance) => {
  const tracing = currentTracing();
  if (tracing) await app.register(tracing.fastify.plugin());

  app.addHook("preHandler", async (request) => {
    // The rate limiter has already looked the session up; this reuses that answer.
    const user = await currentUser(request).catch(() => null);
    if (!user) return;
    request.log = request.log.child({ userId: user.id });
    trace.getActiveSpan()?.setAttribute("enduser.id", user.id);
  });
});
