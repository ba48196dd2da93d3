import { isApiError } from "@referral-app/api-client/errors";
import { useSession, useSignIn } from "@referral-app/api-client/react";
import type { SignInData } from "@referral-app/shared/schemas/auth";
import { AuthScreen } from "@referral-app/ui/auth-screen";
import { SignInForm } from "@referral-app/ui/sign-in-form";
import { ThemeSelect } from "@referral-app/ui/theme-select";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ConsoleLanguageSelect } from "./console-language-select.tsx";
import { useConsole } from "./console-providers.tsx";
import { safeNext } from "./sign-in-redirect.ts";

/** A lazy route module: the console's sign-in page, in the words ConsoleProviders carries. */
export function ConsoleSignInPage() {
  const { strings, errorMessage } = useConsole();
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
    <AuthScreen
      brand={strings.app.name}
      actions={
        <>
          <ConsoleLanguageSelect />
          <ThemeSelect strings={strings.common} />
        </>
      }
    >
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

export { ConsoleSignInPage as Component };
