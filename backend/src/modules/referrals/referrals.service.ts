import type { AppContext } from "../../context.ts";

/**
 * A new user signed up with a friend's code: link them to the referral the code's owner made
 * for their email, or record one for the owner.
 */
export async function attributeSignupReferral(
  _ctx: AppContext,
  _user: { id: string; email: string; name: string },
  _code: string,
): Promise<void> {}
