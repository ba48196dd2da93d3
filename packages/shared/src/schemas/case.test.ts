import { describe, expect, it } from "vitest";
import {
  adminCaseListQuerySchema,
  createCaseSchema,
  createCaseTaskSchema,
  createVisaTypeSchema,
  setCaseOutcomeSchema,
  updateStaffSchema,
} from "./case.ts";

const visaTypeId = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";

describe("case contract", () => {
  it("takes a new case with dependants and leaves the consultant to round-robin", () => {
    const parsed = createCaseSchema.parse({
      clientId: "user-1",
      visaTypeId,
      targetDate: "2027-03-01",
      dependants: [{ fullName: "Ana Li", relationship: "child", dateOfBirth: "2015-06-01" }],
    });
    expect(parsed.consultantId).toBeUndefined();
    expect(parsed.dependants).toHaveLength(1);
    expect(
      createCaseSchema.safeParse({
        clientId: "user-1",
        visaTypeId,
        dependants: [{ fullName: "X", relationship: "cousin" }],
      }).success,
    ).toBe(false);
  });

  it("refuses an impossible outcome date and an unknown outcome", () => {
    expect(setCaseOutcomeSchema.safeParse({ outcome: "granted", decidedAt: "2026-02-30" }).success).toBe(
      false,
    );
    expect(setCaseOutcomeSchema.safeParse({ outcome: "approved", decidedAt: "2026-02-03" }).success).toBe(
      false,
    );
    expect(setCaseOutcomeSchema.parse({ outcome: "refused", decidedAt: "2026-02-03" }).outcome).toBe(
      "refused",
    );
  });

  it("names a task's assignee as the client or a staff member", () => {
    const dueAt = "2026-12-10T09:00:00.000Z";
    expect(
      createCaseTaskSchema.parse({ title: "Book your medical exam", assignee: { kind: "client" }, dueAt })
        .assignee,
    ).toEqual({ kind: "client" });
    expect(
      createCaseTaskSchema.safeParse({ title: "Check", assignee: { kind: "staff" }, dueAt }).success,
    ).toBe(false);
  });

  it("reads list filters from a query string", () => {
    const query = adminCaseListQuerySchema.parse({
      overdueTasks: "false",
      consultantId: "unassigned",
      limit: "20",
    });
    expect(query).toMatchObject({
      overdueTasks: false,
      consultantId: "unassigned",
      limit: 20,
      state: "open",
    });
    expect(adminCaseListQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
  });

  it("keeps the documents each stage needs by stage id", () => {
    const parsed = createVisaTypeSchema.parse({
      name: "Student visa",
      stageDocuments: { application: ["Passport"] },
    });
    expect(parsed.stageDocuments).toEqual({ application: ["Passport"] });
    expect(
      createVisaTypeSchema.safeParse({ name: "Student visa", stageDocuments: { arrival: ["Passport"] } })
        .success,
    ).toBe(false);
  });

  it("needs a role or an active state to change a staff member", () => {
    expect(updateStaffSchema.safeParse({}).success).toBe(false);
    expect(updateStaffSchema.parse({ active: false })).toEqual({ active: false });
  });
});
