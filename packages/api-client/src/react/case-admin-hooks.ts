import type {
  AdminCaseListQuery,
  CreateCaseData,
  CreateCaseNoteData,
  CreateCaseTaskData,
  CreateVisaTypeData,
  InviteStaffData,
  ReopenCaseData,
  SetCaseOutcomeData,
  SetCaseStageData,
  UpdateCaseData,
  UpdateConsultancySettingsData,
  UpdateStaffData,
  UpdateVisaTypeData,
  VisaCase,
} from "@referral-app/shared/schemas/case";
import type { ReviewDocumentData } from "@referral-app/shared/schemas/document";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

// The staff side of cases, staff and the catalogue (a subpath, so client apps never load it).

/** The staff case list, cursor by cursor ("Load more"). */
export function useAdminCases(filters: Omit<AdminCaseListQuery, "cursor">) {
  const { services } = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.cases.adminList(filters),
    queryFn: ({ pageParam, signal }) =>
      services.cases.listAdminCases({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A change to one case: the answer replaces its detail, and every case query refreshes. */
function useCaseMutation<Variables>(caseId: string, run: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (answer) => {
      if (answer && typeof answer === "object" && "stages" in answer)
        queryClient.setQueryData(queryKeys.cases.detail(caseId), answer as VisaCase);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
  });
}

/** Staff: what is expiring across all cases. */
export function useExpiringDocuments(withinDays: number) {
  const { services } = useApi();
  return useQuery({
    queryKey: ["documents", "expiring", withinDays] as const,
    queryFn: ({ signal }) => services.documents.listExpiring(withinDays, signal),
  });
}

/** Staff review of a case document; the case's checklist refreshes after it. */
export function useReviewDocument(caseId: string) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...data }: ReviewDocumentData & { id: string }) => services.documents.review(id, data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.documents.checklist(caseId) }),
  });
}

export function useCreateCase() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateCaseData) => services.cases.createCase(data),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.cases.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
    },
  });
}

export function useUpdateCase(caseId: string) {
  const { services } = useApi();
  return useCaseMutation(caseId, (data: UpdateCaseData) => services.cases.updateCase(caseId, data));
}

export function useSetCaseStage(caseId: string) {
  const { services } = useApi();
  return useCaseMutation(caseId, (data: SetCaseStageData) => services.cases.setStage(caseId, data));
}

export function useSetCaseOutcome(caseId: string) {
  const { services } = useApi();
  return useCaseMutation(caseId, (data: SetCaseOutcomeData) => services.cases.setOutcome(caseId, data));
}

export function useReopenCase(caseId: string) {
  const { services } = useApi();
  return useCaseMutation(caseId, (data: ReopenCaseData) => services.cases.reopen(caseId, data));
}

export function useAddCaseNote(caseId: string) {
  const { services } = useApi();
  return useCaseMutation(caseId, (data: CreateCaseNoteData) => services.cases.addNote(caseId, data));
}

export function useAddCaseTask(caseId: string) {
  const { services } = useApi();
  return useCaseMutation(caseId, (data: CreateCaseTaskData) => services.cases.addTask(caseId, data));
}

export function useCaseAnalytics() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.cases.analytics(),
    queryFn: ({ signal }) => services.cases.analytics(signal),
  });
}

// Staff members and settings

export function useStaffMembers() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.staff.list(),
    queryFn: ({ signal }) => services.staff.list(signal),
  });
}

export function useInviteStaff() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: InviteStaffData) => services.staff.invite(data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff.all }),
  });
}

/** A role change or (de)activation; a deactivated member's cases become unassigned, so cases refresh. */
export function useUpdateStaff() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...data }: UpdateStaffData & { id: string }) => services.staff.update(id, data),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staff.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
      ]),
  });
}

export function useConsultancySettings() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.staff.settings(),
    queryFn: ({ signal }) => services.staff.getSettings(signal),
  });
}

export function useUpdateConsultancySettings() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateConsultancySettingsData) => services.staff.updateSettings(data),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.staff.settings(), settings),
  });
}

// The visa-type catalogue

export function useCreateVisaType() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateVisaTypeData) => services.visaTypes.create(data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.visaTypes.all }),
  });
}

export function useUpdateVisaType() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...data }: UpdateVisaTypeData & { id: string }) => services.visaTypes.update(id, data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.visaTypes.all }),
  });
}
