import NetInfo from "@react-native-community/netinfo";
import { createIdempotencyKey } from "@referral-app/api-client/client";
import { refreshReferralLists, useApi } from "@referral-app/api-client/react";
import type { CreateReferralData, Referral } from "@referral-app/shared/schemas/referral";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { AppState } from "react-native";
import { asyncStorageOutbox } from "./outbox-storage";
import { type OutboxState, type OutboxStorage, ReferralOutbox } from "./referral-outbox";

export type SubmitOutcome =
  | { status: "sent"; referral: Referral }
  | { status: "queued" }
  | { status: "rejected"; code: string; message: string };

export interface OutboxValue {
  state: OutboxState;
  /** Persists the referral first, then sends it if the device is online. */
  submit: (data: CreateReferralData) => Promise<SubmitOutcome>;
  flush: () => Promise<void>;
  dismissRejected: (idempotencyKey: string) => Promise<void>;
}

const OutboxContext = createContext<OutboxValue | null>(null);

async function isOnline(): Promise<boolean> {
  const state = await NetInfo.fetch();
  return state.isConnected !== false && state.isInternetReachable !== false;
}

export interface OutboxProviderProps {
  children: ReactNode;
  storage?: OutboxStorage;
}

/**
 * The device's referral outbox, sent when the app starts, when the network comes back and when the
 * app returns to the foreground. Uses the shared ReferralService with the key stored on the device.
 */
export function OutboxProvider({ children, storage = asyncStorageOutbox }: OutboxProviderProps) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const [state, setState] = useState<OutboxState>({ pending: [], rejected: [] });
  const outbox = useMemo(
    () =>
      new ReferralOutbox(storage, (data, idempotencyKey) =>
        services.referrals.createReferral(data, { idempotencyKey }),
      ),
    [storage, services.referrals],
  );

  const refreshReferrals = useCallback(() => refreshReferralLists(queryClient), [queryClient]);

  const flush = useCallback(async () => {
    if (!(await isOnline())) return;
    const result = await outbox.flush();
    if (result.sent.length > 0 || result.rejected.length > 0) await refreshReferrals();
  }, [outbox, refreshReferrals]);

  useEffect(() => {
    const unsubscribe = outbox.subscribe(setState);
    void outbox.snapshot().then(setState);
    void flush();
    const net = NetInfo.addEventListener((next) => {
      if (next.isConnected && next.isInternetReachable !== false) void flush();
    });
    const appState = AppState.addEventListener("change", (status) => {
      if (status === "active") void flush();
    });
    return () => {
      unsubscribe();
      net();
      appState.remove();
    };
  }, [outbox, flush]);

  const submit = useCallback(
    async (data: CreateReferralData): Promise<SubmitOutcome> => {
      const { idempotencyKey } = await outbox.enqueue(data, createIdempotencyKey());
      if (!(await isOnline())) return { status: "queued" };
      const result = await outbox.attempt(idempotencyKey);
      if (result.outcome === "kept") return { status: "queued" };
      await refreshReferrals();
      if (result.outcome === "sent") return { status: "sent", referral: result.referral };
      // The user sees this refusal on the form right now: no need to keep it in the outbox.
      await outbox.dismissRejected(idempotencyKey);
      return { status: "rejected", code: String(result.error.code), message: result.error.message };
    },
    [outbox, refreshReferrals],
  );

  const dismissRejected = useCallback((key: string) => outbox.dismissRejected(key), [outbox]);
  const value = useMemo(
    () => ({ state, submit, flush, dismissRejected }),
    [state, submit, flush, dismissRejected],
  );
  return <OutboxContext value={value}>{children}</OutboxContext>;
}

export function useOutbox(): OutboxValue {
  const value = useContext(OutboxContext);
  if (!value) throw new Error("useOutbox must be used inside <OutboxProvider>");
  return value;
}
