import { z } from "zod";
import { LANGUAGES, REFERRER_VISIBILITY_LEVELS } from "../constants.ts";
import {
  countrySchema,
  emailSchema,
  nameSchema,
  PASSWORD_PROBLEMS,
  passwordContainsEmail,
  passwordSchema,
  phoneSchema,
} from "../validation.ts";
import { userSchema } from "./user.ts";

export const referralCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,12}$/, { message: "Referral codes are 6 to 12 letters and digits" });

/** The body of `POST /api/auth/sign-up/email`. */
export const signUpSchema = z
  .strictObject({
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
    phone: phoneSchema.optional(),
    country: countrySchema.optional(),
    referralCode: referralCodeSchema.optional(),
    /** A referred person's choice of what their referrer sees (default `signed_up`). */
    referrerVisibility: z.enum(REFERRER_VISIBILITY_LEVELS).optional(),
    /** The language the form was shown in: account e-mails use it from the first one. */
    language: z.enum(LANGUAGES).optional(),
    /** Opt-in to promotional messages, with the version of the wording shown. */
    marketingConsentVersion: z.string().trim().min(1).max(40).optional(),
    callbackURL: z.string().optional(),
  })
  // Runs even when a field failed (zod 4), so the fields may be missing.
  .superRefine((value, ctx) => {
    if (typeof value.password !== "string" || typeof value.email !== "string") return;
    if (passwordContainsEmail(value.password, value.email))
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_PROBLEMS.containsEmail });
  })
  .meta({ id: "SignUpData" });
export type SignUpData = z.input<typeof signUpSchema>;

/** The body of `POST /api/auth/sign-in/email`. */
export const signInSchema = z
  .strictObject({
    email: emailSchema,
    password: z.string().min(1, { message: "Enter your password" }),
    rememberMe: z.boolean().optional(),
    callbackURL: z.string().optional(),
  })
  .meta({ id: "SignInData" });
export type SignInData = z.input<typeof signInSchema>;

/** What sign-in and sign-up answer: the bearer token (also in `set-auth-token`) and the user. */
export const authResultSchema = z.object({
  token: z.string().nullable(),
  user: z.looseObject({ id: z.string(), email: z.string(), name: z.string() }),
});
export type AuthResult = z.infer<typeof authResultSchema>;

/** `GET /api/me`: the signed-in user. */
export const sessionUserSchema = userSchema.meta({ id: "SessionUser" });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The body of `POST /api/auth/request-password-reset`; `redirectTo` is where the mailed link lands. */
export const forgotPasswordSchema = z
  .strictObject({ email: emailSchema, redirectTo: z.string().max(2048).optional() })
  .meta({ id: "RequestPasswordResetData" });
export type ForgotPasswordData = z.input<typeof forgotPasswordSchema>;

/** The body of `POST /api/auth/reset-password`. */
export const resetPasswordSchema = z
  .strictObject({ token: z.string().min(1).max(512), newPassword: passwordSchema })
  .meta({ id: "ResetPasswordData" });
export type ResetPasswordData = z.input<typeof resetPasswordSchema>;

/** The body of `POST /api/auth/change-password` (signed in). */
export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, { message: "Enter your password" }).max(512),
    newPassword: passwordSchema,
    revokeOtherSessions: z.boolean().optional(),
  })
  .meta({ id: "ChangePasswordData" });
export type ChangePasswordData = z.input<typeof changePasswordSchema>;

/** The query of `GET /api/auth/verify-email` (the mailed link) and of the reset link's redirect. */
export const authLinkQuerySchema = z.strictObject({
  token: z.string().min(1).max(2048).optional(),
  callbackURL: z.string().max(2048).optional(),
});

/** The body of `POST /api/auth/send-verification-email`. */
export const sendVerificationEmailSchema = z
  .strictObject({ email: emailSchema, callbackURL: z.string().max(2048).optional() })
  .meta({ id: "SendVerificationEmailData" });
export type SendVerificationEmailData = z.input<typeof sendVerificationEmailSchema>;
