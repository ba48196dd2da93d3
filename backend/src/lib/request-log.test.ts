import { describe, expect, it } from "vitest";
import { serializeRequest } from "./request-log.ts";

describe("request log lines", () => {
  it("mask a token in the query string and keep the rest of the URL", () => {
    const line = serializeRequest({
      id: "r1",
      method: "GET",
      url: "/api/notifications/stream?token=secret-value&x=1",
      ip: "127.0.0.1",
    });
    expect(line.url).toBe("/api/notifications/stream?token=[redacted]&x=1");
    expect(JSON.stringify(line)).not.toContain("secret-value");
  });
});
