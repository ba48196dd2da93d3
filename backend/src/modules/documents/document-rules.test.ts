import type { CaseDocument, DocumentRequirement } from "@referral-app/shared/schemas/document";
import { describe, expect, it } from "vitest";
import { addMonths, blockingLines, buildLines, lineState, validUntilOf } from "./document-rules.ts";

const requirement = (overrides: Partial<DocumentRequirement>): DocumentRequirement => ({
  id: "passport",
  stage: "enquiry",
  name: "Passport",
  description: "",
  hint: "",
  required: true,
  personal: false,
  acceptedTypes: ["application/pdf"],
  expires: false,
  minValidityMonths: 0,
  ...overrides,
});
const doc = (overrides: Partial<CaseDocument>) =>
  ({
    requirementId: "passport",
    applicantId: null,
    status: "uploaded",
    validUntil: null,
    ...overrides,
  }) as CaseDocument;

describe("document rules", () => {
  it("moves by months, clamped to the month's end", () => {
    expect(addMonths("2027-08-31", -6)).toBe("2027-02-28");
    expect(addMonths("2028-08-31", -6)).toBe("2028-02-29");
    expect(addMonths("2027-01-15", 12)).toBe("2028-01-15");
  });

  it("is valid enough until the expiry date less the months it must have left", () => {
    const passport = requirement({ expires: true, minValidityMonths: 6 });
    expect(validUntilOf(passport, "2028-06-30")).toBe("2027-12-30");
    expect(validUntilOf(requirement({}), "2028-06-30")).toBeNull();
    expect(validUntilOf(passport, null)).toBeNull();
  });

  it("reads missing, rejected, expired (also when short of the target date), expiring, then the status", () => {
    const today = "2027-01-01";
    expect(lineState(null, today, null)).toBe("missing");
    expect(lineState(doc({ status: "rejected", validUntil: "2026-01-01" }), today, null)).toBe("rejected");
    expect(lineState(doc({ validUntil: "2026-12-31" }), today, null)).toBe("expired");
    expect(lineState(doc({ validUntil: "2027-03-01" }), today, "2027-06-01")).toBe("expired");
    expect(lineState(doc({ validUntil: "2027-04-01" }), today, null)).toBe("expiring");
    expect(lineState(doc({ status: "accepted", validUntil: "2027-04-02" }), today, null)).toBe("accepted");
  });

  it("blocks a forward move on required lines left behind that are missing or rejected", () => {
    const lines = buildLines({
      requirements: [
        requirement({ id: "passport", personal: true }),
        requirement({ id: "cv", name: "CV", required: false }),
        requirement({ id: "offer", name: "Offer", stage: "assessment" }),
      ],
      applicants: [
        { id: "a", name: "Ana" },
        { id: "b", name: "Ben" },
      ],
      documents: [doc({ applicantId: "a", status: "accepted" })],
      currentStage: "enquiry",
      targetDate: null,
      today: "2027-01-01",
    });
    expect(lines.map((l) => [l.requirement.id, l.applicant?.id ?? null, l.state, l.neededNow])).toEqual([
      ["passport", "a", "accepted", true],
      ["passport", "b", "missing", true],
      ["cv", null, "missing", true],
      ["offer", null, "missing", false],
    ]);
    expect(blockingLines(lines, "enquiry", "detailed_enquiry").map((l) => l.applicant?.id)).toEqual(["b"]);
    expect(blockingLines(lines, "enquiry", "application").map((l) => l.requirement.id)).toEqual([
      "passport",
      "offer",
    ]);
    expect(blockingLines(lines, "assessment", "enquiry")).toEqual([]);
  });
});
