import { isApiError } from "@referral-app/api-client/errors";
import { useSession, useSignIn } from "@referral-app/api-client/react";
import type { SignInData } from "@referral-app/shared/schemas/auth";
import { AuthScreen } from "@referral-app/ui/auth-screen";
import { SignInForm } from "@referral-app/ui/sign-in-form";
import { ThemeSelect } from "@referral-app/ui/theme-select";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../error-message.ts";
import { strings } from "../strings.ts";

/** Only same-site paths are followed after sign-in, never an absolute URL. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function Component() {
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (session.data) return <Navigate to={safeNext(params.get("next"))} replace />;

  async function onSubmit(data: SignInData) {
    await signIn.mutateAsync(data);
    navigate(safeNext(params.get("next")), { replace: true });
  }
  const failure = signIn.error;
  return (
    <AuthScreen brand={strings.app.name} actions={<ThemeSelect strings={strings.common} />}>
      <SignInForm
        strings={strings.auth}
        onSubmit={onSubmit}
        pending={signIn.isPending}
        error={
          failure &&
          (isApiError(failure) && failure.status === 401 ? strings.auth.invalid : errorMessage(failure))
        }
      />
    </AuthScreen>
  );
}
