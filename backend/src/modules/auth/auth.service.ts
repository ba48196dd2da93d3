import { AsyncLocalStorage } from "node:async_hooks";
import { hash, verify } from "@node-rs/argon2";
import type { Language, ReferrerVisibilityLevel } from "@referral-app/shared/constants";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@referral-app/shared/validation";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { bearer } from "better-auth/plugins/bearer";
import type { AppContext } from "../../context.ts";
import type { Db, Tx } from "../../db/client.ts";
import { accounts, sessions, users, verifications } from "../../db/schema/index.ts";
import { ACTION_MAILS, languageOf } from "../../lib/messages.ts";
import { generateReferralCode } from "../../lib/referral-code.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { openFirstCase } from "../cases/cases.service.ts";
import { queueActionMail } from "../notifications/notifications.service.ts";
import { setMarketingConsentIn } from "../privacy/privacy.service.ts";
import { attributeSignupReferral } from "../referrals/referrals.service.ts";
import { findPreferences, hasPassword, isDeactivated, saveSignUpLanguage } from "./auth.repository.ts";
import { passwordProblem } from "./password-policy.ts";

// The sign-up transaction, while one runs: better-auth's queries (user, account, session) and the
// verification mail join it, so the user, the case and the attribution commit together or not at all.
const signUpTransaction = new AsyncLocalStorage<Tx>();
// The language the person signed up in: their account e-mails speak it from the first one.
const signUpLanguage = new AsyncLocalStorage<Language>();

/** The recipient's language: the sign-up's while one runs, else their saved preference. */
async function recipientLanguage(db: Db | Tx, userId: string): Promise<Language> {
  return signUpLanguage.getStore() ?? languageOf(await findPreferences(db, userId));
}

function accountMail(
  kind: keyof typeof ACTION_MAILS,
  language: Language,
  user: { email: string; name: string },
  url: string,
) {
  const words = ACTION_MAILS[kind][language];
  return {
    to: user.email,
    name: user.name,
    subject: words.subject,
    intro: words.intro,
    action: { label: words.label, url },
    outro: words.outro,
    language,
  };
}

