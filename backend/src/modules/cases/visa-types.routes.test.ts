import type { VisaType } from "@referral-app/shared/schemas/case";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: SignedUpUser;
let staff: SignedUpUser;
let client: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, { role: "admin" });
  staff = await signUp(t, { role: "staff" });
  client = await signUp(t);
});
afterAll(() => t.close());

const list = async (user: SignedUpUser, query = "") =>
  json<{ data: VisaType[] }>(await t.app.inject({ url: `/api/visa-types${query}`, headers: user.headers }))
    .data;

describe("the visa-type catalogue", () => {
  it("lets admins add and edit types; staff and clients read the active ones", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/visa-types",
      headers: admin.headers,
      payload: {
        name: "Student visa",
        destinationCountry: "GB",
        stageDocuments: { assessment: ["Passport", "Offer letter"] },
      },
    });
    expect(created.statusCode).toBe(201);
    const type = json<{ data: VisaType }>(created).data;
    expect(type).toMatchObject({
      name: "Student visa",
      destinationCountry: "GB",
      active: true,
      description: "",
    });
    expect((await list(client)).map((item) => item.name)).toContain("Student visa");

    const duplicate = await t.app.inject({
      method: "POST",
      url: "/api/admin/visa-types",
      headers: admin.headers,
      payload: { name: "student VISA" },
    });
    expect(duplicate.statusCode).toBe(409);
    const byStaff = await t.app.inject({
      method: "POST",
      url: "/api/admin/visa-types",
      headers: staff.headers,
      payload: { name: "Work visa" },
    });
    expect(byStaff.statusCode).toBe(403);

    const retired = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/visa-types/${type.id}`,
      headers: admin.headers,
      payload: { active: false, description: "Replaced by the new route" },
    });
    expect(json<{ data: VisaType }>(retired).data).toMatchObject({
      active: false,
      description: "Replaced by the new route",
    });
    expect((await list(client)).map((item) => item.id)).not.toContain(type.id);
    // Staff editing the catalogue see retired types; clients asking for them do not.
    expect((await list(staff, "?includeRetired=true")).map((item) => item.id)).toContain(type.id);
    expect((await list(client, "?includeRetired=true")).map((item) => item.id)).not.toContain(type.id);

    // A retired type is not offered for new cases.
    const opened = await t.app.inject({
      method: "POST",
      url: "/api/admin/cases",
      headers: staff.headers,
      payload: { clientId: client.id, visaTypeId: type.id },
    });
    expect(opened.statusCode).toBe(400);

    const missing = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/visa-types/00000000-0000-4000-8000-000000000000",
      headers: admin.headers,
      payload: { name: "Nothing" },
    });
    expect(missing.statusCode).toBe(404);
  });
});
