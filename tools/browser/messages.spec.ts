// Messages end to end in Debian's Chromium against the real server: the demo client messages their
// consultant from the case page with an attachment; the consultant sees it in the case's thread in
// /admin and replies; the client's badge goes up live, the reply appears without a reload, and the
// badge goes back down once read.
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/messages.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  applyColorScheme,
  describeViolations,
  launchBrowser,
  newVisitor,
  seriousA11yViolations,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const WAIT = { timeout: 20_000 };
// The smallest file whose bytes say PDF.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

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

async function signIn(path: string, email: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await ready(page);
  return page;
}

async function a11y(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    await applyColorScheme(page, theme);
    const violations = await seriousA11yViolations(page);
    if (violations.length > 0) problems.push(`${label} (${theme}):\n${describeViolations(violations)}`);
  }
  await applyColorScheme(page, "light");
  return problems;
}

describe("messages", () => {
  it("the client messages their consultant with an attachment; staff reply; the client sees it live", async () => {
    const client = await signIn("/sign-in", "client@demo.test", (page) =>
      page.getByRole("heading", { name: /Welcome back/ }).waitFor(WAIT),
    );
    // The open student case (its consultant is staff@demo.test).
    const caseId = await client.evaluate(async () => {
      const response = await fetch("/api/users/me/cases", { credentials: "include" });
      const body = (await response.json()) as { data: { id: string; closed: boolean }[] };
      return body.data.find((entry) => !entry.closed)?.id ?? "";
    });
    await client.goto(`/cases/${caseId}`);
    const stream = client.waitForResponse(
      (response) => response.url().includes("/notifications/stream"),
      WAIT,
    );
    await client.getByRole("button", { name: "Message your consultant" }).click();
    await client.waitForURL(/\/messages\/[0-9a-f-]{36}$/, WAIT);
    await stream;
    const conversationUrl = client.url();

    await client
      .getByLabel("Message", { exact: true })
      .fill("Here is my passport scan, see https://example.com/help");
    await client.locator('input[type="file"]').setInputFiles({
      name: "passport.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await client.getByText("passport.pdf").waitFor(WAIT);
    await client.getByRole("button", { name: "Send" }).click();
    const thread = client.getByRole("list", { name: "Messages in this conversation" });
    await thread.getByText(/Here is my passport scan/).waitFor(WAIT);
    await thread.getByRole("button", { name: "Open passport.pdf" }).waitFor(WAIT);
    await thread.getByRole("link", { name: "https://example.com/help" }).waitFor(WAIT);

    // The client moves on (client-side navigation, same document) and waits for an answer.
    await client.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
    assert.equal(await client.getByTestId("messages-badge").count(), 0, "nothing unread yet");

    // The consultant finds the message in the case's thread beside the case, attachment included.
    const staff = await signIn("/admin/sign-in", "staff@demo.test", (page) =>
      page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT),
    );
    await staff.goto(`/admin/cases/${caseId}`);
    const caseThread = staff.getByRole("region", { name: "Messages with the client" });
    await caseThread.getByText(/Here is my passport scan/).waitFor(WAIT);
    // The attachment opens through a short-lived signed link as a download of the client's file.
    const signed = staff.context().waitForEvent("response", {
      predicate: (response) => response.url().includes("/api/storage/signed?token="),
      ...WAIT,
    });
    await caseThread.getByRole("button", { name: "Open passport.pdf" }).click();
    const response = await signed;
    // headers() is read from the response event itself: the download's tab may already have closed, and
    // allHeaders() would then ask that closed tab.
    const headers = response.headers();
    assert.equal(response.status(), 200);
    assert.match(headers["content-disposition"] ?? "", /passport\.pdf/);
    assert.equal(headers["content-type"], "application/pdf");
    for (const page of staff.context().pages()) if (page !== staff) await page.close();
    await caseThread.getByLabel("Reply").fill("Thank you, we have received your passport.");
    await caseThread.getByRole("button", { name: "Send" }).click();
    await caseThread.getByText("Thank you, we have received your passport.").waitFor(WAIT);

    // Live: the badge goes up on the page the client is on; opening the thread reads it.
    const badge = client.getByTestId("messages-badge");
    await badge.waitFor(WAIT);
    assert.match((await badge.textContent()) ?? "", /^1/);
    await client
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /^Messages/ })
      .click();
    await client.getByTestId("conversation-list").getByRole("link").first().click();
    await client.waitForURL(conversationUrl, WAIT);
    await client.getByText("Thank you, we have received your passport.").waitFor(WAIT);
    await badge.waitFor({ state: "detached", ...WAIT });
    assert.equal(
      await client.evaluate(
        () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
      ),
      true,
      "the reply arrived without a reload",
    );

    const problems = [...(await a11y(client, "/messages/:id")), ...(await a11y(staff, "/admin/cases/:id"))];
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await staff.context().close();
    await client.context().close();
  });
});
