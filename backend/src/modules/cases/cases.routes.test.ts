import type {
  CaseNote,
  CaseSummary,
  CaseTask,
  CaseTimelineEntry,
  VisaCase,
} from "@referral-app/shared/schemas/case";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsEvents, auditLog, caseTimeline, notifications, visaTypes } from "../../db/schema/index.ts";
import { failInserts } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let client: SignedUpUser;
let stranger: SignedUpUser;
let dependant: SignedUpUser;
let studentType: string;
let workType: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff", name: "Sam Consultant" });
  client = await signUp(t, { name: "Priya Client" });
  stranger = await signUp(t, { name: "Other Client" });
  dependant = await signUp(t, { name: "Ravi Dependant" });
  const [student, work] = await t.ctx.db
    .insert(visaTypes)
    .values([
      { name: "Student visa", destinationCountry: "GB", stageDocuments: { assessment: ["Passport"] } },
      { name: "Skilled worker visa", destinationCountry: "CA" },
    ])
    .returning({ id: visaTypes.id });
  studentType = student!.id;
  workType = work!.id;
});
afterAll(() => t.close());

const get = (url: string, user: SignedUpUser) => t.app.inject({ method: "GET", url, headers: user.headers });
const send = (method: "POST" | "PATCH", url: string, user: SignedUpUser, payload: unknown) =>
  t.app.inject({ method, url, headers: user.headers, payload: payload as object });

