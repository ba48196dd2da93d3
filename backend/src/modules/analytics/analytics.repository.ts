import type { DbOrTx } from "../../db/client.ts";
import { analyticsEvents } from "../../db/schema/index.ts";

export interface ServerEvent {
  name: string;
  userId?: string | null;
  properties?: Record<string, unknown>;
}

/** Records a business event; pass the transaction so it lands with the change it describes. */
export async function recordEvent(db: DbOrTx, event: ServerEvent): Promise<void> {
  await db.insert(analyticsEvents).values({
    name: event.name,
    userId: event.userId ?? null,
    source: "server",
    properties: event.properties ?? null,
  });
}
