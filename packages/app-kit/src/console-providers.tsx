import type { ApiClient } from "@referral-app/api-client/client";
import {
  ApiProvider,
  createQueryClient,
  type QueryClientOptions,
  queryKeys,
} from "@referral-app/api-client/react";
import type { Language } from "@referral-app/shared/constants";
import { authSessionSchema } from "@referral-app/shared/schemas/session";
import type { AppShellStrings } from "@referral-app/ui/app-shell";
import { QueryStateProvider, type QueryStateStrings } from "@referral-app/ui/query-state";
import type { SignInFormStrings } from "@referral-app/ui/sign-in-form";
import { ThemeProvider } from "@referral-app/ui/theme";
import type { ThemeSelectStrings } from "@referral-app/ui/theme-select";
import { ToastProvider } from "@referral-app/ui/toast";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { takeCheckedSession } from "./signed-out-start.ts";

// The staff dashboard and the partner portal are one kind of app (a console): a sidebar shell for one
// audience, signed in with a cookie session. Each brings its words; the chrome is written once here.

/** The words the shared console chrome shows; each app's `strings` carries them. */
export interface ConsoleStrings {
  app: AppShellStrings & { name: string; loading: string };
  language: { label: string } & Record<Language, string>;
  /** The country pickers' empty choice and the label of a stored code outside the ISO list (`{{code}}`). */
  country: { choose: string; unknown: string };
  common: QueryStateStrings &
    ThemeSelectStrings & {
      dismiss: string;
      toasts: string;
      signOut: string;
      /** The server did not end the session: the user is still signed in. */
      signOutFailed: string;
    };
  auth: SignInFormStrings & {
    invalid: string;
    /** Shown to a signed-in account the console is not for. */
    deniedTitle: string;
    denied: string;
  };
}

interface ConsoleContextValue {
  strings: ConsoleStrings;
  /** The app's sentence for a failure. */
  errorMessage: (error: unknown) => string;
  /** Where this app remembers the language choice (see console-language.ts). */
  languageStorageKey: string;
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error("Console pages need ConsoleProviders above them");
  return value;
}

/** Staff and partners work records that others change too: data counts as fresh for 15 s. */
export const consoleQueryClientOptions: QueryClientOptions = { staleTime: 15_000 };

/** The console's query cache, holding the session the entry just checked (no second request). */
export function createConsoleQueryClient(): QueryClient {
  const queryClient = createQueryClient(consoleQueryClientOptions);
  const checked = authSessionSchema.safeParse(takeCheckedSession());
  if (checked.success && checked.data) queryClient.setQueryData(queryKeys.session.all, checked.data);
  return queryClient;
}

export interface ConsoleProvidersProps extends ConsoleContextValue {
  client: ApiClient;
  queryClient: QueryClient;
  /** Where this app remembers the theme choice. */
  themeStorageKey: string;
  children: ReactNode;
}

/** What an app passes to its bound providers: the rest is its own. */
export type ConsoleAppProvidersProps = Pick<ConsoleProvidersProps, "client" | "queryClient" | "children">;

export function ConsoleProviders({
  client,
  queryClient,
  strings,
  errorMessage,
  themeStorageKey,
  languageStorageKey,
  children,
}: ConsoleProvidersProps) {
  const value = useMemo(
    () => ({ strings, errorMessage, languageStorageKey }),
    [strings, errorMessage, languageStorageKey],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={client}>
        <ConsoleContext value={value}>
          <ThemeProvider storageKey={themeStorageKey}>
            <ToastProvider closeLabel={strings.common.dismiss} label={strings.common.toasts}>
              <QueryStateProvider strings={strings.common} errorMessage={errorMessage}>
                {children}
              </QueryStateProvider>
            </ToastProvider>
          </ThemeProvider>
        </ConsoleContext>
      </ApiProvider>
    </QueryClientProvider>
  );
}