async function openCase(payload: Record<string, unknown> = {}): Promise<VisaCase> {
  const response = await send("POST", "/api/admin/cases", staff, {
    clientId: client.id,
    visaTypeId: studentType,
    consultantId: staff.id,
    ...payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: VisaCase }>(response).data;
}

describe("POST /api/admin/cases and GET /api/users/:id/cases", () => {
  it("gives a client several cases, each numbered RC-<year>-NNNNN, newest first", async () => {
    const first = await openCase();
    const second = await openCase({ visaTypeId: workType, targetDate: "2027-03-01" });
    expect(first.number).toMatch(new RegExp(`^RC-${new Date().getUTCFullYear()}-\\d{5}$`));
    expect(Number(second.number.slice(-5))).toBe(Number(first.number.slice(-5)) + 1);
    expect(second).toMatchObject({
      visaType: { id: workType, name: "Skilled worker visa" },
      destinationCountry: "CA",
      targetDate: "2027-03-01",
      currentStage: "enquiry",
      closed: false,
      applicants: [{ kind: "principal", fullName: "Priya Client", hasAccount: true }],
    });
    const mine = json<{ data: CaseSummary[] }>(await get("/api/users/me/cases", client)).data;
    // Sign-up opened the first one.
    expect(mine.map((item) => item.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(mine).toHaveLength(3);
    expect(mine.at(-1)?.visaType.name).toBe("Unspecified");
  });

  it("never shows a client a staff id; staff see the consultant's id", async () => {
    const opened = await openCase();
    const forClient = json<{ data: VisaCase }>(await get(`/api/cases/${opened.id}`, client)).data;
    expect(forClient.consultant).toEqual({ name: "Sam Consultant", email: staff.email });
    expect(JSON.stringify(forClient)).not.toContain(staff.id);
    const forStaff = json<{ data: VisaCase }>(await get(`/api/cases/${opened.id}`, staff)).data;
    expect(forStaff.consultant?.id).toBe(staff.id);
  });

  it("refuses an unknown client or visa type with field errors and writes nothing", async () => {
    const before = await caseCount();
    const badType = await send("POST", "/api/admin/cases", staff, {
      clientId: client.id,
      visaTypeId: "00000000-0000-4000-8000-000000000000",
    });
    expect(badType.statusCode).toBe(400);
    expect(json<{ error: { details: { fields: object } } }>(badType).error.details.fields).toHaveProperty(
      "visaTypeId",
    );
    const notClient = await send("POST", "/api/admin/cases", staff, {
      clientId: staff.id,
      visaTypeId: studentType,
    });
    expect(notClient.statusCode).toBe(400);
    expect(await caseCount()).toBe(before);
    expect(
      (await send("POST", "/api/admin/cases", client, { clientId: client.id, visaTypeId: studentType }))
        .statusCode,
    ).toBe(403);
  });
});

async function caseCount(): Promise<number> {
  const result = await t.ctx.db.execute(sql`select count(*)::int as n from cases`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

describe("GET /api/cases/:id: who may read a case", () => {
  it("lets a dependant with an account read the family case; another client gets 404", async () => {
    const family = await openCase({
      dependants: [
        {
          fullName: "Ravi Dependant",
          relationship: "spouse",
          dateOfBirth: "1991-02-03",
          email: dependant.email,
        },
        { fullName: "Asha Child", relationship: "child", dateOfBirth: "2019-06-01" },
      ],
    });
    expect(family.applicants.map((a) => [a.kind, a.relationship, a.hasAccount])).toEqual([
      ["principal", null, true],
      ["dependant", "spouse", true],
      ["dependant", "child", false],
    ]);
    for (const path of ["", "/notes", "/tasks", "/timeline"]) {
      expect((await get(`/api/cases/${family.id}${path}`, dependant)).statusCode, path).toBe(200);
      const foreign = await get(`/api/cases/${family.id}${path}`, stranger);
      expect(foreign.statusCode, path).toBe(404);
      expect(json<{ error: { code: string } }>(foreign).error.code).toBe("NOT_FOUND");
    }
    const theirs = json<{ data: CaseSummary[] }>(await get("/api/users/me/cases", dependant)).data;
    expect(theirs.map((item) => item.id)).toContain(family.id);
    expect((await get(`/api/users/${client.id}/cases`, stranger)).statusCode).toBe(404);
    expect((await get("/api/cases/not-a-uuid", client)).statusCode).toBe(404);
  });
});

describe("notes: internal ones never reach a client", () => {
  it("returns client notes to the client and applicants, internal ones to staff only", async () => {
    const opened = await openCase();
    const internal = await send("POST", `/api/admin/cases/${opened.id}/notes`, staff, {
      body: "Secret: sponsor licence under review",
      visibility: "internal",
    });
    expect(internal.statusCode).toBe(201);
    await send("POST", `/api/admin/cases/${opened.id}/notes`, staff, {
      body: "Please bring your passport on Monday",
      visibility: "client",
    });
    const forClient = json<{ data: CaseNote[] }>(await get(`/api/cases/${opened.id}/notes`, client)).data;
    expect(forClient.map((note) => note.body)).toEqual(["Please bring your passport on Monday"]);
    const forStaff = json<{ data: CaseNote[] }>(await get(`/api/cases/${opened.id}/notes`, staff)).data;
    expect(forStaff.map((note) => note.visibility)).toEqual(["internal", "client"]);
    // Nor through the timeline or a notification.
    const timeline = await get(`/api/cases/${opened.id}/timeline`, client);
    expect(timeline.body).not.toContain("Secret");
    expect(json<{ data: CaseTimelineEntry[] }>(timeline).data.every((e) => e.visibility === "client")).toBe(
      true,
    );
    await t.drain();
    const told = await t.ctx.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(eq(notifications.userId, client.id));
    expect(told.map((row) => row.body).join(" ")).not.toContain("Secret");
    expect(told.map((row) => row.body)).toContain("Please bring your passport on Monday");
  });
});

describe("one transaction per change", () => {
  it("writes the timeline entry, audit row, notification job and analytics event with a stage change", async () => {
    const opened = await openCase();
    const moved = await send("POST", `/api/admin/cases/${opened.id}/stage`, staff, {
      stage: "assessment",
      note: "Documents received",
    });
    expect(moved.statusCode).toBe(200);
    const body = json<{ data: VisaCase }>(moved).data;
    expect(body.currentStage).toBe("assessment");
    expect(body.stages.find((stage) => stage.id === "assessment")?.status).toBe("current");
    expect(body.history.at(-1)).toMatchObject({
      toStage: "assessment",
      note: "Documents received",
      changedByName: "Sam Consultant",
    });
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, opened.id), eq(auditLog.action, "case.stage_changed")));
    expect(audit?.after).toMatchObject({ stage: "assessment" });
    const events = await t.ctx.db
      .select()
      .from(analyticsEvents)
      .where(eq(analyticsEvents.name, "case_stage_changed"));
    expect(events.some((event) => event.properties?.caseId === opened.id)).toBe(true);
    await t.drain();
    const [told] = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, client.id), eq(notifications.title, "Your case moved to Assessment")),
      );
    expect(told?.body).toContain("Documents received");
  });

  it("commits nothing when a late step fails", async () => {
    const opened = await openCase();
    const undo = await failInserts(t, "audit_log", "new.action = 'case.stage_changed'");
    try {
      const response = await send("POST", `/api/admin/cases/${opened.id}/stage`, staff, { stage: "payment" });
      expect(response.statusCode).toBe(500);
    } finally {
      await undo();
    }
    const after = json<{ data: VisaCase }>(await get(`/api/cases/${opened.id}`, staff)).data;
    expect(after.currentStage).toBe("enquiry");
    const entries = await t.ctx.db.select().from(caseTimeline).where(eq(caseTimeline.caseId, opened.id));
    expect(entries.map((entry) => entry.kind)).toEqual(["opened"]);
  });
});

