import { signInSchema, signUpSchema } from "@referral-app/shared/schemas/auth";
import { HttpResponse, http } from "msw";
import type { MockStore } from "./mock-store.ts";
import { readJson } from "./respond.ts";

// better-auth answers plain JSON (no envelope) and errors as `{ code, message }`.
function authError(status: number, code: string, message: string) {
  return HttpResponse.json({ code, message }, { status });
}

export function authHandlers(store: MockStore, url: (path: string) => string) {
  const signedInAnswer = (account: { id: string; email: string; name: string }) => {
    store.signedIn = true;
    return HttpResponse.json(
      { token: store.sessionToken, user: { ...account, password: undefined, emailVerified: true } },
      { headers: { "set-auth-token": store.sessionToken } },
    );
  };

  return [
    http.post(url("auth/sign-up/email"), async ({ request }) => {
      const parsed = signUpSchema.safeParse(await readJson(request));
      if (!parsed.success)
        return authError(400, "VALIDATION_ERROR", parsed.error.issues[0]?.message ?? "Invalid");
      const { email, name, password } = parsed.data;
      if (store.accounts.some((account) => account.email === email)) {
        return authError(422, "USER_ALREADY_EXISTS", "User already exists");
      }
      const account = { id: store.nextId(), email, name, password };
      store.accounts.push(account);
      return signedInAnswer(account);
    }),

    http.post(url("auth/sign-in/email"), async ({ request }) => {
      const parsed = signInSchema.safeParse(await readJson(request));
      const account = parsed.success
        ? store.accounts.find(
            (entry) => entry.email === parsed.data.email && entry.password === parsed.data.password,
          )
        : undefined;
      if (!account) return authError(401, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password");
      return signedInAnswer(account);
    }),

    http.post(url("auth/sign-out"), () => {
      store.signedIn = false;
      return HttpResponse.json({ success: true });
    }),

    http.get(url("auth/get-session"), () => {
      if (!store.signedIn) return HttpResponse.json(null);
      const { user } = store;
      const expiresAt = new Date(store.now().getTime() + 7 * 86_400_000).toISOString();
      return HttpResponse.json({
        session: { id: "mock-session", userId: user.id, token: store.sessionToken, expiresAt },
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          emailVerified: user.emailVerified,
        },
      });
    }),

    http.post(url("auth/request-password-reset"), () =>
      HttpResponse.json({ status: true, message: "If this email exists, a reset link is on its way" }),
    ),

    http.post(url("auth/reset-password"), async ({ request }) => {
      const body = (await readJson(request)) as { token?: string; newPassword?: string } | undefined;
      if (!body?.token) return authError(400, "INVALID_TOKEN", "Invalid token");
      return HttpResponse.json({ status: true });
    }),

    http.get(url("auth/verify-email"), ({ request }) =>
      new URL(request.url).searchParams.get("token")
        ? HttpResponse.json({ status: true })
        : authError(400, "INVALID_TOKEN", "Invalid token"),
    ),

    http.post(url("auth/send-verification-email"), () => HttpResponse.json({ status: true })),
  ];
}
