import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** What a local signed link grants: one object, shown or saved under a name, until `exp`. */
const grantSchema = z.object({
  key: z.string().min(1),
  exp: z.number().int(),
  name: z.string(),
  type: z.string(),
  disp: z.enum(["inline", "attachment"]),
});
export type SignedGrant = z.infer<typeof grantSchema>;

const sign = (secret: string, payload: string) =>
  createHmac("sha256", `storage:${secret}`).update(payload).digest("base64url");

/** `<payload>.<hmac>`: the token of a local signed URL (the API route verifies it). */
export function signGrant(secret: string, grant: SignedGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** The grant when the token is ours and not expired, else null. */
export function verifyGrant(secret: string, token: string, now = Date.now()): SignedGrant | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const grant = grantSchema.safeParse(decoded);
  if (!grant.success || grant.data.exp * 1000 <= now) return null;
  return grant.data;
}
