import type { SignInData, SignUpData } from "@referral-app/shared/schemas/auth";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

/** The better-auth session, or null when signed out. */
export function useSession() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.session.all,
    queryFn: ({ signal }) => services.auth.getSession(signal),
    staleTime: 60_000,
  });
}

function useSignedIn() {
  const { onSessionToken } = useApi();
  const queryClient = useQueryClient();
  return async (token: string | null) => {
    if (token) await onSessionToken?.(token);
    // Everything cached belonged to whoever was signed in before.
    await queryClient.invalidateQueries();
  };
}

export function useSignIn() {
  const { services } = useApi();
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (data: SignInData) => services.auth.signIn(data),
    onSuccess: (result) => signedIn(result.token),
  });
}

export function useSignUp() {
  const { services } = useApi();
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (data: SignUpData) => services.auth.signUp(data),
    onSuccess: (result) => signedIn(result.token),
  });
}

/**
 * Signs out. A bearer-token app (mobile) forgets its token even when the call fails: the token is
 * gone from the device. A cookie session (`forgetOnFailure: false`, the web apps) is still valid
 * when the call fails, so the app keeps it and says so instead of pretending.
 */
export function useSignOut({ forgetOnFailure = true }: { forgetOnFailure?: boolean } = {}) {
  const { services, onSessionToken } = useApi();
  const queryClient = useQueryClient();
  const forget = async () => {
    await onSessionToken?.(null);
    queryClient.removeQueries();
    queryClient.setQueryData(queryKeys.session.all, null);
  };
  return useMutation({
    mutationFn: () => services.auth.signOut(),
    onSuccess: forget,
    onError: async () => {
      if (forgetOnFailure) await forget();
    },
  });
}
