import { z } from "zod";

/** `GET /api/auth/get-session` (better-auth): the session and its user, or null when signed out. */
export const authSessionSchema = z
  .object({
    session: z.looseObject({
      id: z.string(),
      userId: z.string(),
      expiresAt: z.union([z.string(), z.date()]),
    }),
    user: z.looseObject({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.string().optional(),
      emailVerified: z.boolean().optional(),
    }),
  })
  .nullable()
  .meta({ id: "AuthSession" });
export type AuthSession = z.infer<typeof authSessionSchema>;

/** better-auth's plain acknowledgements (`{ status: true }`, `{ success: true }`). */
export const authAckSchema = z.looseObject({}).nullable().optional();

/** The same acknowledgement as documented: `{ status: true }`, or `{ success: true }` from sign-out. */
export const authStatusSchema = z
  .looseObject({ status: z.boolean().optional(), success: z.boolean().optional() })
  .meta({ id: "AuthStatus" });
