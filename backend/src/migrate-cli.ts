import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { runMigrations } from "./db/migrate.ts";

// Applies the SQL migrations and exits: the deploy's migration job.
const config = loadConfig(process.env, { sendsMail: false });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const started = Date.now();
await runMigrations(database);
await database.close();
console.log(`migrations applied in ${Date.now() - started} ms`);
