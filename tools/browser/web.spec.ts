// The client web app in Debian's Chromium against the real server (fresh data folder, random port).
// Run: npm run build && node --import tsx --test tools/browser/web.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  apiSession,
  describeViolations,
  launchBrowser,
  newVisitor,
  screenshot,
  seriousA11yViolations,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const CLIENT = { email: "client@demo.test", password: "demo-password-1" };
const STAFF = { email: "staff@demo.test", password: "demo-password-1" };
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

async function openAs(account: { email: string; password: string }): Promise<Page> {
  const context = await newVisitor(browser, server.baseURL);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /Welcome back/ }).waitFor(WAIT);
  return page;
}

async function submitReferral(page: Page, fullName: string, email: string) {
  await page.goto("/referrals");
  await page.getByLabel("Full Name").fill(fullName);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Submit Referral" }).click();
}

describe("client web app", () => {
  it("the landing page shows the consultancy's name and promise from the settings staff edit", async () => {
    const asAdmin = await apiSession(server.baseURL, "admin@demo.test", CLIENT.password);
    await asAdmin("PATCH", "/api/admin/settings", {
      businessName: "Lima Visas",
      tagline: "Your visa, handled end to end",
    });
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    await page.goto("/sign-in");
    const header = page.getByRole("banner");
    await header.getByText("Lima Visas", { exact: true }).waitFor(WAIT);
    await header.getByText("Your visa, handled end to end").waitFor(WAIT);
    await page.getByRole("button", { name: "Sign in" }).waitFor(WAIT);
    await context.close();
  });

  it("a friend signs up from a share link and the referral code is prefilled and credited", async () => {
    const asClient = await apiSession(server.baseURL, CLIENT.email, CLIENT.password);
    const profile = (await asClient("GET", "/api/users/me/profile")) as { referralCode: string };
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    await page.goto(`/signup?ref=${profile.referralCode}`);
    assert.equal(await page.getByLabel("Referral code").inputValue(), profile.referralCode);
    const email = `lena.${Date.now()}@example.com`;
    await page.getByLabel("Full name").fill("Lena Park");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct-horse-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Welcome, Lena" }).waitFor(WAIT);
    const referrals = (await asClient("GET", "/api/users/me/referrals?limit=100")) as { email: string }[];
    assert.ok(
      referrals.some((referral) => referral.email === email),
      "the sign-up is credited to the referrer",
    );
    await context.close();
  });

  it("a client signs in, sees the visa progress, keeps the session across a reload, and signs out", async () => {
    const page = await openAs(CLIENT);
    const stages = page.getByRole("list", { name: "Visa application progress" });
    await stages.waitFor(WAIT);
    assert.equal(await stages.getByRole("listitem").count(), 5);
    assert.equal(await stages.locator('[aria-current="step"]').count(), 1);
    assert.equal(await page.title(), "Dashboard · Referral Client App");
    await page.reload();
    await page.getByRole("list", { name: "Visa application progress" }).waitFor(WAIT);

    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    assert.equal(await skip.evaluate((element) => element === document.activeElement), true);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor(WAIT);
    await page.goto("/referrals");
    await page.getByRole("heading", { name: "Sign in" }).waitFor(WAIT);
    assert.match(page.url(), /\/sign-in\?next=%2Freferrals$/);
    await page.context().close();
  });

  it("submits a referral, sees it pending in the list, and a duplicate gets a clear error", async () => {
    const page = await openAs(CLIENT);
    const email = `mira.${Date.now()}@example.com`;
    await submitReferral(page, "Mira Holt", email);
    await page.getByText("Referral submitted successfully!").waitFor(WAIT);
    await page.getByRole("tab", { name: "My referrals" }).click();
    const row = page.getByRole("row", { name: /Mira Holt/ });
    await row.waitFor(WAIT);
    assert.match((await row.textContent()) ?? "", /Pending/);

    await submitReferral(page, "Mira Holt", email);
    const alert = page.getByRole("alert").filter({ hasText: "already been referred" });
    await alert.waitFor(WAIT);
    await page.context().close();
  });

  it("a staff status change shows up live as a notification, without a reload", async () => {
    const page = await openAs(CLIENT);
    const email = `theo.${Date.now()}@example.com`;
    await submitReferral(page, "Theo Live", email);
    await page.getByText("Referral submitted successfully!").waitFor(WAIT);
    await page.goto("/notifications");
    await page.getByRole("heading", { name: "Notifications" }).waitFor(WAIT);
    // Give the SSE stream a moment to connect before the change happens elsewhere.
    await page.waitForTimeout(1000);
    const loadsBefore = await page.evaluate(() => performance.getEntriesByType("navigation").length);

    const asStaff = await apiSession(server.baseURL, STAFF.email, STAFF.password);
    const found = (await asStaff("GET", `/api/admin/referrals?q=${encodeURIComponent(email)}`)) as {
      id: string;
    }[];
    const referral = found[0];
    assert.ok(referral, "staff can find the new referral");
    await asStaff("PATCH", `/api/admin/referrals/${referral.id}/status`, { status: "contacted" });

    await page
      .getByTestId("notification-list")
      .getByText(/Theo Live/)
      .first()
      .waitFor(WAIT);
    await page.getByTestId("unread-badge").waitFor(WAIT);
    const loadsAfter = await page.evaluate(() => performance.getEntriesByType("navigation").length);
    assert.equal(loadsAfter, loadsBefore, "no page reload happened");
    await page.context().close();
  });

  it("preferences, dark theme and language persist across a reload", async () => {
    const page = await openAs(CLIENT);
    await page.goto("/profile");
    const promoEmail = page.getByRole("switch", { name: "News and offers: Email" });
    await promoEmail.waitFor(WAIT);
    const wasOn = await promoEmail.isChecked();
    // Listen before acting: each change saves at once, and a fast save can finish before a
    // listener added afterwards would see it.
    const profileSaved = () =>
      page.waitForResponse(
        (response) =>
          response.url().includes("/api/users/me/profile") && response.request().method() === "PATCH",
      );
    const switchSaved = profileSaved();
    await promoEmail.click();
    await switchSaved;
    const themeSaved = profileSaved();
    await page.getByLabel("Theme").first().selectOption("dark");
    await themeSaved;
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("dark")), true);

    await page.reload();
    await page.getByRole("switch", { name: "News and offers: Email" }).waitFor(WAIT);
    assert.equal(await page.getByRole("switch", { name: "News and offers: Email" }).isChecked(), !wasOn);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");

    await page.getByLabel("Language").first().selectOption("es");
    await page.getByRole("heading", { name: "Perfil y preferencias" }).waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    await page.reload();
    await page.getByRole("heading", { name: "Perfil y preferencias" }).waitFor(WAIT);
    // Back to English and light for the next tests' screenshots and texts.
    await page.getByLabel("Idioma").first().selectOption("en");
    await page.getByRole("heading", { name: "Profile and preferences" }).waitFor(WAIT);
    const lightSaved = profileSaved();
    await page.getByLabel("Theme").first().selectOption("light");
    await lightSaved;
    await page.context().close();
  });

  it("uploads a profile picture that the API serves after a reload, and removes it", async () => {
    const page = await openAs(CLIENT);
    await page.goto("/profile");
    // A 1×1 PNG: the server tells the type by these bytes, whatever the file is called.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
      "base64",
    );
    await page
      .getByLabel("Upload photo")
      .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
    await page.getByText("Your photo is updated.").waitFor(WAIT);

    await page.reload();
    const photo = page.getByRole("img", { name: "Photo" });
    await photo.waitFor(WAIT);
    assert.match((await photo.getAttribute("src")) ?? "", /^\/api\/files\/[0-9a-f-]{36}$/);
    // Loaded with the session cookie: a broken image has no natural size.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[alt="Photo"]');
      return img?.complete && img.naturalWidth === 1;
    });

    await page.getByRole("button", { name: "Remove photo" }).click();
    await page.getByText("Your photo is removed.").waitFor(WAIT);
    assert.equal(await page.getByRole("img", { name: "Photo" }).count(), 0);
    await page.context().close();
  });

  it("every page passes an axe scan (no serious or critical issues) in light and dark, with screenshots", async () => {
    const signedOut = await newVisitor(browser, server.baseURL);
    const visitor = await signedOut.newPage();
    const page = await openAs(CLIENT);
    const pages: { name: string; page: Page; path: string; ready: string }[] = [
      { name: "sign-in", page: visitor, path: "/sign-in", ready: "Sign in" },
      { name: "sign-up", page: visitor, path: "/signup?ref=DEMO1234", ready: "Create your account" },
      { name: "forgot-password", page: visitor, path: "/forgot-password", ready: "Reset your password" },
      { name: "dashboard", page, path: "/", ready: "Your visa application" },
      { name: "referrals", page, path: "/referrals", ready: "Refer someone" },
      { name: "referrals-list", page, path: "/referrals?tab=list", ready: "My referrals" },
      { name: "referrals-stats", page, path: "/referrals?tab=stats", ready: "Conversion rate" },
      { name: "notifications", page, path: "/notifications", ready: "Notifications" },
      { name: "profile", page, path: "/profile", ready: "Notification preferences" },
    ];
    const problems: string[] = [];
    for (const theme of ["light", "dark"] as const) {
      for (const entry of pages) {
        await entry.page.goto(entry.path);
        await entry.page.getByText(entry.ready).first().waitFor(WAIT);
        // Chosen the way a person would: the header's theme menu (saved locally or in the profile).
        if ((await entry.page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
          await entry.page.getByLabel("Theme").first().selectOption(theme);
        }
        await entry.page.waitForFunction(
          (value) => document.documentElement.dataset.theme === value,
          theme,
          WAIT,
        );
        await entry.page.waitForLoadState("networkidle").catch(() => undefined);
        const violations = await seriousA11yViolations(entry.page);
        if (violations.length > 0)
          problems.push(`${entry.name} (${theme}):\n${describeViolations(violations)}`);
        await screenshot(entry.page, entry.name, theme);
      }
    }
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await signedOut.close();
    await page.context().close();
  });
});
