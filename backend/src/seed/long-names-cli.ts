// Long names for the browser layout test (tools/browser/layout.spec.ts): run after the demo seed, before the server starts (an embedded
// database has one user at a time). Names are longer than sign-up allows (120) on purpose: imported
// and legacy data can be, and a layout must survive any length.
import { sql } from "drizzle-orm";
import { closeContext, createContext } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";

/** 200 characters: words, then one unbroken run (the case that defeats word wrapping). */
const LONG_NAME = `Priya Sharma-Venkataraghavan ${"Long".repeat(43)}`.slice(0, 200);
/** 1,000 characters without a space. */
const VERY_LONG_NAME = "Arjunmehtaverylongname".repeat(46).slice(0, 1000);

async function main() {
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env }, { sendsMail: false });
  const ctx = await createContext(config, { supervise: false });
  try {
    await ctx.db.execute(sql`update users set name = ${LONG_NAME} where email = 'client@demo.test'`);
    await ctx.db.execute(sql`update users set name = ${LONG_NAME} where email = 'partner@demo.test'`);
    // One of the client's referrals and one partner referral carry the 1,000-character name.
    await ctx.db.execute(sql`
      update referrals set full_name = ${VERY_LONG_NAME}
      where id in (
        (select r.id from referrals r join users u on u.id = r.referrer_id
          where u.email = 'client@demo.test' and r.full_name <> 'Arjun Mehta' order by r.created_at limit 1),
        (select id from referrals where partner_organization_id is not null order by created_at limit 1)
      )`);
  } finally {
    await closeContext(ctx);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
