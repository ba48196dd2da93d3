// The first page on a phone: Lighthouse 12 (mobile emulation, its default throttling) on the sign-in page
// and the signed-in client dashboard, median of 3 runs each, in Debian's Chromium. Prints every score
// beside issue 19's goal and fails only below a floor a little under the figure measured when the floor
// was set (this machine is shared: a score moves by a few points from run to run).
// Run: npm run build -w @referral-app/backend -w @referral-app/web
//      node --import tsx --test tools/browser/lighthouse.spec.ts
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import lighthouse from "lighthouse";
import { type BrowserContext, chromium } from "playwright-core";
import { type RunningServer, startServer } from "./server.ts";

const RUNS = 3;

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  cls: number;
  fcpMs: number;
}

/** Goals (issue 19) and floors (a few points under the measured figure; raise them as pages improve). */
const GOAL = { performance: 95, accessibility: 100, bestPractices: 96, lcpMs: 2000, cls: 0.05 };
// Measured 2026-12-01 (median of 3, shared machine, load average 3–5): sign-in 85–95 / 100 / 100,
// LCP 1.3–1.7 s, CLS 0; dashboard 50–71 / 100 / 96, LCP 1.8–2.4 s, CLS 0.001 (0.168 before its
// skeletons kept their final size). Performance moves with the machine's load (total blocking time).
const FLOOR: Record<"sign-in" | "dashboard", Omit<Figures, "fcpMs">> = {
  "sign-in": { performance: 88, accessibility: 100, bestPractices: 96, lcpMs: 2000, cls: 0.05 },
  dashboard: { performance: 52, accessibility: 100, bestPractices: 96, lcpMs: 3000, cls: 0.05 },
};

let server: RunningServer;
let context: BrowserContext;
let port: number;
let profileDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

before(async () => {
  server = await startServer();
  port = await freePort();
  profileDir = await mkdtemp(path.join(tmpdir(), "referral-lighthouse-"));
  // A persistent context is the browser's default one: the one Lighthouse opens its tab in, so a
  // cookie set here signs that tab in.
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [`--remote-debugging-port=${port}`, "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

async function audit(url: string): Promise<Figures> {
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      // Keeps the session cookie; every run starts with a cold HTTP cache all the same.
      disableStorageReset: true,
    },
    undefined,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    fcpMs: value("first-contentful-paint"),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function medianOf(url: string): Promise<Figures> {
  // One run first, not counted: the first page after the server starts pays its warm-up (first
  // queries, file reads), which Lighthouse's simulation multiplies into a second or two of FCP.
  await audit(url);
  const runs: Figures[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await audit(url));
  const of = (key: keyof Figures) => median(runs.map((figures) => figures[key]));
  return {
    performance: of("performance"),
    accessibility: of("accessibility"),
    bestPractices: of("bestPractices"),
    lcpMs: of("lcpMs"),
    cls: of("cls"),
    fcpMs: of("fcpMs"),
  };
}

function report(page: keyof typeof FLOOR, figures: Figures): void {
  const floor = FLOOR[page];
  const lines = [
    ["performance", figures.performance, `≥ ${GOAL.performance}`, figures.performance >= GOAL.performance],
    [
      "accessibility",
      figures.accessibility,
      `≥ ${GOAL.accessibility}`,
      figures.accessibility >= GOAL.accessibility,
    ],
    [
      "best practices",
      figures.bestPractices,
      `≥ ${GOAL.bestPractices}`,
      figures.bestPractices >= GOAL.bestPractices,
    ],
    [
      "LCP",
      `${(figures.lcpMs / 1000).toFixed(1)} s`,
      `≤ ${GOAL.lcpMs / 1000} s`,
      figures.lcpMs <= GOAL.lcpMs,
    ],
    ["CLS", figures.cls.toFixed(3), `≤ ${GOAL.cls}`, figures.cls <= GOAL.cls],
    ["FCP", `${(figures.fcpMs / 1000).toFixed(1)} s`, "–", true],
  ] as const;
  console.log(`Lighthouse mobile, ${page}, median of ${RUNS}:`);
  for (const [name, measured, goal, met] of lines) {
    console.log(
      `  ${name.padEnd(15)} ${String(measured).padStart(7)}  goal ${goal.padEnd(8)} ${met ? "met" : "not met"}`,
    );
  }
  assert.ok(
    figures.performance >= floor.performance,
    `performance ${figures.performance} < floor ${floor.performance}`,
  );
  assert.ok(
    figures.accessibility >= floor.accessibility,
    `accessibility ${figures.accessibility} < floor ${floor.accessibility}`,
  );
  assert.ok(
    figures.bestPractices >= floor.bestPractices,
    `best practices ${figures.bestPractices} < floor ${floor.bestPractices}`,
  );
  assert.ok(figures.lcpMs <= floor.lcpMs, `LCP ${figures.lcpMs} ms > floor ${floor.lcpMs} ms`);
  assert.ok(figures.cls <= floor.cls, `CLS ${figures.cls} > floor ${floor.cls}`);
}

describe("Lighthouse on a phone", () => {
  it("sign-in page", async () => {
    await context.clearCookies();
    report("sign-in", await medianOf(`${server.baseURL}/`));
  });

  it("signed-in client dashboard", async () => {
    const response = await fetch(`${server.baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseURL },
      body: JSON.stringify({ email: "client@demo.test", password: "demo-password-1" }),
    });
    assert.equal(response.status, 200);
    const cookies = response.headers.getSetCookie().map((header) => {
      const [pair] = header.split(";");
      const at = pair!.indexOf("=");
      return { name: pair!.slice(0, at), value: pair!.slice(at + 1), url: server.baseURL };
    });
    await context.addCookies(cookies);
    report("dashboard", await medianOf(`${server.baseURL}/`));
  });
});
