import { createContext, createElement, type ReactNode, useContext, useMemo } from "react";
import type { ApiClient } from "../api-client.ts";
import { AnalyticsService } from "../services/analytics-service.ts";
import { AuthService } from "../services/auth-service.ts";
import { CaseService } from "../services/case-service.ts";
import { DocumentService } from "../services/document-service.ts";
import { FeatureService } from "../services/feature-service.ts";
import { InvoiceService } from "../services/invoice-service.ts";
import { MessageService } from "../services/message-service.ts";
import { NotificationService } from "../services/notification-service.ts";
import { PayoutService } from "../services/payout-service.ts";
import { ReferralService } from "../services/referral-service.ts";
import { StaffService } from "../services/staff-service.ts";
import { UserService } from "../services/user-service.ts";
import { VisaTypeService } from "../services/visa-type-service.ts";

export interface ApiServices {
  users: UserService;
  referrals: ReferralService;
  notifications: NotificationService;
  auth: AuthService;
  features: FeatureService;
  analytics: AnalyticsService;
  cases: CaseService;
  documents: DocumentService;
  visaTypes: VisaTypeService;
  staff: StaffService;
  invoices: InvoiceService;
  payouts: PayoutService;
  messages: MessageService;
}

export interface ApiContextValue {
  client: ApiClient;
  services: ApiServices;
  /** Where the platform stores the bearer token: called on sign-in/up with it, on sign-out with null. */
  onSessionToken?: (token: string | null) => void | Promise<void>;
}

export function createApiServices(client: ApiClient): ApiServices {
  return {
    users: new UserService(client),
    referrals: new ReferralService(client),
    notifications: new NotificationService(client),
    auth: new AuthService(client),
    features: new FeatureService(client),
    analytics: new AnalyticsService(client),
    cases: new CaseService(client),
    documents: new DocumentService(client),
    visaTypes: new VisaTypeService(client),
    staff: new StaffService(client),
    invoices: new InvoiceService(client),
    payouts: new PayoutService(client),
    messages: new MessageService(client),
  };
}

const ApiContext = createContext<ApiContextValue | null>(null);

export interface ApiProviderProps {
  client: ApiClient;
  /** Replace single services, e.g. with test doubles. */
  services?: Partial<ApiServices>;
  onSessionToken?: (token: string | null) => void | Promise<void>;
  children?: ReactNode;
}

/** Holds the client and its services; place it inside the app's QueryClientProvider. */
export function ApiProvider({ client, services, onSessionToken, children }: ApiProviderProps) {
  const value = useMemo<ApiContextValue>(
    () => ({ client, services: { ...createApiServices(client), ...services }, onSessionToken }),
    [client, services, onSessionToken],
  );
  // createElement rather than JSX keeps this package plain .ts for every toolchain that reads it.
  return createElement(ApiContext.Provider, { value }, children);
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error("useApi must be used inside <ApiProvider>");
  return value;
}
