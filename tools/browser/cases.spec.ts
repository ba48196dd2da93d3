// Visa cases end to end in Debian's Chromium against the real server: staff open a case for the demo
// client in /admin, assign it, write a client note and a client task and move the stage; the client
// follows it in the web app (the stage change arrives live); the referrer sees the contact deadline.
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/cases.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  applyColorScheme,
  describeViolations,
  launchBrowser,
  newVisitor,
  screenshot,
  seriousA11yViolations,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const CLIENT = "client@demo.test";
const WAIT = { timeout: 20_000 };
const PHONE_WIDTH = 390;

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

async function signInStaff(email: string): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
  return page;
}

/** The demo client in the web app with the live notification stream connected. */
async function signInClient(): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto("/sign-in");
  const stream = page.waitForResponse((response) => response.url().includes("/notifications/stream"), WAIT);
  await page.getByLabel("Email").fill(CLIENT);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /Welcome back/ }).waitFor(WAIT);
  await stream;
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  return page;
}

function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

/** axe in light and dark, a screenshot of each, and no sideways scrolling at 390 px. */
async function checkPage(page: Page, label: string, name: string): Promise<string[]> {
  const problems: string[] = [];
  await page.waitForLoadState("networkidle").catch(() => undefined);
  for (const theme of ["light", "dark"] as const) {
    assert.equal(await applyColorScheme(page, theme), true, `${label} follows the system theme (${theme})`);
    const violations = await seriousA11yViolations(page);
    if (violations.length > 0) problems.push(`${label} (${theme}):\n${describeViolations(violations)}`);
    await screenshot(page, name, theme);
  }
  await applyColorScheme(page, "light");
  const size = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
  // Charts re-measure after a resize: give the layout a moment to settle before calling it an overflow.
  const fits = () => document.documentElement.scrollWidth <= window.innerWidth;
  await page.waitForFunction(fits, undefined, { timeout: 5_000 }).catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${label} scrolls sideways by ${overflow}px at ${PHONE_WIDTH}px`);
  await screenshot(page, `${name}-390`, "light");
  if (size) await page.setViewportSize(size);
  return problems;
}

describe("visa cases", () => {
  it("staff open, assign, note, task and move a case; the client follows it live and completes the task", async () => {
    const staff = await signInStaff("staff@demo.test");
    await staff.getByRole("link", { name: "Cases", exact: true }).click();
    await staff.getByRole("button", { name: "New case" }).click();
    const dialog = staff.getByRole("dialog", { name: "Open a case" });
    await dialog.getByLabel("Find the client (name or email)").fill(CLIENT);
    const client = dialog.getByLabel(/^Client/);
    await client.getByRole("option", { name: /client@demo\.test/ }).waitFor({ state: "attached", ...WAIT });
    await client.selectOption({ label: "Priya Sharma (client@demo.test)" });
    const visaType = dialog.getByLabel(/^Visa type/);
    await visaType
      .getByRole("option")
      .nth(1)
      .waitFor({ state: "attached", ...WAIT });
    const visaTypeName = ((await visaType.getByRole("option").nth(1).textContent()) ?? "").trim();
    await visaType.selectOption({ index: 1 });
    await dialog.getByRole("button", { name: "Open case" }).click();

    const heading = staff.getByRole("heading", { level: 1, name: /^Case RC-\d{4}-\d{5,}$/ });
    await heading.waitFor(WAIT);
    const caseNumber = ((await heading.textContent()) ?? "").replace("Case ", "").trim();
    const caseUrl = staff.url();
    const caseId = caseUrl.split("/").at(-1) ?? "";

    // Assignment: round-robin picked one of the two consultants; hand the case to the other.
    const assignment = staff.getByRole("form", { name: "Assignment" });
    const consultantSelect = assignment.getByLabel("Consultant");
    const current = await consultantSelect.evaluate(
      (select: HTMLSelectElement) => select.selectedOptions[0]?.text,
    );
    const other = current === "Chloe Martin" ? "Sam Staff" : "Chloe Martin";
    await consultantSelect.selectOption({ label: other });
    await assignment.getByRole("button", { name: "Assign" }).click();
    const timeline = staff.getByRole("region", { name: "Timeline" });
    await timeline.getByText(`Assigned to ${other}`).waitFor(WAIT);

    const noteForm = staff.getByRole("form", { name: "Add a note" });
    await noteForm.getByLabel(/^Note/).fill("Please bring your passport to the next meeting.");
    await noteForm.getByLabel("Shown to the client").check();
    await noteForm.getByRole("button", { name: "Add note" }).click();
    await timeline.getByText("Please bring your passport to the next meeting.").waitFor(WAIT);

    const taskForm = staff.getByRole("form", { name: "Add a task" });
    await taskForm.getByLabel(/^Task/).fill("Send your bank statements");
    await taskForm.getByRole("button", { name: "Add task" }).click();
    await staff.getByRole("region", { name: "Tasks" }).getByText("Send your bank statements").waitFor(WAIT);
    await timeline.getByText("Task added: Send your bank statements").waitFor(WAIT);

    // The client opens the new case from "Your cases".
    const clientPage = await signInClient();
    await clientPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
    await clientPage.getByRole("link", { name: `Open case ${caseNumber}` }).click();
    await clientPage.getByRole("heading", { level: 1, name: `Case ${caseNumber}` }).waitFor(WAIT);
    await clientPage.getByRole("heading", { name: visaTypeName }).waitFor(WAIT);
    const notes = clientPage.getByRole("region", { name: "Notes from your consultant" });
    await notes.getByText("Please bring your passport to the next meeting.").waitFor(WAIT);
    const consultant = clientPage.getByRole("region", { name: "Your consultant", exact: true });
    await consultant.getByText(other).waitFor(WAIT);

    const complete = clientPage.getByRole("button", { name: "Mark “Send your bank statements” as done" });
    await complete.click();
    await complete.waitFor({ state: "detached", ...WAIT });
    await clientPage
      .getByText(/^Done /)
      .first()
      .waitFor(WAIT);
    await staff.reload();
    await staff
      .getByRole("region", { name: "Timeline" })
      .getByText("Task done: Send your bank statements")
      .waitFor(WAIT);

    // Staff move the stage with a note; the client's open case page follows without a reload.
    const stages = clientPage.getByRole("list", { name: "Visa application progress" });
    await stages.locator('[aria-current="step"]', { hasText: "Enquiry" }).waitFor(WAIT);
    const stageForm = staff.getByRole("form", { name: "Stage" });
    await stageForm.getByLabel("Move to").selectOption({ label: "Detailed enquiry" });
    await stageForm
      .getByLabel("Note to the client (optional)")
      .fill("Thanks, we have what we need to start.");
    await stageForm.getByRole("button", { name: "Move stage" }).click();
    await staff.getByText("Moved to Detailed enquiry; the client is notified.").first().waitFor(WAIT);

    await stages.locator('[aria-current="step"]', { hasText: "Detailed enquiry" }).waitFor(WAIT);
    await clientPage
      .getByRole("region", { name: "Case timeline" })
      .getByText("Thanks, we have what we need to start.")
      .waitFor(WAIT);
    assert.equal(await sameDocument(clientPage), true, "the stage moved without a reload");
    assert.equal(clientPage.url().endsWith(`/cases/${caseId}`), true);

    const problems = [
      ...(await checkPage(clientPage, `/cases/${caseId}`, "client-case")),
      ...(await checkPage(staff, "/admin/cases/:id", "admin-case")),
    ];
    await clientPage.goto("/cases");
    await clientPage.getByRole("heading", { level: 1, name: "Your cases" }).waitFor(WAIT);
    problems.push(...(await checkPage(clientPage, "/cases", "client-cases")));
    await clientPage.goto("/");
    await clientPage.getByRole("region", { name: "Your tasks" }).waitFor(WAIT);
    problems.push(...(await checkPage(clientPage, "/", "client-dashboard-cases")));
    assert.deepEqual(problems, [], problems.join("\n\n"));

    await staff.context().close();
    await clientPage.context().close();
  });

  it("the referrer sees when we will contact their friend", async () => {
    const page = await signInClient();
    await page.goto("/referrals");
    await page.getByLabel("Full Name").fill("Mei Chen");
    await page.getByLabel("Email").fill(`mei.${Date.now()}@example.com`);
    await page.getByRole("button", { name: "Submit Referral" }).click();
    await page.getByText("Referral submitted successfully!").waitFor(WAIT);
    await page.getByRole("tab", { name: "My referrals" }).click();
    const row = page.getByRole("row", { name: /Mei Chen/ });
    await row.getByText(/^We will contact Mei by [A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}$/).waitFor(WAIT);
    await page.context().close();
  });

  it("the staff case pages pass axe in light and dark and fit 390 px", async () => {
    const staff = await signInStaff("staff@demo.test");
    const admin = await signInStaff("admin@demo.test");
    const problems: string[] = [];
    for (const [page, path, heading] of [
      [staff, "cases", "Cases"],
      [staff, "cases?view=board", "Cases"],
      [staff, "my-cases", "My cases"],
      [staff, "analytics", "Analytics"],
      [admin, "staff", "Staff"],
      [admin, "visa-types", "Visa types"],
    ] as const) {
      await page.goto(`/admin/${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor(WAIT);
      problems.push(...(await checkPage(page, `/admin/${path}`, `admin-${path.replace(/\W+/g, "-")}`)));
    }
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await staff.context().close();
    await admin.context().close();
  });
});
