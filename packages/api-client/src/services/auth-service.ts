import {
  type AuthResult,
  authResultSchema,
  type SignInData,
  type SignUpData,
} from "@referral-app/shared/schemas/auth";
import { type AuthSession, authAckSchema, authSessionSchema } from "@referral-app/shared/schemas/session";
import type { z } from "zod";
import type { ApiClient, HttpMethod, RequestOptions } from "../api-client.ts";

/** better-auth under /api/auth: answers are not wrapped in our envelope. */
export class AuthService {
  constructor(private readonly client: ApiClient) {}

  signUp(data: SignUpData): Promise<AuthResult> {
    return this.withToken("auth/sign-up/email", data);
  }

  signIn(data: SignInData): Promise<AuthResult> {
    return this.withToken("auth/sign-in/email", data);
  }

  async signOut(): Promise<void> {
    await this.call("POST", "auth/sign-out", authAckSchema, { json: {} });
  }

  getSession(signal?: AbortSignal): Promise<AuthSession> {
    return this.call("GET", "auth/get-session", authSessionSchema, { signal });
  }

  async requestPasswordReset(email: string, redirectTo: string): Promise<void> {
    await this.call("POST", "auth/request-password-reset", authAckSchema, { json: { email, redirectTo } });
  }

  async resetPassword(newPassword: string, token: string): Promise<void> {
    await this.call("POST", "auth/reset-password", authAckSchema, { json: { newPassword, token } });
  }

  async verifyEmail(token: string): Promise<void> {
    await this.call("GET", "auth/verify-email", authAckSchema, { searchParams: { token } });
  }

  async sendVerificationEmail(email: string, callbackURL?: string): Promise<void> {
    await this.call("POST", "auth/send-verification-email", authAckSchema, { json: { email, callbackURL } });
  }

  private call<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T>,
    options: RequestOptions,
  ): Promise<T> {
    // A 401 here means wrong credentials or no session, never "refresh and retry".
    return this.client.request(method, path, schema, { ...options, skipAuthRefresh: true });
  }

  private async withToken(path: string, body: unknown): Promise<AuthResult> {
    const { data, response } = await this.client.requestWithResponse("POST", path, authResultSchema, {
      json: body,
      skipAuthRefresh: true,
    });
    // The bearer plugin puts the token in a header; the body's copy may be absent on cookie setups.
    return { ...data, token: response.headers.get("set-auth-token") ?? data.token };
  }
}
