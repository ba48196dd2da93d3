import createClient from "openapi-fetch";
// Written by generated-client.test.ts from the served document (openapi-typescript); git-ignored.
import type { paths } from "./generated/api.ts";

/**
 * A partner agency's script, written only against the generated types and Node's built-in fetch:
 * sign up, sign in, read the profile and visa progress, refer a friend (retried with the same
 * Idempotency-Key), list referrals and stats, read notifications.
 */
export async function clientJourney(baseUrl: string, email: string) {
  const api = createClient<paths>({ baseUrl, fetch: globalThis.fetch });
  const password = "a-long-unusual-passphrase-7";

  const signUp = await api.POST("/api/auth/sign-up/email", {
    body: { name: "Agency Script", email, password, country: "AU" },
  });
  const signIn = await api.POST("/api/auth/sign-in/email", { body: { email, password } });
  if (!signIn.data?.token) throw new Error(`sign-in failed: ${signIn.response.status}`);
  const auth = { headers: { authorization: `Bearer ${signIn.data.token}` } };

  const profile = await api.GET("/api/users/{id}/profile", { params: { path: { id: "me" } }, ...auth });
  const progress = await api.GET("/api/users/{id}/visa-progress", {
    params: { path: { id: "me" } },
    ...auth,
  });

  const referral = {
    params: { header: { "idempotency-key": `journey-${email}` } },
    body: { fullName: "Ben Okafor", email: `friend-${email}` },
    ...auth,
  };
  const created = await api.POST("/api/referrals", referral);
  const retried = await api.POST("/api/referrals", referral);

  const referrals = await api.GET("/api/users/{id}/referrals", { params: { path: { id: "me" } }, ...auth });
  const stats = await api.GET("/api/users/{id}/referral-stats", { params: { path: { id: "me" } }, ...auth });
  const notifications = await api.GET("/api/notifications", {
    params: { query: { page: 1, limit: 20 } },
    ...auth,
  });
  const refused = await api.GET("/api/referrals/{id}", {
    params: { path: { id: "00000000-0000-4000-8000-000000000000" } },
    ...auth,
  });

  return {
    signedUp: signUp.response.status,
    userId: signIn.data.user.id,
    profileEmail: profile.data?.data.email,
    currentStage: progress.data?.data.currentStage,
    createdId: created.data?.data.id,
    retriedId: retried.data?.data.id,
    referralEmails: referrals.data?.data.map((item) => item.email),
    total: stats.data?.data.total,
    notifications: notifications.data?.data.length,
    missing: { status: refused.response.status, code: refused.error?.error.code },
  };
}
