import * as SecureStore from "expo-secure-store";

// The session token is a secret: iOS Keychain / Android Keystore through expo-secure-store, never
// AsyncStorage.
const TOKEN_KEY = "referralapp.session-token";

export const tokenStorage = {
  get(): Promise<string | null> {
    return SecureStore.getItemAsync(TOKEN_KEY);
  },
  set(token: string): Promise<void> {
    return SecureStore.setItemAsync(TOKEN_KEY, token, {
      keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY,
    });
  },
  clear(): Promise<void> {
    return SecureStore.deleteItemAsync(TOKEN_KEY);
  },
};
