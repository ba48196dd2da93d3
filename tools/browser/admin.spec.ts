// The staff dashboard (/admin) and the partner portal (/partners) in Debian's Chromium against the real
// server, with the client's side of each change checked in the client web app (/) as the client sees it.
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/admin.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import {
  applyColorScheme,
  describeViolations,
  launchBrowser,
  newVisitor,
  screenshot,
  screenshotThemes,
  seriousA11yViolations,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

interface Account {
  email: string;
  password: string;
}

const CLIENT: Account = { email: "client@demo.test", password: "demo-password-1" };
const STAFF: Account = { email: "staff@demo.test", password: "demo-password-1" };
const PARTNER: Account = { email: "partner@demo.test", password: "demo-password-1" };
// The machine running this may be busy: generous, but bounded.
const WAIT = { timeout: 20_000 };
// The seed's demo values: the client's referral reward and the partner organisation's fixed commission.
const CLIENT_REWARD = "$100.00";
const PARTNER_COMMISSION = "$50.00";

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

/** Staff or partner, signed in at the app's own sign-in page. */
async function signIn(app: "/admin" | "/partners", account: Account): Promise<Page> {
  const context = await newVisitor(browser, server.baseURL);
  const page = await context.newPage();
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
  return page;
}

/** The demo client in the web app, on the dashboard, with the live notification stream connected. */
async function openClientApp(): Promise<Page> {
  const context = await newVisitor(browser, server.baseURL);
  const page = await context.newPage();
  await page.goto("/sign-in");
  const stream = page.waitForResponse((response) => response.url().includes("/notifications/stream"), WAIT);
  await page.getByLabel("Email").fill(CLIENT.email);
  await page.getByLabel("Password").fill(CLIENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /Welcome back/ }).waitFor(WAIT);
  await stream;
  // A marker that only survives as long as this document does: proves "no reload" later.
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  return page;
}

function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

function clientNav(page: Page, name: RegExp): Locator {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
}

function unreadCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const badge = document.querySelector('[data-testid="unread-badge"] [aria-hidden="true"]');
    return Number(badge?.textContent?.replace("+", "") ?? 0);
  });
}

/** In the pipeline: search, open the referral's detail dialog. */
async function openInPipeline(page: Page, search: string, fullName: string): Promise<Locator> {
  await page.getByRole("link", { name: "Referral pipeline" }).click();
  await page.getByLabel("Search name or email").fill(search);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("button", { name: `Open ${fullName}` }).click();
  const dialog = page.getByRole("dialog", { name: fullName });
  await dialog.getByRole("form", { name: "Change status" }).waitFor(WAIT);
  return dialog;
}

/** Moves the open referral through each status in turn, with the status form, as staff would. */
async function moveThrough(dialog: Locator, statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const label = status.charAt(0).toUpperCase() + status.slice(1);
    const select = dialog.getByLabel("Move to");
    await select.getByRole("option", { name: label }).waitFor({ state: "attached", ...WAIT });
    await select.selectOption(status);
    await dialog.getByRole("button", { name: "Update status" }).click();
    // Converting is final: it asks once more.
    if (status === "converted") {
      await dialog
        .page()
        .getByRole("dialog", { name: /as Converted\?$/ })
        .getByRole("button", { name: "Yes, mark as Converted" })
        .click();
    }
    // Saved: the toast says so, and the form offers the moves from the new status. Waiting on the toast
    // first keeps the next choice from landing before the form has reset after this one.
    await dialog.page().getByText(`Moved to ${label}`).first().waitFor(WAIT);
    await dialog.getByRole("option", { name: label }).waitFor({ state: "detached", ...WAIT });
  }
}

/** axe-core in light and dark (with a screenshot of each); returns the serious or critical findings. */
async function scanThemes(page: Page, label: string, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    assert.equal(await applyColorScheme(page, theme), true, `${label} follows the system theme (${theme})`);
    const violations = await seriousA11yViolations(page);
    if (violations.length > 0) problems.push(`${label} (${theme}):\n${describeViolations(violations)}`);
    await screenshot(page, name, theme);
  }
  await applyColorScheme(page, "light");
  return problems;
}

/** Flips a feature switch and waits until the server has saved it. */
async function switchFlag(page: Page, toggle: Locator): Promise<void> {
  const saved = page.waitForResponse(
    (response) => response.url().includes("/api/admin/features/") && response.request().method() === "PATCH",
    WAIT,
  );
  await toggle.click();
  assert.equal((await saved).ok(), true, "the flag change is saved");
}

