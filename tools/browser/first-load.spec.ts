// What a first visit to "/" really costs: every script a cold load requests (the sign-in form, then
// the network at rest), raw and gzipped, against the client app's check (`bundleBudget.checkKB` in
// apps/web/package.json; the goal is 90 KB), as in tools/check-bundle.mjs. Prints the list like the build does.
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/first-load.spec.ts
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchBrowser, newVisitor } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const FIRST_LOAD_CHECK_KB: number = JSON.parse(
  readFileSync(new URL("../../apps/web/package.json", import.meta.url), "utf8"),
).bundleBudget.checkKB;

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe("first load of the client app", () => {
  it(`requests at most ${FIRST_LOAD_CHECK_KB} KB of gzipped JavaScript before the sign-in form shows`, async () => {
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    const scripts: { url: string; raw: number; gzip: number; sent: string }[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response.body().then((body) => {
          scripts.push({
            url: new URL(response.url()).pathname,
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            sent: response.headers()["content-encoding"] ?? "identity",
          });
        }),
      );
    });
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 20_000 });
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    await context.close();

    const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
    scripts.sort((a, b) => b.gzip - a.gzip);
    for (const script of scripts) {
      console.log(
        `  ${kb(script.raw)} KB raw ${kb(script.gzip)} KB gzip  ${script.sent.padEnd(8)} ${script.url}`,
      );
    }
    const raw = scripts.reduce((sum, script) => sum + script.raw, 0);
    const gzip = scripts.reduce((sum, script) => sum + script.gzip, 0);
    console.log(`First load of /: ${scripts.length} scripts, ${kb(raw)} KB raw, ${kb(gzip)} KB gzipped`);
    assert.ok(scripts.length > 0);
    assert.ok(
      scripts.every((script) => script.sent !== "identity" || script.raw < 1024),
      "every script over 1 KB arrives compressed",
    );
    assert.ok(
      gzip / 1024 <= FIRST_LOAD_CHECK_KB,
      `${(gzip / 1024).toFixed(1)} KB > ${FIRST_LOAD_CHECK_KB} KB`,
    );
  });
});
