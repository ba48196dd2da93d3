import type { ApiClient } from "@referral-app/api-client/client";
import {
  createHandlers,
  createMockStore,
  MOCK_BASE_URL,
  type MockStore,
} from "@referral-app/api-client/mocks";
import { QueryClient } from "@tanstack/react-query";
import { getResponse, type RequestHandler } from "msw";
import type { ReactElement, ReactNode } from "react";
import { AppProviders } from "../app-providers";
import { createI18n } from "../i18n/i18n";
import type { OutboxState, OutboxStorage } from "../offline/referral-outbox";
import { createMobileApiClient } from "../session/create-mobile-api-client";
import { SessionToken, type TokenStorage } from "../session/session-token";
import { setDeviceOnline } from "./fake-net-info";

/**
 * The app's real providers and ApiClient, talking to the api-client's MSW handlers through a fake
 * fetch: no sockets, and a switch that takes the device offline (fetch rejects like React Native's).
 */
export interface TestNetwork {
  store: MockStore;
  /** Every request that reached the fake server, in order. */
  requests: Request[];
  setOnline: (online: boolean) => void;
  /** The next N requests reach the server but their answers are lost on the way back. */
  loseResponses: (count: number) => void;
  /** Handlers for one test, consulted before the shared ones (e.g. a checklist with lines). */
  extraHandlers: RequestHandler[];
}

export function createTestNetwork(options: { signedIn?: boolean } = {}): TestNetwork {
  const store = createMockStore({ signedIn: options.signedIn ?? true });
  setDeviceOnline(true);
  return {
    store,
    requests: [],
    setOnline: setDeviceOnline,
    loseResponses: () => undefined,
    extraHandlers: [],
  };
}

export function createTestFetch(network: TestNetwork): typeof fetch {
  const handlers = createHandlers({ store: network.store });
  let online = true;
  let toLose = 0;
  network.setOnline = (value) => {
    online = value;
    setDeviceOnline(value);
  };
  network.loseResponses = (count) => {
    toLose = count;
  };
  return async (input, init) => {
    const request = new Request(input, init);
    if (!online) throw new TypeError("Network request failed");
    network.requests.push(request.clone());
    const response =
      (await getResponse([...network.extraHandlers, ...handlers], request)) ??
      new Response("Not found", { status: 404 });
    if (toLose > 0) {
      toLose -= 1;
      throw new TypeError("Network request failed");
    }
    return response;
  };
}

export function memoryTokenStorage(): TokenStorage {
  let token: string | null = null;
  return {
    get: async () => token,
    set: async (value) => {
      token = value;
    },
    clear: async () => {
      token = null;
    },
  };
}

export function memoryOutboxStorage(): OutboxStorage & { saved: () => OutboxState } {
  let saved: OutboxState = { pending: [], rejected: [] };
  return {
    load: async () => structuredClone(saved),
    save: async (state) => {
      saved = structuredClone(state);
    },
    saved: () => saved,
  };
}

export interface TestAppOptions {
  network: TestNetwork;
  sessionToken?: SessionToken;
  outboxStorage?: OutboxStorage;
}

export interface TestApp {
  client: ApiClient;
  sessionToken: SessionToken;
  wrap: (ui: ReactElement) => ReactElement;
}

export function createTestApp({ network, sessionToken, outboxStorage }: TestAppOptions): TestApp {
  const token = sessionToken ?? new SessionToken(memoryTokenStorage());
  const client = createMobileApiClient({
    sessionToken: token,
    onSignOut: () => undefined,
    config: { environment: "development", baseURL: MOCK_BASE_URL },
    // The client's own retry policy runs, with a short delay.
    overrides: { fetch: createTestFetch(network), retryAttempts: 1, retryDelay: 1 },
  });
  // No garbage-collection timers (5 min by default), so Jest exits as soon as the tests end.
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { gcTime: Number.POSITIVE_INFINITY },
    },
  });
  const wrap = (ui: ReactElement) => (
    <Providers client={client} sessionToken={token} queryClient={queryClient} outboxStorage={outboxStorage}>
      {ui}
    </Providers>
  );
  return { client, sessionToken: token, wrap };
}

function Providers(props: {
  client: ApiClient;
  sessionToken: SessionToken;
  queryClient: QueryClient;
  outboxStorage: OutboxStorage | undefined;
  children: ReactNode;
}) {
  return (
    <AppProviders
      client={props.client}
      sessionToken={props.sessionToken}
      queryClient={props.queryClient}
      i18n={createI18n("en")}
      outboxStorage={props.outboxStorage}
    >
      {props.children}
    </AppProviders>
  );
}
