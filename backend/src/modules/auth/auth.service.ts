import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@referral-app/shared/validation";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins/bearer";
import type { AppContext } from "../../context.ts";
import { accounts, sessions, users, verifications } from "../../db/schema/index.ts";
import { generateReferralCode } from "../../lib/referral-code.ts";
import { queueActionMail } from "../notifications/notifications.service.ts";
import { openVisaCase } from "../users/users.service.ts";

// OWASP's argon2id baseline: 19 MiB, 2 passes. (2 is Algorithm.Argon2id, a const enum.)
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createAuth(ctx: AppContext) {
  const { config } = ctx;
  return betterAuth({
    appName: "Referral Client App",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    trustedOrigins: config.corsOrigins,
    database: drizzleAdapter(ctx.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Our own rate limiter guards the auth routes (see auth.routes.ts), shared across instances.
    rateLimit: { enabled: false },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "client" },
        phone: { type: "string", required: false },
        country: { type: "string", required: false },
        referralCode: { type: "string", input: false, required: false },
        partnerOrganizationId: { type: "string", input: false, required: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      requireEmailVerification: false,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: (password) => hash(password, ARGON2),
        verify: ({ hash: digest, password }) => verify(digest, password),
      },
      sendResetPassword: async ({ user, url }) => {
        await queueActionMail(ctx, {
          to: user.email,
          name: user.name,
          subject: "Reset your password",
          intro: "Reset your Referral Client App password here (valid for one hour):",
          action: { label: "Choose a new password", url },
          outro: "If you did not ask for this, ignore this email.",
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await queueActionMail(ctx, {
          to: user.email,
          name: user.name,
          subject: "Verify your email address",
          intro: "Confirm your email address for the Referral Client App:",
          action: { label: "Verify my email", url },
        });
      },
    },
    databaseHooks: {
      session: {
        delete: {
          // Every path that ends a session (sign-out, password reset, revoke) passes here; its live
          // streams close on every instance. A failed publish must not fail the sign-out itself.
          after: async (session) => {
            await ctx.live.endSessions([session.id]).catch((err: unknown) => {
              ctx.logger.warn({ err }, "session end not published to live streams");
            });
          },
        },
      },
      user: {
        create: {
          before: async (user) => ({ data: { ...user, referralCode: generateReferralCode() } }),
          after: async (user) => {
            if ((user.role ?? "client") === "client") await openVisaCase(ctx, user.id);
          },
        },
      },
    },
    plugins: [bearer()],
    telemetry: { enabled: false },
    // better-auth's own messages go through our logger: JSON, redacted, and quiet under LOG_LEVEL.
    logger: {
      level: "debug",
      log: (level, message, ...args) =>
        ctx.logger[level]({ source: "better-auth", ...(args.length > 0 ? { args } : {}) }, message),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
