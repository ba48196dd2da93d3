import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeContext, createContext } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo.ts";
import { runSeed } from "./run-seed.ts";

// `npm run seed [-- --users N --referrals-per-user M] [--reset]` on DATABASE_URL, or the embedded
// database in DATA_DIR (stop the server first: an embedded database has one user at a time).

const USAGE = `Usage: npm run seed -- [--users N] [--referrals-per-user M] [--cases-per-user C] [--reset]
  (no options)             the demo: ${DEMO_USERS.map((user) => user.email).join(", ")}, password ${DEMO_PASSWORD}
  --users N                also N bulk clients client<i>@bulk.demo.test (same password)
  --referrals-per-user M   referrals per bulk client (default 50)
  --cases-per-user C       visa cases per bulk client (default 1; older ones decided)
  --reset                  delete all users and their data first`;

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: "string" },
      "referrals-per-user": { type: "string", default: "50" },
      "cases-per-user": { type: "string", default: "1" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const count = (name: string, value: string | undefined) => {
    if (value === undefined) return 0;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number`);
    return parsed;
  };
  return {
    users: count("users", values.users),
    referralsPerUser: count("referrals-per-user", values["referrals-per-user"]),
    casesPerUser: Math.max(1, count("cases-per-user", values["cases-per-user"])),
    reset: values.reset,
    help: values.help,
  };
}

async function main() {
  const options = parseCli(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const ctx = await createContext(config, { supervise: false });
  try {
    await runSeed(ctx, options);
    const [counts] = (
      (await ctx.db.execute(sql`
        select (select count(*) from users)::int as users,
          (select count(*) from referrals)::int as referrals,
          (select count(*) from cases)::int as cases,
          (select count(*) from notifications)::int as notifications
      `)) as unknown as { rows: { users: number; referrals: number; cases: number; notifications: number }[] }
    ).rows;
    console.log(
      `Database (${ctx.database.kind === "pglite" ? config.dataDir : "PostgreSQL"}): ${counts?.users} users, ${counts?.referrals} referrals, ${counts?.cases} cases, ${counts?.notifications} notifications.`,
    );
    console.log(
      `Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((user) => user.email).join(", ")}`,
    );
  } finally {
    await closeContext(ctx);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
