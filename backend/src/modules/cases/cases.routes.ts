import { isStaffRole } from "@referral-app/shared/constants";
import {
  caseNoteSchema,
  caseSummarySchema,
  caseTaskListQuerySchema,
  caseTaskSchema,
  caseTimelineEntrySchema,
  visaCaseSchema,
  visaTypeListQuerySchema,
  visaTypeSchema,
} from "@referral-app/shared/schemas/case";
import { apiResponseSchema, idParamsSchema, userIdParamsSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { adminCasesRoutes } from "./admin-cases.routes.ts";
import {
  getAssignedTasks,
  getCase,
  getCaseNotes,
  getCaseTasks,
  getCaseTimeline,
  listCasesOf,
} from "./case-reads.service.ts";
import { completeTask } from "./case-workflow.service.ts";
import { getVisaTypes } from "./visa-types.service.ts";

/** Cases as their clients, applicants and staff read them; staff changes live in admin-cases.routes.ts. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/users/:id/cases",
    {
      schema: {
        operationId: "listUserCases",
        tags: ["cases"],
        summary: "A client's cases, newest first, including those they are an applicant on (`me` allowed)",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(z.array(caseSummarySchema)), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      return { status: "success" as const, data: await listCasesOf(ctx, actor, userId) };
    },
  );

  app.get(
    "/users/:id/tasks",
    {
      schema: {
        operationId: "listUserTasks",
        tags: ["cases"],
        summary: "Tasks assigned to a user across their cases (`me` allowed; `state=open` for the dashboard)",
        params: userIdParamsSchema,
        querystring: caseTaskListQuerySchema,
        response: { 200: apiResponseSchema(z.array(caseTaskSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      return { status: "success" as const, data: await getAssignedTasks(ctx, actor, userId, request.query) };
    },
  );

  app.get(
    "/cases/:id",
    {
      schema: {
        operationId: "getCase",
        tags: ["cases"],
        summary:
          "One case with its stages, history and applicants (its client, applicants with accounts, staff)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(visaCaseSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await getCase(ctx, actor, request.params.id) };
    },
  );

  app.get(
    "/cases/:id/timeline",
    {
      schema: {
        operationId: "getCaseTimeline",
        tags: ["cases"],
        summary: "A case's timeline, oldest first (clients get the entries meant for them)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(z.array(caseTimelineEntrySchema)), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await getCaseTimeline(ctx, actor, request.params.id) };
    },
  );

  app.get(
    "/cases/:id/notes",
    {
      schema: {
        operationId: "listCaseNotes",
        tags: ["cases"],
        summary: "A case's notes, oldest first (internal notes for staff only)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(z.array(caseNoteSchema)), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await getCaseNotes(ctx, actor, request.params.id) };
    },
  );

  app.get(
    "/cases/:id/tasks",
    {
      schema: {
        operationId: "listCaseTasks",
        tags: ["cases"],
        summary: "A case's tasks, open ones first by due date",
        params: idParamsSchema,
        querystring: caseTaskListQuerySchema,
        response: { 200: apiResponseSchema(z.array(caseTaskSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const data = await getCaseTasks(ctx, actor, request.params.id, request.query);
      return { status: "success" as const, data };
    },
  );

  app.post(
    "/tasks/:id/complete",
    {
      schema: {
        operationId: "completeCaseTask",
        tags: ["cases"],
        summary: "Complete a task (its assignee or staff); completing a done task changes nothing",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(caseTaskSchema), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const data = await completeTask(ctx, actor, request.params.id);
      return { status: "success" as const, data, message: "Task completed" };
    },
  );

  app.get(
    "/visa-types",
    {
      schema: {
        operationId: "listVisaTypes",
        tags: ["cases"],
        summary: "The visa-type catalogue (active types; staff may add `includeRetired=true`)",
        querystring: visaTypeListQuerySchema,
        response: { 200: apiResponseSchema(z.array(visaTypeSchema)), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const includeRetired = isStaffRole(actor.role) && request.query.includeRetired === true;
      return { status: "success" as const, data: await getVisaTypes(ctx, { includeRetired }) };
    },
  );

  await app.register(adminCasesRoutes);
};
