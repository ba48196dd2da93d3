import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.ts";
import { closeContext, createContext } from "./bootstrap.ts";
import { loadConfig } from "./config.ts";
import { startWorkers } from "./jobs/worker.ts";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from "./seed/demo.ts";

// `npm start`: one process serves the API and the apps and, in embedded mode, runs the worker too.
// `ROLE=api` (npm run start:api) serves only; the worker then runs as its own process.
const config = loadConfig();
const { role } = config;
const ctx = await createContext(config, { supervise: role === "all" });
// Demo accounts with a published password are for trying the product, never for production.
const demo = role === "all" && ctx.database.kind === "pglite" && config.env !== "production";
if (role === "all") {
  await startWorkers(ctx);
  if (demo) await seedDemoIfEmpty(ctx);
}
const app = await buildApp(ctx);

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "shutting down after an error");
  else app.log.info({ signal }, "shutting down");
  await app.close();
  await closeContext(ctx);
});

const address = await app.listen({ port: config.port, host: config.host });
const base = config.publicUrl;
console.log(`
Referral Client App is running (${ctx.database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL"})
  Client app      ${base}/
  Staff dashboard ${base}/admin/
  Partner portal  ${base}/partners/
  API docs        ${base}/api/docs
  Listening on    ${address}${demo ? `\nDemo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((user) => user.email).join(", ")}` : ""}
`);