describe("outcome and reopening", () => {
  it("takes the decision date as the staff member's own today, wherever they are, never a later day", async () => {
    const opened = await openCase();
    const later = await send("POST", `/api/admin/cases/${opened.id}/outcome`, staff, {
      outcome: "granted",
      decidedAt: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(later.statusCode).toBe(400);
    // Already tomorrow in UTC+13 for half of every UTC day: a consultant there records their today.
    const aheadDay = new Date(Date.now() + 13 * 3_600_000).toISOString().slice(0, 10);
    const decided = await send("POST", `/api/admin/cases/${opened.id}/outcome`, staff, {
      outcome: "granted",
      decidedAt: aheadDay,
    });
    expect(decided.statusCode).toBe(200);
    expect(json<{ data: VisaCase }>(decided).data).toMatchObject({ outcome: "granted", decidedAt: aheadDay });
  });

  it("closes the case on a decision: every change answers CASE_CLOSED until it is reopened, with an audit row", async () => {
    const opened = await openCase();
    const future = await send("POST", `/api/admin/cases/${opened.id}/outcome`, staff, {
      outcome: "granted",
      decidedAt: "2999-01-01",
    });
    expect(future.statusCode).toBe(400);
    const today = new Date().toISOString().slice(0, 10);
    const decided = await send("POST", `/api/admin/cases/${opened.id}/outcome`, staff, {
      outcome: "refused",
      decidedAt: today,
    });
    expect(decided.statusCode).toBe(200);
    expect(json<{ data: VisaCase }>(decided).data).toMatchObject({
      outcome: "refused",
      decidedAt: today,
      closed: true,
    });
    for (const [method, path, payload] of [
      ["POST", "stage", { stage: "payment" }],
      ["POST", "notes", { body: "Late note", visibility: "client" }],
      ["POST", "tasks", { title: "Late task", assignee: { kind: "client" }, dueAt: "2030-01-01T00:00:00Z" }],
      ["POST", "outcome", { outcome: "granted", decidedAt: today }],
      ["PATCH", "", { targetDate: "2030-01-01" }],
    ] as const) {
      const response = await send(
        method,
        `/api/admin/cases/${opened.id}${path ? `/${path}` : ""}`,
        staff,
        payload,
      );
      expect(response.statusCode, path).toBe(409);
      expect(json<{ error: { code: string } }>(response).error.code).toBe("CASE_CLOSED");
    }
    const reopened = await send("POST", `/api/admin/cases/${opened.id}/reopen`, staff, {
      reason: "Appeal lodged",
    });
    expect(reopened.statusCode).toBe(200);
    expect(json<{ data: VisaCase }>(reopened).data).toMatchObject({ outcome: null, closed: false });
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, opened.id), eq(auditLog.action, "case.reopened")));
    expect(audit).toMatchObject({ actorId: staff.id, before: { outcome: "refused", decidedAt: today } });
    expect(audit?.after).toMatchObject({ reason: "Appeal lodged" });
    expect(
      (await send("POST", `/api/admin/cases/${opened.id}/reopen`, staff, { reason: "Again please" }))
        .statusCode,
    ).toBe(409);
    expect(
      (await send("POST", `/api/admin/cases/${opened.id}/stage`, staff, { stage: "payment" })).statusCode,
    ).toBe(200);
  });
});