/** ctx.db, except inside a sign-up, where every query better-auth makes goes to its transaction. */
function authDatabase(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      const current = signUpTransaction.getStore() ?? target;
      const value = Reflect.get(current, property, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

// OWASP's argon2id baseline: 19 MiB, 2 passes. (2 is Algorithm.Argon2id, a const enum.)
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createAuth(ctx: AppContext) {
  const { config } = ctx;
  return betterAuth({
    appName: "Referral Client App",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    // Redirect targets (callbackURL, redirectTo) must be relative or on PUBLIC_URL/CORS_ORIGINS, never the
    // request's own Host, which a caller can forge to send a reset link elsewhere.
    trustedOrigins: config.corsOrigins,
    // The CSRF check runs for every route in plugins/origin-check.ts (it trusts same-origin on any host);
    // redirect targets are still checked here, in tests too (better-auth skips that under a test runner).
    advanced: { disableCSRFCheck: true, disableOriginCheck: false },
    database: drizzleAdapter(authDatabase(ctx.db), {
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
      onPasswordReset: async ({ user }) => {
        await writeAudit(ctx.db, {
          actorId: user.id,
          action: "auth.password_reset",
          entityType: "user",
          entityId: user.id,
        });
      },
      sendResetPassword: async ({ user, url }) => {
        await writeAudit(ctx.db, {
          actorId: null,
          action: "auth.password_reset_requested",
          entityType: "user",
          entityId: user.id,
        });
        // Invited staff have no password yet: the same link sets their first one.
        const invited = !(await hasPassword(ctx.db, user.id));
        const language = await recipientLanguage(signUpTransaction.getStore() ?? ctx.db, user.id);
        await queueActionMail(
          ctx,
          accountMail(invited ? "invite" : "reset", language, user, url),
          signUpTransaction.getStore(),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        const language = await recipientLanguage(signUpTransaction.getStore() ?? ctx.db, user.id);
        await queueActionMail(ctx, accountMail("verify", language, user, url), signUpTransaction.getStore());
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated staff member cannot sign in again (their sessions were revoked).
          before: async (session) => {
            if (await isDeactivated(signUpTransaction.getStore() ?? ctx.db, session.userId)) {
              throw new APIError("FORBIDDEN", { message: "This account is deactivated" });
            }
          },
        },
        delete: {
          // Every path that ends a session (sign-out, password reset, revoke) passes here; its live
          // streams close on every instance. A failed publish must not fail the sign-out itself.
          after: async (session) => {
            // This instance forgets it before answering; the others on the database's notice (0017).
            ctx.sessions?.invalidate(`s:${session.id}`);
            await ctx.live.endSessions([session.id]).catch((err: unknown) => {
              ctx.logger.warn({ err }, "session end not published to live streams");
            });
          },
        },
      },
      user: {
        create: {
          before: async (user) => ({ data: { ...user, referralCode: generateReferralCode() } }),
          // In the sign-up's transaction when there is one, so the case commits with the user.
          after: async (user) => {
            if ((user.role ?? "client") === "client")
              await openFirstCase(ctx, user.id, signUpTransaction.getStore());
          },
        },
      },
    },
    // Every way to set a password meets the same policy, whichever route reached better-auth.
    hooks: {
      before: createAuthMiddleware(async (context) => {
        const body = (context.body ?? {}) as Record<string, unknown>;
        let field: "password" | "newPassword";
        let email: string | undefined;
        if (context.path === "/sign-up/email") {
          field = "password";
          email = typeof body.email === "string" ? body.email : undefined;
        } else if (context.path === "/reset-password") {
          field = "newPassword";
          const token = typeof body.token === "string" ? body.token : "";
          const found = token
            ? await context.context.internalAdapter.findVerificationValue(`reset-password:${token}`)
            : null;
          email = found
            ? (await context.context.internalAdapter.findUserById(found.value))?.email
            : undefined;
        } else if (context.path === "/change-password") {
          field = "newPassword";
          email = (await getSessionFromCtx(context))?.user.email;
        } else return;
        const password = body[field];
        const problem = typeof password === "string" ? passwordProblem(password, email) : null;
        if (problem) throw new APIError("BAD_REQUEST", { code: "PASSWORD_REFUSED", message: problem, field });
      }),
    },
    plugins: [bearer()],
    telemetry: { enabled: false },
    // Refusals (a wrong password, a weak one) are answers, relayed in our error shape; only
    // unexpected failures are logged.
    onAPIError: {
      onError: (error) => {
        if (error instanceof APIError && error.status !== "INTERNAL_SERVER_ERROR") return;
        ctx.logger.error({ err: error, source: "better-auth" }, "auth request failed");
      },
    },
    // better-auth's own messages go through our logger: JSON, redacted, and quiet under LOG_LEVEL.
    logger: {
      level: "debug",
      log: (level, message, ...args) =>
        ctx.logger[level]({ source: "better-auth", ...(args.length > 0 ? { args } : {}) }, message),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

class SignUpRefused extends Error {}

/**
 * `POST /api/auth/sign-up/email` in one transaction: better-auth's user, account and session, the
 * verification mail's job, the client's visa case and the referral attribution. Any failure
 * leaves no account behind, so the person can simply try again.
 */
export interface SignUpChoices {
  referralCode?: string | undefined;
  referrerVisibility?: ReferrerVisibilityLevel | undefined;
  language?: Language | undefined;
  marketingConsentVersion?: string | undefined;
}

export async function signUpWithEmail(
  ctx: AppContext,
  auth: Auth,
  request: Request,
  choices: SignUpChoices,
): Promise<Response> {
  let response: Response | undefined;
  const language = choices.language ?? "en";
  try {
    await ctx.db.transaction(async (tx) => {
      response = await signUpTransaction.run(tx, () =>
        signUpLanguage.run(language, () => auth.handler(request)),
      );
      if (!response.ok) throw new SignUpRefused();
      const { user } = (await response.clone().json()) as {
        user: { id: string; email: string; name: string; role?: string };
      };
      if (choices.language) await saveSignUpLanguage(tx, user.id, choices.language);
      if (choices.marketingConsentVersion) {
        const actor = { ...user, role: "client" as const, partnerOrganizationId: null };
        await setMarketingConsentIn(tx, actor, user.id, {
          granted: true,
          textVersion: choices.marketingConsentVersion,
        });
      }
      await attributeSignupReferral(ctx, tx, user, {
        code: choices.referralCode,
        visibility: choices.referrerVisibility,
      });
    });
  } catch (error) {
    if (!(error instanceof SignUpRefused)) throw error;
  }
  return response!;
}

/**
 * Every sign-in attempt, kept in the audit log with where it came from. A failure names the
 * address tried (the log is staff-only, so this tells nobody outside whether an account exists).
 */
export async function auditSignIn(
  ctx: AppContext,
  attempt: { email: string; userId: string | null; ip: string; userAgent: string | undefined },
): Promise<void> {
  const email = attempt.email.trim().toLowerCase();
  await writeAudit(ctx.db, {
    actorId: attempt.userId,
    action: attempt.userId ? "auth.signed_in" : "auth.sign_in_failed",
    entityType: "user",
    entityId: attempt.userId ?? email,
    after: { email, ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 512) ?? null },
  });
}
