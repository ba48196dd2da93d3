import AsyncStorage from "@react-native-async-storage/async-storage";
import type { OutboxState, OutboxStorage } from "./referral-outbox.ts";

// Queued referrals are not secrets (the session token lives in the secure store), so AsyncStorage
// is the right place: it survives restarts and has no size limit worth worrying about here.
const STORAGE_KEY = "referralapp.referral-outbox.v1";

const EMPTY: OutboxState = { pending: [], rejected: [] };

function parse(raw: string | null): OutboxState {
  if (!raw) return EMPTY;
  try {
    const value = JSON.parse(raw) as Partial<OutboxState>;
    return {
      pending: Array.isArray(value.pending) ? value.pending : [],
      rejected: Array.isArray(value.rejected) ? value.rejected : [],
    };
  } catch {
    return EMPTY;
  }
}

export const asyncStorageOutbox: OutboxStorage = {
  async load() {
    return parse(await AsyncStorage.getItem(STORAGE_KEY));
  },
  async save(state) {
    await AsyncStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  },
};
