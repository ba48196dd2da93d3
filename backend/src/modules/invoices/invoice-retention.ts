import { and, eq, max, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { invoices } from "../../db/schema/index.ts";

/**
 * The issue date of the client's newest issued invoice (sent, paid or voided: every numbered one is
 * an accounting record), or null. A draft was never issued, so it holds nothing. The privacy
 * module's deletion hold counts the accounting retention period from it.
 */
export async function latestIssuedInvoiceDate(db: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await db
    .select({ at: max(invoices.issueDate) })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), ne(invoices.state, "draft")));
  return row?.at ?? null;
}
