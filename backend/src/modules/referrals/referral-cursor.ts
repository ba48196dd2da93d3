import { DomainError } from "../../lib/domain-error.ts";
import type { ReferralCursor } from "./admin-referrals.repository.ts";
import { isUuid } from "./referrals.repository.ts";

// Opaque to clients: base64url of [created_at with microseconds, id].
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: ReferralCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): ReferralCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === "string" &&
      TIMESTAMP.test(parsed[0]) &&
      typeof parsed[1] === "string" &&
      isUuid(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {}
  throw new DomainError("VALIDATION_ERROR", "Invalid query", { fields: { cursor: ["Invalid cursor"] } });
}
