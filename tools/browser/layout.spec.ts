// Every main page of the three apps at 390×844 and 1440×900, light and dark, with the demo data plus
// a 200-character client name and a 1,000-character referral name (backend/src/seed/long-names-cli.ts): no
// page is wider than its viewport, no table scrolls sideways, axe finds no violation (any impact),
// and a screenshot of each goes to artifacts/screenshots/<app>-<page>-<phone|desktop>-<theme>.png
// (LAYOUT_SCREENSHOT_DIR moves them, e.g. to keep a "before" set).
// Run: npm run build && node --import tsx --test tools/browser/layout.spec.ts
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  a11yViolations,
  applyColorScheme,
  describeViolations,
  launchBrowser,
  newVisitor,
  SCREENSHOT_DIR,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const WAIT = { timeout: 20_000 };
const SIZES = [
  { label: "phone", width: 390, height: 844 },
  { label: "desktop", width: 1440, height: 900 },
] as const;
const SHOTS = process.env.LAYOUT_SCREENSHOT_DIR ?? SCREENSHOT_DIR;

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ prepare: "backend/src/seed/long-names-cli.ts" });
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(app: "" | "/admin" | "/partners", email: string): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), WAIT);
  await page.locator("main h1").first().waitFor(WAIT);
  return page;
}

/** Elements (tables, lists) that scroll sideways inside the page: cells must wrap instead. */
function innerScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((element) => {
        const style = getComputedStyle(element);
        return (
          (style.overflowX === "auto" || style.overflowX === "scroll") &&
          element.scrollWidth > element.clientWidth + 1 &&
          !element.closest("[data-scrolls-sideways]")
        );
      })
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 3).join(".")}`),
  );
}

/** The innermost elements reaching past the viewport's right edge: where to look. */
function widest(page: Page): Promise<string[]> {
  // No named helpers inside: the test's compiler would wrap them in a function the page lacks.
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter(
        (element) =>
          element.getBoundingClientRect().right > window.innerWidth + 1 &&
          ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1),
      )
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join(".")}`),
  );
}

/**
 * At each size and theme: overflow, axe and a screenshot. `open` (re)opens the view after a resize,
 * for dialogs.
 */
async function checkView(page: Page, name: string, open?: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    if (open) await open();
    await page.waitForLoadState("networkidle").catch(() => undefined);
    // Charts re-measure after a resize: let the layout settle before calling it an overflow.
    const fits = () => document.documentElement.scrollWidth <= window.innerWidth;
    await page.waitForFunction(fits, undefined, { timeout: 3_000 }).catch(() => undefined);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0)
      problems.push(
        `${name} is ${overflow}px wider than its ${size.width}px viewport (${(await widest(page)).join(", ")})`,
      );
    const scrollers = await innerScrollers(page);
    if (scrollers.length > 0)
      problems.push(`${name} at ${size.width}px scrolls sideways in ${scrollers.join(", ")}`);
    for (const theme of ["light", "dark"] as const) {
      assert.equal(await applyColorScheme(page, theme), true, `${name} follows the system theme (${theme})`);
      const violations = await a11yViolations(page);
      if (violations.length > 0)
        problems.push(`${name} ${size.label} ${theme}:\n${describeViolations(violations)}`);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${size.label}-${theme}.png`), fullPage: true });
    }
    await applyColorScheme(page, "light");
  }
  return problems;
}

async function checkPages(page: Page, app: string, prefix: string, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const pathname of paths) {
    await page.goto(`${app}/${pathname}`);
    await page.locator("main h1").first().waitFor(WAIT);
    const name = `${prefix}-${pathname.replace(/[/?=]/g, "-") || "home"}`;
    problems.push(...(await checkView(page, name)));
  }
  return problems;
}

/** The first link in main whose address matches, e.g. a case's own page. */
async function firstLink(page: Page, app: string, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(`${app}/${listPath}`);
  await page.locator("main h1").first().waitFor(WAIT);
  const links = page.locator("main a[href]");
  await links.first().waitFor(WAIT);
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""))) {
    const match = href.match(pattern);
    if (match) return match[0].replace(/^\//, "");
  }
  throw new Error(`no link matching ${pattern} on ${app}/${listPath}`);
}

describe("layout at 390 and 1440 px, light and dark, with long data", () => {
  it("signed-out pages", async () => {
    const page = await (await newVisitor(browser, server.baseURL)).newPage();
    const problems = await checkPages(page, "", "web", ["sign-in", "signup", "forgot-password"]);
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await page.context().close();
  });

  it("client pages", async () => {
    const page = await signIn("", "client@demo.test");
    const casePath = await firstLink(page, "", "cases", /cases\/[0-9a-f-]{36}/);
    const problems = await checkPages(page, "", "web", [
      "",
      "referrals",
      "referrals?tab=list",
      "referrals?tab=stats",
      "notifications",
      "profile",
      "cases",
      casePath,
    ]);
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await page.context().close();
  });

  it("staff pages and the referral dialog", async () => {
    const page = await signIn("/admin", "staff@demo.test");
    const clientPath = await firstLink(page, "/admin", "clients", /clients\/[^/?#]+$/);
    const casePath = await firstLink(page, "/admin", "cases", /cases\/[0-9a-f-]{36}/);
    const problems = await checkPages(page, "/admin", "admin", [
      "",
      "clients",
      clientPath,
      "cases",
      casePath,
      "my-cases",
      "staff",
      "visa-types",
      "rewards",
      "analytics",
      "features",
      "notifications",
      "mailbox",
      "audit",
    ]);
    problems.push(
      ...(await checkView(page, "admin-referral-dialog", async () => {
        await page.goto("/admin");
        await page
          .getByRole("button", { name: /^Open Arjun Mehta/ })
          .first()
          .click();
        await page.getByRole("dialog").getByRole("form", { name: "Change status" }).waitFor(WAIT);
      })),
    );
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await page.context().close();
  });

  it("partner pages", async () => {
    const page = await signIn("/partners", "partner@demo.test");
    const problems = await checkPages(page, "/partners", "partners", [
      "",
      "submit",
      "import",
      "commissions",
      "members",
    ]);
    assert.deepEqual(problems, [], problems.join("\n\n"));
    await page.context().close();
  });
});
