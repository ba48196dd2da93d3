import nodeModule from "node:module";
import type { PGlite } from "@electric-sql/pglite";
import { FastifyOtelInstrumentation } from "@fastify/otel";
import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

// OpenTelemetry tracing: HTTP (server and outgoing), Fastify routes, PostgreSQL queries (pg, or the
// embedded PGlite), pg-boss sends and job handlers. Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set
// (or a test passes an exporter); when off, every helper here is a cheap no-op.

export interface TracingOptions {
  serviceName: string;
  /** OTLP HTTP base URL, e.g. http://collector:4318 (spans go to `/v1/traces`). */
  endpoint?: string | undefined;
  /** Export here instead (tests: InMemorySpanExporter), span by span. */
  exporter?: SpanExporter;
}

export interface Tracing {
  provider: NodeTracerProvider;
  fastify: FastifyOtelInstrumentation;
  /** Flushes pending spans. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const TRACER = "referral-backend";
const UNTRACED_PATHS = ["/health/", "/metrics"];
let active: Tracing | undefined;

/** Starts tracing once per process; later calls return the running instance. */
export function startTracing(options: TracingOptions): Tracing | undefined {
  if (active) return active;
  if (!options.endpoint && !options.exporter) return undefined;
  const exporter =
    options.exporter ?? new OTLPTraceExporter({ url: `${options.endpoint!.replace(/\/$/, "")}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // Global tracer provider, AsyncLocalStorage context and W3C trace-context propagation.
  provider.register();
  const untraced = (url: string | undefined) => UNTRACED_PATHS.some((path) => url?.startsWith(path));
  const fastify = new FastifyOtelInstrumentation({
    instrumentHooks: false,
    ignorePaths: (route) => untraced(route.url),
  });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => untraced(request.url) }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      fastify,
    ],
  });
  // The backend imports pg as an ES module, which the require hooks do not see. Requiring it once
  // here patches the shared CommonJS module (prototype methods) for every importer.
  // (node:module's default export: the bundle's banner already declares `createRequire`.)
  const load = nodeModule.createRequire(import.meta.url);
  for (const name of ["pg", "pg-pool", "node:http", "node:https"]) load(name);
  active = {
    provider,
    fastify,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      active = undefined;
    },
  };
  return active;
}

export function currentTracing(): Tracing | undefined {
  return active;
}

/** The active trace context as headers, to store with a queued job (undefined when not tracing). */
export function traceCarrier(): Record<string, string> | undefined {
  if (!active || !trace.getSpan(context.active())) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/**
 * Runs a job handler in a CONSUMER span that continues the trace stored with the job, so one trace
 * covers the request that queued the job and the worker that ran it.
 */
export async function withJobSpan<T>(
  queue: string,
  jobId: string,
  carrier: Record<string, string> | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!active) return run();
  const parent: Context = carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
  const span = trace.getTracer(TRACER).startSpan(
    `job ${queue}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        "messaging.system": "pg-boss",
        "messaging.operation.type": "process",
        "messaging.destination.name": queue,
        "messaging.message.id": jobId,
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await run();
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

function recordFailure(span: Span, error: unknown): void {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
  if (error instanceof Error) span.recordException(error);
}

type PgliteQuery = PGlite["query"];
type PgliteExec = PGlite["exec"];
const instrumented = new WeakSet<object>();

/** Spans for the embedded database (pg's instrumentation covers PostgreSQL). */
export function instrumentPglite(pglite: PGlite): void {
  if (instrumented.has(pglite)) return;
  instrumented.add(pglite);
  wrapQueries(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = ((callback: Parameters<PGlite["transaction"]>[0]) =>
    transaction((tx) => {
      wrapQueries(tx as unknown as PGlite);
      return callback(tx);
    })) as PGlite["transaction"];
}

function wrapQueries(target: PGlite): void {
  const query: PgliteQuery = target.query.bind(target);
  const exec: PgliteExec = target.exec.bind(target);
  target.query = ((text: string, ...rest: unknown[]) =>
    dbSpan(text, () => (query as (...args: unknown[]) => Promise<unknown>)(text, ...rest))) as PgliteQuery;
  target.exec = ((text: string, ...rest: unknown[]) =>
    dbSpan(text, () => (exec as (...args: unknown[]) => Promise<unknown>)(text, ...rest))) as PgliteExec;
}

function dbSpan<T>(text: string, run: () => Promise<T>): Promise<T> {
  const parent = context.active();
  // Like pg's instrumentation with requireParentSpan: no orphan spans for background polling.
  if (!active || !trace.getSpan(parent)) return run();
  const operation = text.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? "QUERY";
  const span = trace.getTracer(TRACER).startSpan(
    `pglite.query:${operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "db.system.name": "postgresql",
        "db.system": "postgresql",
        "db.query.text": text.slice(0, 2000),
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await run();
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
