import { signUpSchema } from "@referral-app/shared/schemas/auth";
import { PASSWORD_PROBLEMS } from "@referral-app/shared/validation";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifications } from "../db/schema/index.ts";
import { DEMO_PASSWORD } from "../seed/demo.ts";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 10: 12345678, password and aaaaaaaa were accepted.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Refusal {
  error: { code: string; details?: { fields?: Record<string, string[]> } };
}

const signUpWith = (email: string, password: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    payload: { name: "Jordan Lee", email, password },
  });

function expectRefused(response: Awaited<ReturnType<typeof signUpWith>>, field: string, reason: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json<Refusal>();
  expect(body.error.code).toBe("VALIDATION_ERROR");
  expect(body.error.details?.fields?.[field]).toEqual([reason]);
}

describe("security: password policy", () => {
  it("refuses common passwords, one repeated character and the email's local part at sign-up, saying why", async () => {
    const cases: [string, string][] = [
      ["12345678", PASSWORD_PROBLEMS.common],
      ["password", PASSWORD_PROBLEMS.common],
      ["Password123", PASSWORD_PROBLEMS.common],
      ["aaaaaaaa", PASSWORD_PROBLEMS.repetitive],
      ["Jordan.Lee-2024!", PASSWORD_PROBLEMS.containsEmail],
    ];
    for (const [password, reason] of cases) {
      expectRefused(await signUpWith("jordan.lee@example.com", password), "password", reason);
    }
    expect((await signUpWith("jordan.lee@example.com", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("applies to reset-password and change-password", async () => {
    const user = await signUp(t);
    const change = await t.app.inject({
      method: "POST",
      url: "/api/auth/change-password",
      headers: user.headers,
      payload: { currentPassword: "correct-horse-1", newPassword: "qwertyuiop" },
    });
    expectRefused(change, "newPassword", PASSWORD_PROBLEMS.common);

    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: user.email, redirectTo: "/reset-password" },
    });
    const [row] = await t.ctx.db
      .select({ identifier: verifications.identifier })
      .from(verifications)
      .where(and(eq(verifications.value, user.id), like(verifications.identifier, "reset-password:%")));
    const token = row!.identifier.slice("reset-password:".length);
    const local = user.email.split("@")[0]!;
    for (const [newPassword, reason] of [
      ["iloveyou", PASSWORD_PROBLEMS.common],
      [`${local}!`, PASSWORD_PROBLEMS.containsEmail],
    ] as const) {
      const reset = await t.app.inject({
        method: "POST",
        url: "/api/auth/reset-password",
        payload: { token, newPassword },
      });
      expectRefused(reset, "newPassword", reason);
    }
    // The token is still good for a sound password.
    const sound = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "a-sound-new-passphrase" },
    });
    expect(sound.statusCode).toBe(200);
  });

  it("the shared sign-up schema the forms use refuses the email's local part", () => {
    const parsed = signUpSchema.safeParse({
      name: "Jordan Lee",
      email: "jordan.lee@example.com",
      password: "jordan.lee1",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["password", PASSWORD_PROBLEMS.containsEmail],
    ]);
  });
});