describe("tasks", () => {
  it("lets the assignee or staff complete a task, shows the client's open tasks, and refuses others", async () => {
    const opened = await openCase({
      dependants: [{ fullName: "Ravi Dependant", relationship: "spouse", email: dependant.email }],
    });
    const created = await send("POST", `/api/admin/cases/${opened.id}/tasks`, staff, {
      title: "Book your medical exam",
      assignee: { kind: "client" },
      dueAt: "2030-05-01T09:00:00Z",
    });
    expect(created.statusCode).toBe(201);
    const task = json<{ data: CaseTask }>(created).data;
    expect(task).toMatchObject({
      assignee: { kind: "client", name: "Priya Client" },
      state: "open",
      overdue: false,
    });
    const staffTask = json<{ data: CaseTask }>(
      await send("POST", `/api/admin/cases/${opened.id}/tasks`, staff, {
        title: "Check the sponsor",
        assignee: { kind: "staff", userId: staff.id },
        dueAt: "2020-01-01T00:00:00Z",
      }),
    ).data;
    expect(staffTask.overdue).toBe(true);
    const bad = await send("POST", `/api/admin/cases/${opened.id}/tasks`, staff, {
      title: "Someone",
      assignee: { kind: "staff", userId: client.id },
      dueAt: "2030-01-01T00:00:00Z",
    });
    expect(bad.statusCode).toBe(400);

    const open = json<{ data: CaseTask[] }>(await get("/api/users/me/tasks?state=open", client)).data;
    expect(open.map((item) => item.title)).toContain("Book your medical exam");
    expect(open.find((item) => item.id === task.id)).toMatchObject({
      canComplete: true,
      caseNumber: opened.number,
    });
    // The client sees the staff task's assignee by name only.
    const caseTasks = json<{ data: CaseTask[] }>(await get(`/api/cases/${opened.id}/tasks`, client)).data;
    expect(caseTasks.find((item) => item.id === staffTask.id)?.assignee).toEqual({
      kind: "staff",
      name: "Sam Consultant",
    });

    expect((await send("POST", `/api/tasks/${task.id}/complete`, dependant, {})).statusCode).toBe(403);
    expect((await send("POST", `/api/tasks/${task.id}/complete`, stranger, {})).statusCode).toBe(404);
    const done = await send("POST", `/api/tasks/${task.id}/complete`, client, {});
    expect(done.statusCode).toBe(200);
    expect(json<{ data: CaseTask }>(done).data).toMatchObject({ state: "done", canComplete: false });
    // A retry changes nothing.
    expect((await send("POST", `/api/tasks/${task.id}/complete`, client, {})).statusCode).toBe(200);
    const completions = await t.ctx.db
      .select()
      .from(caseTimeline)
      .where(and(eq(caseTimeline.caseId, opened.id), eq(caseTimeline.kind, "task_completed")));
    expect(completions).toHaveLength(1);
    expect((await send("POST", `/api/tasks/${staffTask.id}/complete`, staff, {})).statusCode).toBe(200);
  });
});

