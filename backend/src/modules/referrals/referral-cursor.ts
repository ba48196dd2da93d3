import { decodeCursor as decodeKeyset, encodeCursor as encodeKeyset } from "../../lib/cursor.ts";
import type { ReferralCursor } from "./admin-referrals.repository.ts";

// Opaque to clients: the keyset cursor of lib/cursor.ts, named for the referral lists.
export const encodeCursor = (cursor: ReferralCursor): string =>
  encodeKeyset({ t: cursor.createdAt, id: cursor.id });

export function decodeCursor(value: string): ReferralCursor {
  const { t, id } = decodeKeyset(value);
  return { createdAt: t, id };
}
