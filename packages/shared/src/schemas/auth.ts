import { z } from "zod";
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

export const forgotPasswordSchema = z.strictObject({ email: emailSchema, redirectTo: z.string().optional() });
export type ForgotPasswordData = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.strictObject({ token: z.string().min(1), newPassword: passwordSchema });
export type ResetPasswordData = z.input<typeof resetPasswordSchema>;