describe("primary case: the seed endpoints act on the most recent open case", () => {
  it("reads and moves the newest open case, skipping decided ones", async () => {
    const person = await signUp(t, { name: "Primary Person" });
    const progressOf = async () =>
      json<{ data: VisaProgress }>(await get(`/api/users/me/visa-progress`, person)).data;
    const signupCase = (await progressOf()).applicationId;
    const newer = json<{ data: VisaCase }>(
      await send("POST", "/api/admin/cases", staff, { clientId: person.id, visaTypeId: studentType }),
    ).data;
    expect((await progressOf()).applicationId).toBe(newer.id);

    const advanced = await send("POST", `/api/admin/users/${person.id}/visa-stage/advance`, staff, {});
    expect(json<{ data: VisaProgress }>(advanced).data).toMatchObject({
      applicationId: newer.id,
      currentStage: "detailed_enquiry",
    });
    const history = json<{ data: VisaProgress }>(advanced).data.history;
    expect(history.at(-1)?.changedBy).toBe(staff.id);
    // Clients never see who moved it.
    expect((await progressOf()).history.every((entry) => entry.changedBy === null)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    await send("POST", `/api/admin/cases/${newer.id}/outcome`, staff, {
      outcome: "withdrawn",
      decidedAt: today,
    });
    expect((await progressOf()).applicationId).toBe(signupCase);
    const set = await t.app.inject({
      method: "PUT",
      url: `/api/admin/users/${person.id}/visa-stage`,
      headers: staff.headers,
      payload: { stage: "assessment" },
    });
    expect(json<{ data: VisaProgress }>(set).data).toMatchObject({
      applicationId: signupCase,
      currentStage: "assessment",
    });
    const profile = await get("/api/users/me/profile", person);
    expect(
      json<{ data: { visaStatus: { currentStage: string } } }>(profile).data.visaStatus.currentStage,
    ).toBe("assessment");

    await send("POST", `/api/admin/cases/${signupCase}/outcome`, staff, {
      outcome: "granted",
      decidedAt: today,
    });
    const closed = await send("POST", `/api/admin/users/${person.id}/visa-stage/advance`, staff, {});
    expect(json<{ error: { code: string } }>(closed).error.code).toBe("CASE_CLOSED");
  });
});

describe("GET /api/admin/cases", () => {
  it("filters by consultant, stage and overdue tasks, and pages with a cursor", async () => {
    const other = await signUp(t, { role: "staff", name: "Zoe Other" });
    const mineNow = await openCase({ consultantId: other.id });
    await send("POST", `/api/admin/cases/${mineNow.id}/tasks`, staff, {
      title: "Overdue",
      assignee: { kind: "client" },
      dueAt: "2020-01-01T00:00:00Z",
    });
    const list = async (query: string, user = staff) =>
      json<{ data: CaseSummary[]; nextCursor: string | null }>(await get(`/api/admin/cases?${query}`, user));
    expect((await list("consultantId=me", other)).data.map((item) => item.id)).toEqual([mineNow.id]);
    expect((await list(`consultantId=${other.id}&overdueTasks=true`)).data).toHaveLength(1);
    expect((await list(`consultantId=${other.id}&overdueTasks=false`)).data).toHaveLength(0);
    expect((await list("stage=payment")).data.every((item) => item.currentStage === "payment")).toBe(true);
    expect((await list(`q=${mineNow.number}`)).data.map((item) => item.id)).toEqual([mineNow.id]);
    expect((await list("q=Priya")).data.length).toBeGreaterThan(2);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await list(`state=all&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.data.map((item) => item.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(await caseCount());
    expect((await get("/api/admin/cases?cursor=broken", staff)).statusCode).toBe(400);
    expect((await get("/api/admin/cases", client)).statusCode).toBe(403);
  });
});
