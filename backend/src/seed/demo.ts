import type { UserRole } from "@referral-app/shared/constants";
import { eq, sql } from "drizzle-orm";
import type { AppContext } from "../context.ts";
import { users } from "../db/schema/index.ts";
import { createAuth } from "../modules/auth/auth.ts";

export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: UserRole }> = [
  { email: "client@demo.test", name: "Priya Sharma", role: "client" },
  { email: "staff@demo.test", name: "Sam Staff", role: "staff" },
  { email: "partner@demo.test", name: "Pat Partner", role: "partner" },
];

export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return false;
  await seedDemo(ctx);
  return true;
}

/** The ready demo: one account per role. */
export async function seedDemo(ctx: AppContext): Promise<void> {
  const auth = createAuth(ctx);
  for (const demo of DEMO_USERS) {
    const { user } = await auth.api.signUpEmail({
      body: { email: demo.email, name: demo.name, password: DEMO_PASSWORD },
    });
    await ctx.db.update(users).set({ role: demo.role, emailVerified: true }).where(eq(users.id, user.id));
  }
}
