// The mobile app's web export in Debian's Chromium against the real server (fresh data, random port).
// Run from the repo root:
//   npm run build && CI=1 npm run export:web -w @referral-app/mobile
//   node --import tsx --test apps/mobile/e2e/web-export.spec.ts
// The export is served by a small static server that forwards /api to the backend (same origin for
// the browser, as when the backend serves the export itself).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { apiSession, launchBrowser, newVisitor, SCREENSHOT_DIR } from "../../../tools/browser/browser.ts";
import { type RunningServer, repoRoot, startServer } from "../../../tools/browser/server.ts";

const CLIENT = { email: "client@demo.test", password: "demo-password-1" };
const DIST = path.join(repoRoot, "apps/mobile/dist");
const WAIT = { timeout: 20_000 };
const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".png": "image/png" };

let backend: RunningServer;
let app: Server;
let appURL: string;
let browser: Browser;

function serveExport(apiBase: string): Server {
  const api = new URL(apiBase);
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/api/")) {
      // better-auth trusts only its own origin: present the request as the backend's.
      const headers = { ...req.headers, host: api.host, origin: api.origin };
      const upstream = httpRequest(
        { host: api.hostname, port: api.port, path: req.url, method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
      return;
    }
    const file = path.join(DIST, path.normalize(url.pathname));
    const body = await readFile(file).catch(() => readFile(path.join(DIST, "index.html")));
    const type = file.startsWith(DIST) ? (TYPES[path.extname(file)] ?? "text/html") : "text/html";
    res.writeHead(200, { "content-type": type });
    res.end(body);
  });
}

before(async () => {
  backend = await startServer();
  app = serveExport(backend.baseURL).listen(0, "127.0.0.1");
  await new Promise((resolve) => app.once("listening", resolve));
  appURL = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  app?.close();
  await backend?.stop();
});

describe("mobile app (web export)", () => {
  it("the demo client signs in, sees the visa stages and submits a referral", async () => {
    const context = await newVisitor(browser, appURL);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(CLIENT.email);
    await page.getByLabel("Password").fill(CLIENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByRole("progressbar", { name: "Your visa progress" }).waitFor(WAIT);
    assert.equal(await page.getByLabel(/: current stage\. Since /).count(), 1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "mobile-web-dashboard.png") });

    await page.goto("/referrals");
    const email = `mobile.${Date.now()}@example.com`;
    await page.getByLabel("Full Name").fill("Mina Mobile");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Submit Referral" }).click();
    await page.getByText("Referral submitted successfully!").waitFor(WAIT);
    await page.getByLabel(/^Mina Mobile, Pending$/).waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "mobile-web-referrals.png") });
  });

  it("the demo client opens a case from the Cases tab and sees its stages, tasks and consultant", async () => {
    const context = await newVisitor(browser, appURL);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(CLIENT.email);
    await page.getByLabel("Password").fill(CLIENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("progressbar", { name: "Your visa progress" }).waitFor(WAIT);

    await page.goto("/cases");
    // The demo client has two cases: the list offers each by number.
    const open = page.getByRole("button", { name: /^Open case RC-\d{4}-\d{5,}$/ });
    await open.first().waitFor(WAIT);
    const label = (await open.first().getAttribute("aria-label")) ?? "";
    await open.first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, WAIT);
    // The tab stays mounted under the pushed case screen: look at what is visible.
    const visible = (locator: ReturnType<typeof page.getByText>) => locator.filter({ visible: true }).first();
    await visible(page.getByText(label.replace("Open case", "Case"), { exact: true })).waitFor(WAIT);
    await visible(page.getByRole("progressbar", { name: "Your visa progress" })).waitFor(WAIT);
    await visible(page.getByText("Your consultant", { exact: true })).waitFor(WAIT);
    await visible(page.getByText("Your tasks", { exact: true })).waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "mobile-web-case.png") });
    await context.close();
  });

  it("the demo client messages their consultant from the case screen", async () => {
    const context = await newVisitor(browser, appURL);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(CLIENT.email);
    await page.getByLabel("Password").fill(CLIENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("progressbar", { name: "Your visa progress" }).waitFor(WAIT);

    await page.goto("/cases");
    const open = page.getByRole("button", { name: /^Open case RC-\d{4}-\d{5,}$/ });
    await open.first().waitFor(WAIT);
    await open.first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, WAIT);
    const visible = (locator: ReturnType<typeof page.getByText>) => locator.filter({ visible: true }).first();
    await visible(page.getByRole("button", { name: "Message your consultant" })).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/, WAIT);
    const text = `Hello from the phone ${Date.now()}`;
    await visible(page.getByLabel("Message", { exact: true })).fill(text);
    await visible(page.getByRole("button", { name: "Send" })).click();
    await visible(page.getByText(text, { exact: true })).waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "mobile-web-conversation.png") });
    await context.close();
  });

  // Last: it opens a third case for the demo client, which the tests above would otherwise list.
  it("the demo client uploads a document against a checklist line from the case screen", async () => {
    const admin = await apiSession(backend.baseURL, "admin@demo.test", CLIENT.password);
    const staff = await apiSession(backend.baseURL, "staff@demo.test", CLIENT.password);
    const visaType = (await admin("POST", "/api/admin/visa-types", {
      name: "Mobile upload visa",
      documentRequirements: [
        { id: "offer-letter", stage: "assessment", name: "Offer letter", acceptedTypes: ["application/pdf"] },
      ],
    })) as { id: string };
    const clients = (await staff("GET", `/api/admin/clients?search=${encodeURIComponent(CLIENT.email)}`)) as {
      id: string;
      email: string;
    }[];
    const clientId = clients.find((entry) => entry.email === CLIENT.email)?.id ?? "";
    const visaCase = (await staff("POST", "/api/admin/cases", { clientId, visaTypeId: visaType.id })) as {
      id: string;
    };

    const context = await newVisitor(browser, appURL);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(CLIENT.email);
    await page.getByLabel("Password").fill(CLIENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("progressbar", { name: "Your visa progress" }).waitFor(WAIT);

    await page.goto(`/cases/${visaCase.id}`);
    const visible = (locator: ReturnType<typeof page.getByText>) => locator.filter({ visible: true }).first();
    const choose = visible(page.getByRole("button", { name: "Choose a file for Offer letter" }));
    await choose.waitFor(WAIT);
    // expo-document-picker on the web opens the browser's file chooser.
    const chooser = page.waitForEvent("filechooser", WAIT);
    await choose.click();
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n%%EOF\n"), Buffer.alloc(40_000, 0x20)]);
    await (await chooser).setFiles({ name: "offer-letter.pdf", mimeType: "application/pdf", buffer: pdf });
    await visible(page.getByText("“offer-letter.pdf” is uploaded; your consultant will check it.")).waitFor(
      WAIT,
    );
    await visible(page.getByText("Being checked", { exact: true })).waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "mobile-web-document-uploaded.png") });

    // The server kept it on that line, with its bytes.
    const checklist = (await staff("GET", `/api/cases/${visaCase.id}/documents`)) as {
      lines: { state: string; document: { current: { fileName: string; sizeBytes: number } } | null }[];
    };
    assert.equal(checklist.lines[0]?.state, "uploaded");
    assert.equal(checklist.lines[0]?.document?.current.fileName, "offer-letter.pdf");
    assert.equal(checklist.lines[0]?.document?.current.sizeBytes, pdf.length);
    await context.close();
  });
});
