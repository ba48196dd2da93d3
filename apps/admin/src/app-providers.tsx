import { type ConsoleAppProvidersProps, ConsoleProviders } from "@referral-app/app-kit/console-providers";
import { errorMessage } from "./error-message.ts";
import { LANGUAGE_STORAGE_KEY } from "./language.ts";
import { strings } from "./strings.ts";

const adminConsole = {
  strings,
  errorMessage,
  themeStorageKey: "referral-app.admin.theme",
  languageStorageKey: LANGUAGE_STORAGE_KEY,
};

/** The shared console providers, in the dashboard's words and with its own remembered theme. */
export function AppProviders(props: ConsoleAppProvidersProps) {
  return <ConsoleProviders {...props} {...adminConsole} />;
}
