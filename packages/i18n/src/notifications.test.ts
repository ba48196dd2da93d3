import { describe, expect, it } from "vitest";
import { notificationTitle } from "./notifications.ts";

const sent = (data: Record<string, unknown> | null, title = "As sent") => ({ title, data });

describe("notificationTitle", () => {
  it("says a referral's new status in the language on screen", () => {
    const notification = sent(
      { kind: "referral", referralId: "r1", fromStatus: "qualified", status: "converted" },
      "Referral converted",
    );
    // English is what the server sends, word for word; Spanish says the same.
    expect(notificationTitle(notification, "en")).toBe("Referral converted");
    expect(notificationTitle(notification, "es")).toBe("Referido convertido");
  });

  it("names a case by its number for each kind of change", () => {
    const notification = sent({
      kind: "case",
      caseId: "c1",
      caseNumber: "RC-2026-00001",
      change: "reopened",
    });
    expect(notificationTitle(notification, "es")).toBe("Expediente RC-2026-00001 reabierto");
  });

  it("keeps the title as sent when the data does not say enough", () => {
    expect(notificationTitle(sent(null), "es")).toBe("As sent");
    expect(notificationTitle(sent({ kind: "referral", status: "weird" }), "es")).toBe("As sent");
    expect(notificationTitle(sent({ kind: "referral", status: "pending" }, "Referral received"), "es")).toBe(
      "Referral received",
    );
    expect(notificationTitle(sent({ kind: "case", change: "unknown_change", caseNumber: "X" }), "es")).toBe(
      "As sent",
    );
    expect(notificationTitle(sent({ kind: "broadcast" }), "es")).toBe("As sent");
    // A stage change names its stage, which the data lacks: better as sent than vaguer.
    expect(notificationTitle(sent({ kind: "case", change: "stage_changed", caseNumber: "X" }), "es")).toBe(
      "As sent",
    );
  });
});
