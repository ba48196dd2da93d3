import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { dataDirSecret } from "./lib/data-dir-secret.ts";

// The only reader of process.env. Everything else receives a Config.

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const envShape = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** `all`: API + worker in one process (embedded default); `api`: HTTP only, workers run separately. */
  ROLE: z.enum(["all", "api"]).default("all"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Referral Client App <no-reply@referral.local>"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  CORS_ORIGINS: z.string().default(""),
  /**
   * Proxies whose X-Forwarded-For is believed, by address: IPs, CIDR ranges or proxy-addr's names
   * (loopback, linklocal, uniquelocal), comma-separated. Not `true` (anyone could name any address)
   * and not a hop count (Fastify cannot check the peer against one, so it believes nobody).
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, ctx) => {
      const trust = parseTrustProxy(value);
      if (trust === null)
        ctx.addIssue({
          code: "custom",
          message:
            "the proxies' addresses or CIDR ranges, comma-separated (e.g. 10.0.0.0/8,172.16.0.0/12), or false",
        });
      return trust ?? false;
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().default("referral-backend"),
  REFERRAL_REWARD_MINOR: z.coerce.number().int().min(0).default(10_000),
  REFERRAL_REWARD_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("USD"),
  REWARD_HOLDING_DAYS: z.coerce.number().int().min(0).default(14),
  EXPO_PUSH_URL: z.url().optional(),
  EXPO_ACCESS_TOKEN: z.string().optional(),
  SERVE_APPS: booleanish.default(true),
  RATE_LIMIT_AUTH_MAX: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  /** Parallel job batches per queue in each worker process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** Bearer token that /metrics on the API port asks for. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Serve the API's /metrics on this port only (one the ingress does not reach), with no token. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** A separate worker process serves /metrics (job durations) on this port; unset: none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** A worker's claim on a notification channel lapses this long after its last heartbeat. */
  DELIVERY_CLAIM_LAPSE_SECONDS: z.coerce.number().min(1).max(600).default(15),
  /** Open notification streams allowed per session and in total on one instance (429 past either). */
  STREAM_MAX_PER_SESSION: z.coerce.number().int().min(1).max(100).default(5),
  STREAM_MAX_PER_INSTANCE: z.coerce.number().int().min(1).default(2_000),
  /** PostgreSQL: give up connecting, a statement, or a transaction left idle after these (0 = never). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** HTTP: time to receive a whole request, and how long a socket may sit idle (0 = never). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  /** Scheduled purges: dev-mailbox messages and analytics events older than these. */
  MAILBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(14),
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** Member invitations (new and resent) one partner organisation may send per day. */
  PARTNER_INVITES_PER_DAY: z.coerce.number().int().min(1).default(50),
  /** Where uploaded files live: `local` (a folder under DATA_DIR) or `s3` (any S3-compatible bucket). */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: z.string().min(3).optional(),
  /** An S3-compatible service's URL (MinIO, R2…); unset: AWS for S3_REGION. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** `host/bucket` addressing (most S3-compatible services); AWS uses `bucket.host`. */
  S3_FORCE_PATH_STYLE: booleanish.optional(),
  /** clamd's address (`tcp://host:3310`); set: every upload is scanned before it is kept. */
  CLAMD_URL: z.url({ protocol: /^tcp$/ }).optional(),
  /** Largest document upload, in bytes (25 MB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(25 * 1024 * 1024),
  /** `manual` (bank transfer, cash, card terminal recorded by staff; the default) or `stripe` (Checkout). */
  PAYMENTS_PROVIDER: z.enum(["manual", "stripe"]).default("manual"),
  STRIPE_SECRET_KEY: z.string().min(8).optional(),
  /** The endpoint's signing secret (`whsec_…`): webhooks without a valid signature answer 400. */
  STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** Another Stripe API base (stripe-mock, a test server); unset: api.stripe.com. */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
});

const envSchema = envShape.superRefine((env, ctx) => {
  if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) {
    ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "required with STORAGE_DRIVER=s3" });
  }
  if (env.NODE_ENV !== "production") return;
  if (!env.AUTH_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["AUTH_SECRET"],
      message: "a real secret is required in production",
    });
  }
  if (!env.PUBLIC_URL) {
    ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "required in production" });
  }
});

/** The Stripe gateway cannot take money or trust a webhook without both secrets. */
const paymentsSchema = envSchema.superRefine((env, ctx) => {
  if (env.PAYMENTS_PROVIDER !== "stripe") return;
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] as const) {
    if (!env[name])
      ctx.addIssue({ code: "custom", path: [name], message: "required with PAYMENTS_PROVIDER=stripe" });
  }
});

