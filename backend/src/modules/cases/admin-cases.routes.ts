import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import {
  adminCaseListQuerySchema,
  caseAnalyticsSchema,
  caseNoteSchema,
  caseSummarySchema,
  caseTaskSchema,
  createCaseNoteSchema,
  createCaseSchema,
  createCaseTaskSchema,
  createVisaTypeSchema,
  reopenCaseSchema,
  setCaseOutcomeSchema,
  setCaseStageSchema,
  updateCaseSchema,
  updateVisaTypeSchema,
  visaCaseSchema,
  visaTypeSchema,
} from "@referral-app/shared/schemas/case";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { getCaseAnalytics } from "./case-analytics.service.ts";
import { listAllCases } from "./case-reads.service.ts";
import {
  addCaseNote,
  addCaseTask,
  reopenCase,
  setCaseOutcome,
  setCaseStage,
  updateCase,
} from "./case-workflow.service.ts";
import { createCase } from "./cases.service.ts";
import { changeVisaType, createVisaType } from "./visa-types.service.ts";

const changeErrors = errorResponses(400, 401, 403, 404, 409);

/** Staff work cases; admins keep the visa-type catalogue. */
export const adminCasesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/cases",
    {
      schema: {
        operationId: "listAdminCases",
        tags: ["cases", "admin"],
        summary:
          "Staff: cases by filter (stage, consultant, visa type, overdue tasks, open/decided), cursor pages",
        querystring: adminCaseListQuerySchema,
        response: { 200: cursorPageSchema(caseSummarySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAllCases(ctx, await requireStaff(request), request.query),
  );

  app.post(
    "/admin/cases",
    {
      schema: {
        operationId: "createCase",
        tags: ["cases", "admin"],
        summary: "Staff: open a case for a client (round-robin consultant unless one is given)",
        body: createCaseSchema,
        response: { 201: apiResponseSchema(visaCaseSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const data = await createCase(ctx, await requireStaff(request), request.body);
      return reply
        .status(201)
        .send({ status: "success" as const, data, message: `Case ${data.number} opened` });
    },
  );

  app.patch(
    "/admin/cases/:id",
    {
      schema: {
        operationId: "updateCase",
        tags: ["cases", "admin"],
        summary: "Staff: change the consultant, target date, visa type, destination or dependants",
        params: idParamsSchema,
        body: updateCaseSchema,
        response: { 200: apiResponseSchema(visaCaseSchema), ...changeErrors },
      },
    },
    async (request) => {
      const data = await updateCase(ctx, await requireStaff(request), request.params.id, request.body);
      return { status: "success" as const, data, message: "Case updated" };
    },
  );

  app.post(
    "/admin/cases/:id/stage",
    {
      schema: {
        operationId: "setCaseStage",
        tags: ["cases", "admin"],
        summary: "Staff: move a case to a stage, with a note to the client",
        params: idParamsSchema,
        body: setCaseStageSchema,
        response: { 200: apiResponseSchema(visaCaseSchema), ...changeErrors },
      },
    },
    async (request) => {
      const data = await setCaseStage(ctx, await requireStaff(request), request.params.id, request.body);
      return { status: "success" as const, data };
    },
  );

  app.post(
    "/admin/cases/:id/outcome",
    {
      schema: {
        operationId: "setCaseOutcome",
        tags: ["cases", "admin"],
        summary: "Staff: record the decision (granted, refused, withdrawn); the case closes",
        params: idParamsSchema,
        body: setCaseOutcomeSchema,
        response: { 200: apiResponseSchema(visaCaseSchema), ...changeErrors },
      },
    },
    async (request) => {
      const data = await setCaseOutcome(ctx, await requireStaff(request), request.params.id, request.body);
      return { status: "success" as const, data, message: "Decision recorded" };
    },
  );

  app.post(
    "/admin/cases/:id/reopen",
    {
      schema: {
        operationId: "reopenCase",
        tags: ["cases", "admin"],
        summary: "Staff: reopen a decided case (audited with the reason)",
        params: idParamsSchema,
        body: reopenCaseSchema,
        response: { 200: apiResponseSchema(visaCaseSchema), ...changeErrors },
      },
    },
    async (request) => {
      const data = await reopenCase(ctx, await requireStaff(request), request.params.id, request.body);
      return { status: "success" as const, data, message: "Case reopened" };
    },
  );

  app.post(
    "/admin/cases/:id/notes",
    {
      schema: {
        operationId: "addCaseNote",
        tags: ["cases", "admin"],
        summary: "Staff: add a note, internal (staff only) or for the client",
        params: idParamsSchema,
        body: createCaseNoteSchema,
        response: { 201: apiResponseSchema(caseNoteSchema), ...changeErrors },
      },
    },
    async (request, reply) => {
      const data = await addCaseNote(ctx, await requireStaff(request), request.params.id, request.body);
      return reply.status(201).send({ status: "success" as const, data });
    },
  );

  app.post(
    "/admin/cases/:id/tasks",
    {
      schema: {
        operationId: "addCaseTask",
        tags: ["cases", "admin"],
        summary: "Staff: add a task for the client or a staff member, with a due date",
        params: idParamsSchema,
        body: createCaseTaskSchema,
        response: { 201: apiResponseSchema(caseTaskSchema), ...changeErrors },
      },
    },
    async (request, reply) => {
      const data = await addCaseTask(ctx, await requireStaff(request), request.params.id, request.body);
      return reply.status(201).send({ status: "success" as const, data });
    },
  );

  app.post(
    "/admin/visa-types",
    {
      schema: {
        operationId: "createVisaType",
        tags: ["cases", "admin"],
        summary: "Admins: add a visa type to the catalogue",
        body: createVisaTypeSchema,
        response: { 201: apiResponseSchema(visaTypeSchema), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const data = await createVisaType(ctx, await requireRole(request, ["admin"]), request.body);
      return reply.status(201).send({ status: "success" as const, data });
    },
  );

  app.patch(
    "/admin/visa-types/:id",
    {
      schema: {
        operationId: "updateVisaType",
        tags: ["cases", "admin"],
        summary: "Admins: edit or retire a visa type (retired types stay on their cases)",
        params: idParamsSchema,
        body: updateVisaTypeSchema,
        response: { 200: apiResponseSchema(visaTypeSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      return {
        status: "success" as const,
        data: await changeVisaType(ctx, actor, request.params.id, request.body),
      };
    },
  );

  app.get(
    "/admin/analytics/cases",
    {
      schema: {
        operationId: "getCaseAnalytics",
        tags: ["cases", "analytics"],
        summary: "Staff: time in each stage per visa type, consultants' load, outcomes, share from referrals",
        response: { 200: apiResponseSchema(caseAnalyticsSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getCaseAnalytics(ctx) };
    },
  );
};
