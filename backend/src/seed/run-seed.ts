import { SingleBar } from "cli-progress";
import { sql } from "drizzle-orm";
import type { AppContext } from "../context.ts";
import { bulkCounts, seedBulk } from "./bulk.ts";
import { seedDemo } from "./demo.ts";
import { resetData } from "./reset.ts";

/** Seeds the demo and, when asked, a bulk data set with a progress bar. Used by the bench too. */
export async function runSeed(
  ctx: AppContext,
  options: {
    users: number;
    referralsPerUser: number;
    casesPerUser?: number;
    reset?: boolean;
    quiet?: boolean;
  },
): Promise<void> {
  const log = (line: string) => {
    if (!options.quiet) console.log(line);
  };
  if (options.reset) {
    await resetData(ctx.db);
    log("Reset: all users and their data deleted.");
  }
  const created = await seedDemo(ctx);
  log(created ? "Demo data created." : "Demo data already there; left as is.");
  if (options.users > 0) {
    const target = options.users * options.referralsPerUser;
    const before = await bulkCounts(ctx.db);
    if (before.users >= options.users) {
      log(`Bulk data already there: ${before.users} clients, ${before.referrals} referrals.`);
    } else {
      const bar = new SingleBar({
        format:
          "Seeding |{bar}| {percentage}% | {value}/{total} referrals | {rows} rows | {speed} rows/s | ETA {eta_formatted}",
        barsize: 30,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5000,
      });
      const started = Date.now();
      bar.start(target, 0, { rows: 0, speed: 0 });
      let done = 0;
      const result = await seedBulk(ctx, {
        users: options.users,
        referralsPerUser: options.referralsPerUser,
        ...(options.casesPerUser ? { casesPerUser: options.casesPerUser } : {}),
        onProgress: ({ referrals, rows }) => {
          done += referrals;
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          bar.update(done, { rows, speed: Math.round(rows / seconds) });
        },
      });
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      log(
        `Bulk: ${result.users} clients and ${result.referrals} referrals (${result.rows} rows) in ${seconds.toFixed(1)} s, ${Math.round(result.rows / Math.max(seconds, 0.001))} rows/s.`,
      );
      // What autovacuum does after a large insert, done now (it would take a while; PGlite has none):
      // statistics so the planner uses the indexes on the new rows, and the visibility map, without
      // which an index-only scan (a referrer's count, the stats) still visits every row's heap page.
      await ctx.db.execute(sql`vacuum (analyze)`);
    }
  }
}
