// Expo app config (plain CommonJS: Node 20 loads it without a TypeScript step).
// APP_ENV picks the seed's ApiClientFactory environment; EXPO_PUBLIC_API_URL overrides its base URL
// (e.g. http://192.168.1.20:3000/api to reach a laptop from a phone on the same Wi-Fi).
const APP_ENV = process.env.APP_ENV ?? "development";
const API_URL = process.env.EXPO_PUBLIC_API_URL;
// The web host whose https://HOST/r/CODE links open the app (Android App Links, iOS Universal Links).
const WEB_HOST = process.env.EXPO_PUBLIC_WEB_HOST ?? "app.referral.example";
// Expo push tokens need an EAS project id; without one, push registration is skipped.
const EAS_PROJECT_ID = process.env.EAS_PROJECT_ID;

/** @param {import("expo/config").ConfigContext} context @returns {import("expo/config").ExpoConfig} */
module.exports = ({ config }) => ({
  ...config,
  name: "Referral Client",
  slug: "referral-client-app",
  version: "0.1.0",
  scheme: "referralapp",
  orientation: "portrait",
  userInterfaceStyle: "automatic",
  ios: {
    bundleIdentifier: "com.referralapp.client",
    associatedDomains: [`applinks:${WEB_HOST}`],
    supportsTablet: true,
  },
  android: {
    package: "com.referralapp.client",
    intentFilters: [
      {
        action: "VIEW",
        autoVerify: true,
        data: [{ scheme: "https", host: WEB_HOST, pathPrefix: "/r/" }],
        category: ["BROWSABLE", "DEFAULT"],
      },
    ],
  },
  web: { bundler: "metro", output: "single" },
  plugins: ["expo-router", "expo-secure-store", "expo-notifications"],
  extra: {
    appEnv: APP_ENV,
    // Left out when unset: the web manifest would carry a null as `{}`.
    ...(API_URL ? { apiUrl: API_URL } : {}),
    webHost: WEB_HOST,
    ...(EAS_PROJECT_ID ? { eas: { projectId: EAS_PROJECT_ID } } : {}),
  },
});
