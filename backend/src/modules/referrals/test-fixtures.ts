import { sql } from "drizzle-orm";
import type { TestApp } from "../../test/test-app.ts";

let triggers = 0;

/**
 * Test-only: makes inserts into `table` that match `when` (a trigger WHEN condition on `new`)
 * fail, to prove a transaction commits nothing after a late failure. Returns the undo.
 */
export async function failInserts(t: TestApp, table: string, when: string): Promise<() => Promise<void>> {
  triggers += 1;
  const name = `test_fail_${triggers}`;
  await t.ctx.db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin raise exception 'forced failure (test)'; end $$`),
  );
  await t.ctx.db.execute(
    sql.raw(`create trigger ${name} before insert on ${table} for each row
      when (${when}) execute function ${name}()`),
  );
  return async () => {
    await t.ctx.db.execute(sql.raw(`drop trigger ${name} on ${table}`));
    await t.ctx.db.execute(sql.raw(`drop function ${name}()`));
  };
}