export type Env = z.input<typeof envSchema>;

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** false, or a list of addresses/CIDR ranges/named ranges; null when it is neither. */
function parseTrustProxy(value: string): false | string[] | null {
  if (value === "false" || value === "no" || value === "0") return false;
  const entries = value.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (NAMED_RANGES.has(entry)) return true;
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

export interface Config {
  env: "development" | "test" | "production";
  role: "all" | "api";
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  authSecret: string;
  corsOrigins: string[];
  /** Fastify's `trustProxy`: false, or the proxies' addresses/CIDR ranges. */
  trustProxy: false | string[];
  logLevel: string;
  redisUrl: string | undefined;
  otelEndpoint: string | undefined;
  otelServiceName: string;
  referralReward: { amountMinor: number; currency: string };
  rewardHoldingDays: number;
  expoPushUrl: string | undefined;
  expoAccessToken: string | undefined;
  serveApps: boolean;
  rateLimit: { authMax: number; max: number };
  workerConcurrency: number;
  workerMetricsPort: number | undefined;
  /**
   * /metrics: on its own port when `port` is set; else on the API port, behind `token` when set.
   * In production without either it is not served.
   */
  metrics: { token: string | undefined; port: number | undefined };
  deliveryClaimLapseSeconds: number;
  streams: { perSession: number; perInstance: number };
  databaseTimeouts: DatabaseTimeouts;
  http: { requestTimeoutMs: number; connectionTimeoutMs: number };
  retention: { mailboxDays: number; analyticsDays: number };
  partnerInvitesPerDay: number;
  storage: StorageConfig;
  /** clamd's host and port when uploads are scanned. */
  clamd: { host: string; port: number } | undefined;
  uploadMaxBytes: number;
  payments: {
    provider: "manual" | "stripe";
    stripeSecretKey: string | undefined;
    stripeWebhookSecret: string | undefined;
    stripeApiUrl: string | undefined;
  };
}

export type StorageConfig =
  | { driver: "local" }
  | {
      driver: "s3";
      s3: { bucket: string; region: string; endpoint: string | undefined; forcePathStyle: boolean };
    };

export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the environment; throws ConfigError naming every bad variable. A process that serves or
 * sends mail (server, worker) needs SMTP_URL in production: without it mail would go to the dev
 * mailbox, where staff could read password-reset links. Migrations and seeding send none.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  options: { sendsMail?: boolean } = {},
): Config {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const schema =
    options.sendsMail === false
      ? paymentsSchema
      : paymentsSchema.superRefine((env, ctx) => {
          if (env.NODE_ENV === "production" && !env.SMTP_URL)
            ctx.addIssue({
              code: "custom",
              path: ["SMTP_URL"],
              message: "required in production (without it mail would go to the dev mailbox)",
            });
        });
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    env: env.NODE_ENV,
    role: env.ROLE,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    authSecret: env.AUTH_SECRET ?? dataDirSecret(path.resolve(env.DATA_DIR)),
    corsOrigins: [
      publicUrl,
      ...env.CORS_ORIGINS.split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ],
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    redisUrl: env.REDIS_URL,
    otelEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    otelServiceName: env.OTEL_SERVICE_NAME,
    referralReward: { amountMinor: env.REFERRAL_REWARD_MINOR, currency: env.REFERRAL_REWARD_CURRENCY },
    rewardHoldingDays: env.REWARD_HOLDING_DAYS,
    expoPushUrl: env.EXPO_PUSH_URL,
    expoAccessToken: env.EXPO_ACCESS_TOKEN,
    serveApps: env.SERVE_APPS,
    rateLimit: { authMax: env.RATE_LIMIT_AUTH_MAX, max: env.RATE_LIMIT_MAX },
    workerConcurrency: env.WORKER_CONCURRENCY,
    workerMetricsPort: env.WORKER_METRICS_PORT,
    metrics: { token: env.METRICS_TOKEN, port: env.METRICS_PORT },
    deliveryClaimLapseSeconds: env.DELIVERY_CLAIM_LAPSE_SECONDS,
    streams: { perSession: env.STREAM_MAX_PER_SESSION, perInstance: env.STREAM_MAX_PER_INSTANCE },
    databaseTimeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    http: { requestTimeoutMs: env.REQUEST_TIMEOUT_MS, connectionTimeoutMs: env.CONNECTION_TIMEOUT_MS },
    retention: { mailboxDays: env.MAILBOX_RETENTION_DAYS, analyticsDays: env.ANALYTICS_RETENTION_DAYS },
    partnerInvitesPerDay: env.PARTNER_INVITES_PER_DAY,
    storage:
      env.STORAGE_DRIVER === "s3"
        ? {
            driver: "s3",
            s3: {
              bucket: env.S3_BUCKET ?? "",
              region: env.S3_REGION,
              endpoint: env.S3_ENDPOINT,
              // A custom endpoint is usually MinIO-like (path style); AWS itself takes virtual hosts.
              forcePathStyle: env.S3_FORCE_PATH_STYLE ?? env.S3_ENDPOINT !== undefined,
            },
          }
        : { driver: "local" },
    clamd: env.CLAMD_URL
      ? { host: new URL(env.CLAMD_URL).hostname, port: Number(new URL(env.CLAMD_URL).port || 3310) }
      : undefined,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    payments: {
      provider: env.PAYMENTS_PROVIDER,
      stripeSecretKey: env.STRIPE_SECRET_KEY,
      stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
      stripeApiUrl: env.STRIPE_API_URL,
    },
  };
}

/** The environment variable names the backend reads (deploy manifests are checked against this). */
export const ENV_NAMES: readonly string[] = Object.keys(envShape.shape);
