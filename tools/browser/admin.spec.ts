// The staff dashboard (/admin) and the partner portal (/partners) in Debian's Chromium against the real
// server. Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/admin.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  apiSession,
  describeViolations,
  launchBrowser,
  newVisitor,
  seriousA11yViolations,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const CLIENT = { email: "client@demo.test", password: "demo-password-1" };
const STAFF = { email: "staff@demo.test", password: "demo-password-1" };
const PARTNER = { email: "partner@demo.test", password: "demo-password-1" };
const WAIT = { timeout: 15_000 };

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

async function signIn(app: "/admin" | "/partners", account: { email: string; password: string }) {
  const context = await newVisitor(browser, server.baseURL);
  const page = await context.newPage();
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
  return page;
}

async function moveTo(page: Page, status: string) {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Move to").selectOption(status);
  await dialog.getByRole("button", { name: "Update status" }).click();
}

describe("staff dashboard", () => {
  it("staff move the demo client's referral contacted → qualified → converted; the client is told and rewarded", async () => {
    const page = await signIn("/admin", STAFF);
    await page.getByLabel("Search name or email").fill("Liam");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("button", { name: "Open Liam O'Connor" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("form", { name: "Change status" }).waitFor(WAIT);
    await moveTo(page, "qualified");
    await dialog.getByRole("option", { name: "Converted" }).waitFor({ state: "attached", ...WAIT });
    await moveTo(page, "converted");
    await dialog.getByText(/This referral is final/).waitFor(WAIT);

    const asClient = await apiSession(server.baseURL, CLIENT.email, CLIENT.password);
    const notifications = (await asClient("GET", "/api/notifications?limit=20")) as {
      title: string;
      body: string;
    }[];
    assert.ok(
      notifications.some((item) => `${item.title} ${item.body}`.includes("Liam")),
      "the client has a notification about Liam's referral",
    );
    const referrals = (await asClient("GET", "/api/users/me/referrals?limit=100")) as {
      fullName: string;
      status: string;
      reward: unknown;
    }[];
    const liam = referrals.find((item) => item.fullName === "Liam O'Connor");
    assert.equal(liam?.status, "converted");
    assert.ok(liam?.reward, "the converted referral carries a reward");
    await page.context().close();
  });

  it("staff advance the client's visa stage and the client's progress moves", async () => {
    const asClient = await apiSession(server.baseURL, CLIENT.email, CLIENT.password);
    const before = (await asClient("GET", "/api/users/me/visa-progress")) as { currentStage: string };
    const page = await signIn("/admin", STAFF);
    await page.getByRole("link", { name: "Clients" }).click();
    await page.getByLabel("Search name or email").fill(CLIENT.email);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: "Priya Sharma" }).click();
    await page.getByRole("list", { name: "Visa application progress" }).waitFor(WAIT);
    await page.getByLabel("Note for the client (optional)").fill("Documents received");
    await page.getByRole("button", { name: "Advance to next stage" }).click();
    await page.getByText("Stage updated; the client is notified.").first().waitFor(WAIT);
    const after = (await asClient("GET", "/api/users/me/visa-progress")) as { currentStage: string };
    assert.notEqual(after.currentStage, before.currentStage);
    await page.context().close();
  });

  it("staff toggle referral-analytics and the client's flags follow", async () => {
    const asClient = await apiSession(server.baseURL, CLIENT.email, CLIENT.password);
    const before = (await asClient("GET", "/api/features")) as Record<string, boolean>;
    const page = await signIn("/admin", STAFF);
    await page.getByRole("link", { name: "Feature toggles" }).click();
    const toggle = page.getByRole("switch", { name: "referral-analytics" });
    await toggle.waitFor(WAIT);
    await toggle.click();
    await page.getByText("Feature updated").first().waitFor(WAIT);
    const after = (await asClient("GET", "/api/features")) as Record<string, boolean>;
    assert.equal(after["referral-analytics"], !before["referral-analytics"]);
    await page.context().close();
  });

  it("a client account is refused with a clear staff-only page", async () => {
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill(CLIENT.email);
    await page.getByLabel("Password").fill(CLIENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Staff only" }).waitFor(WAIT);
    await context.close();
  });

  it("every staff page has no serious or critical accessibility violations", async () => {
    const page = await signIn("/admin", STAFF);
    for (const path of [
      "",
      "clients",
      "rewards",
      "analytics",
      "features",
      "notifications",
      "mailbox",
      "audit",
    ]) {
      await page.goto(`/admin/${path}`);
      await page.locator("main h1").first().waitFor(WAIT);
      await page.waitForLoadState("networkidle");
      const violations = await seriousA11yViolations(page);
      assert.deepEqual(violations, [], `/admin/${path}: ${describeViolations(violations)}`);
    }
    await page.context().close();
  });
});

describe("partner portal", () => {
  it("a partner imports a CSV and sees the rows in the organisation's referrals", async () => {
    const page = await signIn("/partners", PARTNER);
    await page.getByRole("link", { name: "Import CSV" }).click();
    const stamp = Date.now();
    const csv = [
      "Full Name,Email,Country",
      `Noor Import,noor.${stamp}@example.com,AE`,
      `Kai Import,kai.${stamp}@example.com,NZ`,
      "Bad Row,not-an-email,GB",
    ].join("\n");
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText("Preview: first 3 of 3 rows").waitFor(WAIT);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByTestId("imported-count").getByText("2").waitFor(WAIT);
    assert.equal(await page.getByTestId("failed-count").textContent(), "1");
    await page.getByRole("link", { name: "Download error report (CSV)" }).waitFor(WAIT);

    await page.getByRole("link", { name: "Referrals", exact: true }).click();
    await page.getByRole("button", { name: "Open Noor Import" }).waitFor(WAIT);
    await page.getByRole("button", { name: "Open Kai Import" }).waitFor(WAIT);

    const violations = await seriousA11yViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.context().close();
  });

  it("every partner page has no serious or critical accessibility violations", async () => {
    const page = await signIn("/partners", PARTNER);
    for (const path of ["", "submit", "import", "commissions", "members"]) {
      await page.goto(`/partners/${path}`);
      await page.locator("main h1").first().waitFor(WAIT);
      await page.waitForLoadState("networkidle");
      const violations = await seriousA11yViolations(page);
      assert.deepEqual(violations, [], `/partners/${path}: ${describeViolations(violations)}`);
    }
    await page.context().close();
  });
});
