import { randomInt } from "node:crypto";

// No 0/O or 1/I: codes are read aloud and typed from screenshots.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A user's code for inviting friends (users.referral_code), given at sign-up and to invited members. */
export function generateReferralCode(length = 8): string {
  let code = "";
  for (let i = 0; i < length; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
