// Trust and privacy end to end in Debian's Chromium against the real server: a friend signs up from
// the demo client's share link and lets the referrer see their current stage; the referrer sees the
// stage, then nothing once the friend changes it; staff resolve a review of a collision; the friend
// downloads their data.
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/privacy.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newVisitor } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const WAIT = { timeout: 20_000 };
const FRIEND = { name: "Yara Haddad", email: "yara.haddad@friends.test", password: "correct-horse-1" };

let server: RunningServer;
let browser: Browser;
let referrer: Page;
let friend: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(path: string, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

/** A same-origin call from the page (its cookie session and Origin), answering status and body. */
function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { data: unknown } };
    },
    { method, path, body },
  );
}

async function referralsText(): Promise<string> {
  await referrer.goto("/referrals?tab=list");
  const row = referrer.getByRole("row", { name: /Yara Haddad/ });
  await row.waitFor(WAIT);
  return (await row.textContent()) ?? "";
}

describe("privacy", () => {
  it("a friend signs up from a share link and lets the referrer see their current stage", async () => {
    referrer = await signIn("/sign-in", "client@demo.test");
    await referrer.getByRole("heading", { name: /Welcome back/ }).waitFor(WAIT);
    const profile = await call(referrer, "GET", "/api/users/me/profile");
    const code = (profile.body.data as { referralCode: string }).referralCode;

    friend = await (await newVisitor(browser, server.baseURL)).newPage();
    await friend.goto(`/sign-up?ref=${code}`);
    await friend.getByLabel("Full name").fill(FRIEND.name);
    await friend.getByLabel("Email").fill(FRIEND.email);
    await friend.getByLabel("Password").fill(FRIEND.password);
    assert.equal(await friend.getByLabel("Referral code").inputValue(), code);
    await friend.getByRole("radio", { name: /My current stage/ }).check();
    await friend.getByRole("button", { name: "Create account" }).click();
    await friend.waitForURL((url) => url.pathname === "/", WAIT);

    // Staff move the friend's case to Assessment.
    const cases = await call(friend, "GET", "/api/users/me/cases");
    const caseId = (cases.body.data as { id: string }[])[0]!.id;
    const staff = await signIn("/admin/sign-in", "staff@demo.test");
    await staff.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
    const moved = await call(staff, "POST", `/api/admin/cases/${caseId}/stage`, { stage: "assessment" });
    assert.equal(moved.status, 200);

    assert.match(await referralsText(), /Yara is at Assessment/);
  });

  it("after the friend chooses nothing, the referrer sees nothing more", async () => {
    await friend.goto("/profile");
    const card = friend.getByRole("group", { name: "Your referrer may see" });
    await card.getByRole("radio", { name: /^Nothing/ }).check();
    await friend.getByRole("button", { name: "Save", exact: true }).click();
    await friend.getByRole("status").filter({ hasText: "Saved" }).waitFor(WAIT);
    const text = await referralsText();
    assert.doesNotMatch(text, /Yara is at|Yara signed up|visa was/);
  });

  it("staff resolve a review of a person referred twice", async () => {
    const first = await call(referrer, "POST", "/api/referrals", {
      fullName: "Zeynep Kaya",
      email: "zeynep.kaya@friends.test",
    });
    assert.equal(first.status, 201);
    const second = await call(friend, "POST", "/api/referrals", {
      fullName: "Zeynep Kaya",
      email: "zeynep.kaya@friends.test",
    });
    assert.equal(second.status, 201);
    assert.equal(
      (second.body as unknown as { message: string }).message.startsWith("Already referred"),
      true,
    );

    const staff = await signIn("/admin/sign-in", "staff@demo.test");
    await staff.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
    await staff.getByRole("link", { name: "Referral reviews" }).click();
    await staff.getByRole("heading", { level: 1, name: "Referral reviews" }).waitFor(WAIT);
    const row = staff.getByRole("row", { name: /Zeynep Kaya/ });
    await row.waitFor(WAIT);
    await row.getByRole("button", { name: "Resolve" }).click();
    const dialog = staff.getByRole("dialog", { name: "Resolve this review" });
    await dialog.getByLabel("Decision").selectOption("invalid");
    await dialog.getByRole("button", { name: "Confirm decision" }).click();
    await dialog.getByText(/Give a reason/).waitFor(WAIT);
    await dialog.getByLabel(/Reason/).fill("Zeynep was already referred by someone else.");
    await dialog.getByRole("button", { name: "Confirm decision" }).click();
    await staff.getByText("Review resolved").first().waitFor(WAIT);
    await row.waitFor({ state: "detached", ...WAIT });
  });

  it("a user downloads their export", async () => {
    await friend.goto("/profile");
    await friend.getByRole("button", { name: "Prepare my data" }).click();
    const link = friend.getByRole("link", { name: /^Download \(/ });
    await link.waitFor(WAIT);
    const [download] = await Promise.all([friend.waitForEvent("download", WAIT), link.click()]);
    assert.match(download.suggestedFilename(), /^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const path = await download.path();
    assert.ok(path, "the zip was saved");
  });
});
