import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "./telemetry.ts";
import { createTestApp, signUp, type TestApp } from "./test/test-app.ts";

// One trace from the HTTP request that submits a referral, through its SQL and the job it queues,
// to the worker that delivers the notification.

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let t: TestApp;

beforeAll(async () => {
  tracing = startTracing({ serviceName: "trace-test", exporter })!;
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
  await tracing.shutdown();
});

const attribute = (span: ReadableSpan, name: string) => span.attributes[name];

describe("POST /api/referrals tracing", () => {
  it("follows one submission from HTTP through the database and the queue to the job handler", async () => {
    const client = await signUp(t);
    exporter.reset();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: { ...client.headers, "idempotency-key": "trace-1" },
      payload: { fullName: "Traced Friend", email: "traced.friend@example.com" },
    });
    expect(response.statusCode).toBe(201);
    expect(await t.drain()).toBeGreaterThan(0);
    await tracing.flush();

    const spans = exporter.getFinishedSpans();
    const request = spans.find(
      (span) => span.name === "request" && attribute(span, "http.route") === "/api/referrals",
    );
    expect(request, "the HTTP request span").toBeDefined();
    expect(request!.kind).toBe(SpanKind.SERVER);
    expect(attribute(request!, "enduser.id")).toBe(client.id);
    const traceId = request!.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const names = inTrace.map((span) => span.name);

    const sql = inTrace.filter(
      (span) => span.kind === SpanKind.CLIENT && /^(pg|pglite)\.query/.test(span.name),
    );
    expect(sql.length, `database spans in ${names.join(", ")}`).toBeGreaterThan(0);
    expect(
      sql.some((span) =>
        /insert into "referrals"/i.test(
          String(attribute(span, "db.query.text") ?? attribute(span, "db.statement")),
        ),
      ),
    ).toBe(true);

    const send = inTrace.find((span) => span.name === "send notification.deliver");
    expect(send, `queue send span in ${names.join(", ")}`).toBeDefined();
    expect(send!.kind).toBe(SpanKind.PRODUCER);

    const job = inTrace.find((span) => span.name === "job notification.deliver");
    expect(job, `job handler span in ${names.join(", ")}`).toBeDefined();
    expect(job!.kind).toBe(SpanKind.CONSUMER);
    // The handler's own SQL (the in-app notification insert) is in the trace, under the job span.
    const jobSql = inTrace.filter(
      (span) => span.parentSpanContext?.spanId === job!.spanContext().spanId && sql.includes(span),
    );
    expect(jobSql.length).toBeGreaterThan(0);
  });

  it("continues a trace started upstream (traceparent from the gateway or the app)", async () => {
    const client = await signUp(t);
    exporter.reset();
    const upstreamTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await t.app.inject({
      method: "GET",
      url: "/api/users/me/profile",
      headers: { ...client.headers, traceparent: `00-${upstreamTrace}-00f067aa0ba902b7-01` },
    });
    expect(response.statusCode).toBe(200);
    await tracing.flush();
    const request = exporter.getFinishedSpans().find((span) => span.name === "request");
    expect(request?.spanContext().traceId).toBe(upstreamTrace);
  });

  it("does not trace health checks and metrics scrapes", async () => {
    exporter.reset();
    await t.app.inject({ method: "GET", url: "/health/live" });
    await t.app.inject({ method: "GET", url: "/metrics" });
    await tracing.flush();
    expect(exporter.getFinishedSpans().filter((span) => span.name === "request")).toEqual([]);
  });
});
