import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(() => t.close());

const sample = (text: string, series: string) =>
  text.split("\n").find((line) => line.startsWith(series) && !line.startsWith("#"));

describe("GET /metrics", () => {
  it("exposes HTTP, queue, job, database, SSE and client series", async () => {
    const client = await signUp(t);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: client.headers,
      payload: { fullName: "Metered Friend", email: "metered.friend@example.com" },
    });
    expect(created.statusCode).toBe(201);
    expect(await t.drain()).toBeGreaterThan(0);
    const events = await t.app.inject({
      method: "POST",
      url: "/api/analytics/events",
      headers: client.headers,
      payload: {
        events: [
          { name: "client_error", properties: { message: "boom" } },
          { name: "performance", properties: { metric: "web_vital.lcp", value: 1234, unit: "ms" } },
          { name: "performance", properties: { metric: "bundle_load", value: 5, unit: "ms" } },
        ],
      },
    });
    expect(events.statusCode).toBe(202);

    const response = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(sample(text, 'http_requests_total{method="POST",route="/api/referrals",status="201"}')).toMatch(
      / 1$/,
    );
    expect(
      sample(text, 'http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/api/referrals"}'),
    ).toMatch(/ 1$/);
    expect(sample(text, 'queue_depth{queue="notification.deliver"}')).toMatch(/ 0$/);
    expect(
      sample(text, 'job_duration_seconds_count{queue="notification.deliver",status="completed"}'),
    ).toBeDefined();
    expect(sample(text, "sse_connections")).toMatch(/ 0$/);
    expect(sample(text, "client_errors_total")).toMatch(/ 1$/);
    expect(sample(text, 'web_vitals_count{metric="lcp"}')).toMatch(/ 1$/);
    expect(text).not.toContain('metric="bundle_load"');
    // The pool gauge exists where there is a pool: PostgreSQL, not the embedded database.
    if (t.ctx.database.kind === "postgres")
      expect(sample(text, 'db_pool_connections{state="total"}')).toBeDefined();
    else expect(text).not.toContain("db_pool_connections");
  });
});
