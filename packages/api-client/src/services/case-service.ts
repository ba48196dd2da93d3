import { type CursorPage, cursorPageSchema } from "@referral-app/shared/schemas/admin";
import {
  type AdminCaseListQuery,
  type CaseAnalytics,
  type CaseNote,
  type CaseSummary,
  type CaseTask,
  type CaseTaskListQuery,
  type CaseTimelineEntry,
  type CreateCaseData,
  type CreateCaseNoteData,
  type CreateCaseTaskData,
  caseAnalyticsSchema,
  caseNoteSchema,
  caseSummarySchema,
  caseTaskSchema,
  caseTimelineEntrySchema,
  type ReopenCaseData,
  type SetCaseOutcomeData,
  type SetCaseStageData,
  type UpdateCaseData,
  type VisaCase,
  visaCaseSchema,
} from "@referral-app/shared/schemas/case";
import { z } from "zod";
import type { RequestOptions } from "../api-client.ts";
import { BaseService, pathId } from "./base-service.ts";

type Params = NonNullable<RequestOptions["searchParams"]>;

/** Visa cases: the client's own (`me`) and, under /api/admin, the staff side. */
export class CaseService extends BaseService {
  getUserCases(userId = "me", signal?: AbortSignal): Promise<CaseSummary[]> {
    return this.get(`users/${pathId(userId)}/cases`, z.array(caseSummarySchema), { signal });
  }

  getCase(id: string, signal?: AbortSignal): Promise<VisaCase> {
    return this.get(`cases/${pathId(id)}`, visaCaseSchema, { signal });
  }

  getNotes(caseId: string, signal?: AbortSignal): Promise<CaseNote[]> {
    return this.get(`cases/${pathId(caseId)}/notes`, z.array(caseNoteSchema), { signal });
  }

  getTasks(caseId: string, query: CaseTaskListQuery = {}, signal?: AbortSignal): Promise<CaseTask[]> {
    return this.get(`cases/${pathId(caseId)}/tasks`, z.array(caseTaskSchema), {
      searchParams: { state: query.state },
      signal,
    });
  }

  getTimeline(caseId: string, signal?: AbortSignal): Promise<CaseTimelineEntry[]> {
    return this.get(`cases/${pathId(caseId)}/timeline`, z.array(caseTimelineEntrySchema), { signal });
  }

  /** Tasks assigned to the user across their cases. */
  getUserTasks(userId = "me", query: CaseTaskListQuery = {}, signal?: AbortSignal): Promise<CaseTask[]> {
    return this.get(`users/${pathId(userId)}/tasks`, z.array(caseTaskSchema), {
      searchParams: { state: query.state },
      signal,
    });
  }

  completeTask(taskId: string): Promise<CaseTask> {
    return this.post(`tasks/${pathId(taskId)}/complete`, caseTaskSchema);
  }

  // Staff
  listAdminCases(query: AdminCaseListQuery = {}, signal?: AbortSignal): Promise<CursorPage<CaseSummary>> {
    return this.client.request("GET", "admin/cases", cursorPageSchema(caseSummarySchema), {
      searchParams: query as Params,
      signal,
    });
  }

  createCase(data: CreateCaseData): Promise<VisaCase> {
    return this.post("admin/cases", visaCaseSchema, data);
  }

  updateCase(id: string, data: UpdateCaseData): Promise<VisaCase> {
    return this.patch(`admin/cases/${pathId(id)}`, visaCaseSchema, data);
  }

  setStage(id: string, data: SetCaseStageData): Promise<VisaCase> {
    return this.post(`admin/cases/${pathId(id)}/stage`, visaCaseSchema, data);
  }

  setOutcome(id: string, data: SetCaseOutcomeData): Promise<VisaCase> {
    return this.post(`admin/cases/${pathId(id)}/outcome`, visaCaseSchema, data);
  }

  reopen(id: string, data: ReopenCaseData): Promise<VisaCase> {
    return this.post(`admin/cases/${pathId(id)}/reopen`, visaCaseSchema, data);
  }

  addNote(caseId: string, data: CreateCaseNoteData): Promise<CaseNote> {
    return this.post(`admin/cases/${pathId(caseId)}/notes`, caseNoteSchema, data);
  }

  addTask(caseId: string, data: CreateCaseTaskData): Promise<CaseTask> {
    return this.post(`admin/cases/${pathId(caseId)}/tasks`, caseTaskSchema, data);
  }

  analytics(signal?: AbortSignal): Promise<CaseAnalytics> {
    return this.get("admin/analytics/cases", caseAnalyticsSchema, { signal });
  }
}