describe("staff dashboard, seen from the client's web app", () => {
  it("staff move the demo client's referral contacted → qualified → converted; the client sees it live and the reward", async () => {
    const client = await openClientApp();
    await clientNav(client, /^Notifications/).click();
    await client.getByRole("heading", { name: "Notifications", level: 1 }).waitFor(WAIT);
    await client.getByTestId("notification-list").waitFor(WAIT);
    const unreadBefore = await unreadCount(client);

    const staff = await signIn("/admin", STAFF);
    await screenshotThemes(staff, "admin-pipeline");
    const dialog = await openInPipeline(staff, "Arjun", "Arjun Mehta");
    await moveThrough(dialog, ["contacted", "qualified", "converted"]);
    await dialog.getByText(/This referral is final/).waitFor(WAIT);
    await dialog.getByText(CLIENT_REWARD).waitFor(WAIT);
    await screenshotThemes(staff, "admin-referral-converted");

    // Live: each move reaches the open notifications page over SSE, without a reload.
    const items = client
      .getByTestId("notification-list")
      .getByRole("listitem")
      .filter({ hasText: "Arjun Mehta" });
    for (const status of ["contacted", "qualified", "converted"]) {
      await items
        .filter({ hasText: `Referral ${status}` })
        .first()
        .waitFor(WAIT);
    }
    await client.waitForFunction(
      (expected) => {
        const badge = document.querySelector('[data-testid="unread-badge"] [aria-hidden="true"]');
        return Number(badge?.textContent?.replace("+", "") ?? 0) >= expected;
      },
      unreadBefore + 3,
      WAIT,
    );
    assert.equal(await sameDocument(client), true, "the notifications arrived without a reload");
    await screenshotThemes(client, "client-notifications-live");

    // The referral list shows the conversion and the formatted reward.
    await clientNav(client, /^Referrals/).click();
    await client.getByRole("tab", { name: "My referrals" }).click();
    const row = client.getByRole("row", { name: /Arjun Mehta/ });
    await row.getByText("Converted").waitFor(WAIT);
    await row.getByText(CLIENT_REWARD).waitFor(WAIT);
    await screenshotThemes(client, "client-referrals-reward");

    await staff.context().close();
    await client.context().close();
  });

  it("staff advance the client's visa stage with a note and the client's progress bar moves", async () => {
    const client = await openClientApp();
    const progress = client.getByRole("list", { name: "Visa application progress" });
    const current = progress.locator('[aria-current="step"]');
    await current.waitFor(WAIT);
    const stageBefore = (await current.textContent()) ?? "";
    assert.match(stageBefore, /Assessment/, "the demo client starts at Assessment");

    const staff = await signIn("/admin", STAFF);
    await staff.getByRole("link", { name: "Clients" }).click();
    await staff.getByLabel("Search name or email").fill(CLIENT.email);
    await staff.getByRole("button", { name: "Apply" }).click();
    await staff.getByRole("link", { name: "Priya Sharma" }).click();
    await staff.getByRole("list", { name: "Visa application progress" }).waitFor(WAIT);
    await staff.getByLabel("Note for the client (optional)").fill("Documents received");
    await staff.getByRole("button", { name: "Advance to next stage" }).click();
    // The demo case still lacks Assessment's documents: the form names them, and staff move on anyway,
    // the note saying why (audited).
    await staff
      .getByText(/Passport \(Priya Sharma\)/)
      .first()
      .waitFor(WAIT);
    await staff.getByRole("button", { name: "Advance anyway" }).click();
    await staff.getByText("Stage updated; the client is notified.").first().waitFor(WAIT);
    await staff
      .getByRole("list", { name: "Visa application progress" })
      .locator('[aria-current="step"]', { hasText: "Application" })
      .waitFor(WAIT);
    await screenshotThemes(staff, "admin-client-case");

    // Live on the open dashboard: the stage notification arrives and the bar moves on.
    await client.getByText("Your case moved to Application").first().waitFor(WAIT);
    await progress.locator('[aria-current="step"]', { hasText: "Application" }).waitFor(WAIT);
    assert.equal(await progress.locator('[aria-current="step"]').count(), 1);
    assert.equal(await progress.locator('[data-status="completed"]', { hasText: "Assessment" }).count(), 1);
    assert.equal(await sameDocument(client), true, "the progress moved without a reload");
    await client.getByText("We are preparing and lodging your application").waitFor(WAIT);
    // And it stays there after a reload.
    await client.reload();
    await progress.locator('[aria-current="step"]', { hasText: "Application" }).waitFor(WAIT);
    await screenshotThemes(client, "client-dashboard-stage");

    await staff.context().close();
    await client.context().close();
  });

  it("staff switch referral-analytics off and on; the client's stats chart follows", async () => {
    const chart = (page: Page) => page.getByRole("figure", { name: "Referrals by status" });
    /** Reloads the stats tab; returns once the stats and the freshly fetched flags are on screen. */
    const reloadStats = async (page: Page) => {
      // The app's own flag request (200, or 304 when the ETag still matches) must be answered first.
      const features = page.waitForResponse(
        (response) => new URL(response.url()).pathname === "/api/features" && response.status() < 400,
        WAIT,
      );
      await page.goto("/referrals?tab=stats");
      await features;
      await page.getByText("Conversion rate").waitFor(WAIT);
      // What the browser now holds for the flags (revalidated against the server).
      const flags = await page.evaluate(async () => {
        const answer = await fetch("/api/features", { credentials: "same-origin" });
        return ((await answer.json()) as { data: Record<string, boolean> }).data;
      });
      return flags;
    };

    const client = await openClientApp();
    let flags = await reloadStats(client);
    assert.equal(flags["referral-analytics"], true, "the seed turns referral-analytics on");
    await chart(client).waitFor(WAIT);

    const staff = await signIn("/admin", STAFF);
    await staff.getByRole("link", { name: "Feature toggles" }).click();
    const toggle = staff.getByRole("switch", { name: "referral-analytics" });
    await toggle.waitFor(WAIT);
    assert.equal(await toggle.isChecked(), true);
    await switchFlag(staff, toggle);
    assert.equal(await toggle.isChecked(), false);
    await screenshotThemes(staff, "admin-features-off");

    flags = await reloadStats(client);
    assert.equal(flags["referral-analytics"], false);
    // The flags have arrived and the stats are on screen; give React a moment, then the section must be gone.
    await client.waitForTimeout(500);
    assert.equal(await chart(client).count(), 0, "the stats chart is hidden while the flag is off");
    assert.equal(await client.getByTestId("referral-analytics").count(), 0);
    await screenshotThemes(client, "client-stats-analytics-off");

    await switchFlag(staff, toggle);
    assert.equal(await toggle.isChecked(), true);
    flags = await reloadStats(client);
    assert.equal(flags["referral-analytics"], true);
    await chart(client).waitFor(WAIT);
    await screenshotThemes(client, "client-stats-analytics-on");

    await staff.context().close();
    await client.context().close();
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

  it("every staff page has no serious or critical accessibility violations, light and dark", async () => {
    const page = await signIn("/admin", STAFF);
    const problems: string[] = [];
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
      await page.waitForLoadState("networkidle").catch(() => undefined);
      problems.push(...(await scanThemes(page, `/admin/${path}`, `admin-${path || "pipeline-page"}`)));
    }
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await page.context().close();
  });
});

describe("partner portal", () => {
  it("a partner imports a CSV, sees the rows, and a commission once staff convert one", async () => {
    const partner = await signIn("/partners", PARTNER);
    await partner.getByRole("link", { name: "Import CSV" }).click();
    const stamp = Date.now();
    const noorEmail = `noor.${stamp}@example.com`;
    const csv = [
      "Full Name,Email,Country",
      `Noor Import,${noorEmail},AE`,
      `Kai Import,kai.${stamp}@example.com,NZ`,
      "Bad Row,not-an-email,GB",
    ].join("\n");
    await partner
      .getByLabel("CSV file")
      .setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await partner.getByText("Preview: first 3 of 3 rows").waitFor(WAIT);
    await partner.getByRole("button", { name: "Import" }).click();
    await partner.getByTestId("imported-count").getByText("2").waitFor(WAIT);
    assert.equal(await partner.getByTestId("failed-count").textContent(), "1");
    await partner.getByRole("link", { name: "Download error report (CSV)" }).waitFor(WAIT);
    await screenshotThemes(partner, "partners-import-result");

    await partner.getByRole("link", { name: "Referrals", exact: true }).click();
    await partner.getByRole("button", { name: "Open Noor Import" }).waitFor(WAIT);
    await partner.getByRole("button", { name: "Open Kai Import" }).waitFor(WAIT);
    const violations = await seriousA11yViolations(partner);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshotThemes(partner, "partners-referrals-imported");

    // Staff take one imported row all the way to converted in the dashboard.
    const staff = await signIn("/admin", STAFF);
    const dialog = await openInPipeline(staff, noorEmail, "Noor Import");
    await moveThrough(dialog, ["contacted", "qualified", "converted"]);
    await dialog.getByText(/This referral is final/).waitFor(WAIT);
    await staff.context().close();

    // The partner's referrals list and commissions follow.
    await partner.reload();
    await partner
      .getByRole("row", { name: /Noor Import/ })
      .getByText("Converted")
      .waitFor(WAIT);
    await partner.getByRole("link", { name: "Commissions" }).click();
    const commission = partner.getByRole("row", { name: /Noor Import/ });
    await commission.waitFor(WAIT);
    await commission.getByText(PARTNER_COMMISSION).waitFor(WAIT);
    assert.match((await commission.textContent()) ?? "", /Pending/);
    await screenshotThemes(partner, "partners-commissions");
    await partner.context().close();
  });

  it("every partner page has no serious or critical accessibility violations, light and dark", async () => {
    const page = await signIn("/partners", PARTNER);
    const problems: string[] = [];
    for (const path of ["", "submit", "import", "commissions", "members"]) {
      await page.goto(`/partners/${path}`);
      await page.locator("main h1").first().waitFor(WAIT);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      problems.push(...(await scanThemes(page, `/partners/${path}`, `partners-${path || "referrals-page"}`)));
    }
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await page.context().close();
  });
});
