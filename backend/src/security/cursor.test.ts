import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../lib/cursor.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 8: a cursor with an impossible date passed the format check and failed in the
// database (500).

let t: TestApp;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

const impossible = [
  "2024-02-30T25:61:61.000000Z",
  "2024-02-30T10:00:00.000000Z",
  "2023-02-29T00:00:00.000000Z",
  "2024-01-01T24:00:00.000000Z",
  "0000-01-01T00:00:00.000000Z",
];

describe("security: cursors with impossible dates", () => {
  it.each(["/api/admin/referrals", "/api/admin/broadcasts"])(
    "answer 400 VALIDATION_ERROR on %s",
    async (url) => {
      for (const time of impossible) {
        const cursor = encodeCursor({ t: time, id: randomUUID() });
        const response = await t.app.inject({ url: `${url}?cursor=${cursor}`, headers: staff.headers });
        expect(response.statusCode, time).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
      }
    },
  );
});
