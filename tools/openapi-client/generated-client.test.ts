import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, repoRoot, startServer } from "../browser/server.ts";
import { clientJourney } from "./client-journey.ts";

// An outside integrator's path: generate a typed client from the served document with a standard
// generator, check their code against it with tsc, then run it on Node's fetch against the real server.
const here = path.dirname(fileURLToPath(import.meta.url));
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ apiOnly: true });
}, 90_000);
afterAll(() => server?.stop());

describe("a client generated from /api/openapi.json (openapi-typescript + openapi-fetch)", () => {
  it("typechecks against the generated types and works on Node's fetch", async () => {
    const document = await (await fetch(`${server.baseURL}/api/openapi.json`)).json();
    const types = astToString(await openapiTS(document));
    mkdirSync(path.join(here, "generated"), { recursive: true });
    writeFileSync(path.join(here, "generated/api.ts"), types);

    const tsc = spawnSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", path.join(here, "tsconfig.json")],
      { encoding: "utf8" },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);

    const email = `agency-${Date.now()}@example.com`;
    const result = await clientJourney(server.baseURL, email);
    expect(result).toMatchObject({
      signedUp: 200,
      profileEmail: email,
      currentStage: "enquiry",
      total: 1,
      missing: { status: 404, code: "NOT_FOUND" },
    });
    expect(result.createdId).toEqual(expect.any(String));
    expect(result.retriedId).toBe(result.createdId);
    expect(result.referralEmails).toEqual([`friend-${email}`]);
    expect(result.notifications).toEqual(expect.any(Number));
  }, 120_000);
});
