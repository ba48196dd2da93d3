import type { AuthFailure } from "./auth-request.ts";
import type { Translate } from "./signed-out-strings.tsx";

/** The words for a failure the visitor can act on (the same as the signed-in app's), else a generic one. */
export function failureMessage(failure: AuthFailure, t: Translate): string {
  switch (failure.kind) {
    case "invalidCredentials":
      return t("auth.signIn.invalidCredentials");
    case "emailTaken":
      return t("auth.signUp.emailTaken");
    case "network":
      return t("common.networkError");
    case "originNotAllowed":
      return t("common.originNotAllowed");
    case "rateLimited":
      return t("common.rateLimited", { seconds: failure.seconds });
    default:
      return t("common.genericError");
  }
}
