import type { CaseTask, VisaTypeListQuery } from "@referral-app/shared/schemas/case";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

/** The user's cases, newest first ("Your cases"). */
export function useCases(userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.cases.userList(userId),
    queryFn: ({ signal }) => services.cases.getUserCases(userId, signal),
  });
}

export function useCase(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.cases.detail(id ?? ""),
    queryFn: ({ signal }) => services.cases.getCase(id ?? "", signal),
    enabled: Boolean(id),
  });
}

export function useCaseNotes(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.cases.notes(id ?? ""),
    queryFn: ({ signal }) => services.cases.getNotes(id ?? "", signal),
    enabled: Boolean(id),
  });
}

/** The case's document checklist. */
export function useCaseDocuments(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.documents.checklist(id ?? ""),
    queryFn: ({ signal }) => services.documents.getChecklist(id ?? "", signal),
    enabled: Boolean(id),
  });
}

/** The client's consent to share the case's documents with its partner; the answer is the new checklist. */
export function useSetDocumentSharing(caseId: string) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) => services.documents.setSharing(caseId, shared),
    onSuccess: (checklist) => queryClient.setQueryData(queryKeys.documents.checklist(caseId), checklist),
  });
}

export function useCaseTasks(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.cases.tasks(id ?? ""),
    queryFn: ({ signal }) => services.cases.getTasks(id ?? "", {}, signal),
    enabled: Boolean(id),
  });
}

export function useCaseTimeline(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.cases.timeline(id ?? ""),
    queryFn: ({ signal }) => services.cases.getTimeline(id ?? "", signal),
    enabled: Boolean(id),
  });
}

/** The user's open tasks across their cases (the dashboard's "Your tasks"). */
export function useMyOpenTasks(userId = "me") {
  const { services } = useApi();
  const query = { state: "open" } as const;
  return useQuery({
    queryKey: queryKeys.cases.userTasks(userId, query),
    queryFn: ({ signal }) => services.cases.getUserTasks(userId, query, signal),
  });
}

/** Marks a task done; every case query refreshes (counts, lists and the timeline change with it). */
export function useCompleteTask() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Pick<CaseTask, "id" | "caseId">) => services.cases.completeTask(task.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
  });
}

export function useVisaTypes(query: VisaTypeListQuery = {}) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.visaTypes.list(query),
    queryFn: ({ signal }) => services.visaTypes.list(query, signal),
    staleTime: 5 * 60_000,
  });
}
