import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";

/** Deletes every user and everything that hangs off them; feature flags and migrations stay. */
export async function resetData(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    truncate table users, partner_organizations, analytics_events, audit_log, dev_mailbox,
      idempotency_keys, verifications, case_number_sequences restart identity cascade
  `);
}
