import type {
  AdminInvoiceListQuery,
  CreateInvoiceData,
  RecordPaymentData,
  RefundInvoiceData,
  RevenueAnalyticsQuery,
  UpdateInvoiceData,
  VoidInvoiceData,
} from "@referral-app/shared/schemas/invoice";
import type { UpdateRewardPreferenceData } from "@referral-app/shared/schemas/rewards";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";

// Query keys: everything money-related lives under "invoices" so one invalidation refreshes it.
export const invoiceKeys = {
  all: ["invoices"] as const,
  caseList: (caseId: string) => ["invoices", "case", caseId] as const,
  detail: (id: string) => ["invoices", "detail", id] as const,
  adminList: (query: Partial<AdminInvoiceListQuery>) => ["invoices", "admin", query] as const,
  credit: (userId: string) => ["invoices", "credit", userId] as const,
  preference: (userId: string) => ["invoices", "reward-preference", userId] as const,
  templates: (visaTypeId: string | undefined) => ["invoices", "templates", visaTypeId ?? "all"] as const,
};

export function useCaseInvoices(caseId: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: invoiceKeys.caseList(caseId ?? ""),
    queryFn: ({ signal }) => services.invoices.getCaseInvoices(caseId ?? "", signal),
    enabled: Boolean(caseId),
  });
}

export function useInvoice(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: invoiceKeys.detail(id ?? ""),
    queryFn: ({ signal }) => services.invoices.getInvoice(id ?? "", signal),
    enabled: Boolean(id),
  });
}

export function usePayInvoice() {
  const { services } = useApi();
  return useMutation({ mutationFn: (id: string) => services.invoices.pay(id) });
}

/** Asks for a short-lived PDF link (the caller opens it in the browser). */
export function useInvoicePdfLink() {
  const { services } = useApi();
  return useMutation({
    mutationFn: ({ id, kind = "invoice" }: { id: string; kind?: "invoice" | "receipt" }) =>
      services.invoices.getPdfLink(id, kind),
  });
}

export function useCredit(userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: invoiceKeys.credit(userId),
    queryFn: ({ signal }) => services.invoices.getCredit(userId, signal),
  });
}

export function useRewardPreference(userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: invoiceKeys.preference(userId),
    queryFn: ({ signal }) => services.invoices.getRewardPreference(userId, signal),
  });
}

export function useSetRewardPreference() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateRewardPreferenceData) => services.invoices.setRewardPreference(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
  });
}

export function useAdminInvoices(query: Partial<AdminInvoiceListQuery>) {
  const { services } = useApi();
  return useQuery({
    queryKey: invoiceKeys.adminList(query),
    queryFn: ({ signal }) => services.invoices.listAdmin(query, signal),
  });
}

export function useRevenueAnalytics(query: RevenueAnalyticsQuery = {}) {
  const { services } = useApi();
  return useQuery({
    queryKey: [...invoiceKeys.all, "revenue", query] as const,
    queryFn: ({ signal }) => services.invoices.getRevenueAnalytics(query, signal),
  });
}

export function useInvoiceTemplates(visaTypeId: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: invoiceKeys.templates(visaTypeId),
    queryFn: ({ signal }) => services.invoices.getTemplates(visaTypeId, signal),
  });
}

/** Staff changes to an invoice: each refreshes every invoice query (lists, details, credit). */
export function useInvoiceActions() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
  return {
    create: useMutation({
      mutationFn: (data: CreateInvoiceData) => services.invoices.create(data),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, data }: { id: string; data: UpdateInvoiceData }) =>
        services.invoices.update(id, data),
      onSuccess: refresh,
    }),
    send: useMutation({ mutationFn: (id: string) => services.invoices.send(id), onSuccess: refresh }),
    recordPayment: useMutation({
      mutationFn: ({ id, data, key }: { id: string; data: RecordPaymentData; key: string }) =>
        services.invoices.recordPayment(id, data, key),
      onSuccess: refresh,
    }),
    voidInvoice: useMutation({
      mutationFn: ({ id, data }: { id: string; data: VoidInvoiceData }) => services.invoices.void(id, data),
      onSuccess: refresh,
    }),
    refund: useMutation({
      mutationFn: ({ id, data }: { id: string; data: RefundInvoiceData }) =>
        services.invoices.refund(id, data),
      onSuccess: refresh,
    }),
  };
}
