import type { DbOrTx } from "./client.ts";

/**
 * A named prepared statement per database handle, for the hottest reads: PostgreSQL plans it once
 * per connection instead of on every request. Build it with `sql.placeholder(...)` for the values.
 */
export function prepared<Statement>(build: (db: DbOrTx) => Statement): (db: DbOrTx) => Statement {
  const statements = new WeakMap<DbOrTx, Statement>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
