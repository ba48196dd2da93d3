import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { repoRoot } from "./server.ts";

const require = createRequire(import.meta.url);
export const SCREENSHOT_DIR = path.join(repoRoot, "artifacts", "screenshots");

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A fresh visitor; CSP is bypassed only so axe-core can be injected for the scan. */
export function newVisitor(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  return (await a11yViolations(page)).filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
}

/** Runs axe-core on the page; every violation, whatever its impact. */
export async function a11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations;
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    )
    .join("\n");
}

/** Saves `artifacts/screenshots/<name>-<theme>.png` (the folder is git-ignored). */
export async function screenshot(page: Page, name: string, theme: "light" | "dark"): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${theme}.png`), fullPage: true });
}

/**
 * Switches the system colour scheme and waits until a page on "System" shows it, colour transitions
 * included (axe and screenshots mid-transition see blended colours). False when the page is pinned to
 * the other theme.
 */
export async function applyColorScheme(page: Page, theme: "light" | "dark"): Promise<boolean> {
  await page.emulateMedia({ colorScheme: theme });
  return page
    .waitForFunction(
      (value) =>
        document.documentElement.dataset.theme === value &&
        document
          .getAnimations()
          .every((animation) => !(animation instanceof CSSTransition) || animation.playState !== "running"),
      theme,
      { timeout: 3000 },
    )
    .then(
      () => true,
      () => false,
    );
}

/**
 * Light and dark screenshots through the system colour scheme, without touching saved preferences
 * (a page pinned to one theme gets only that screenshot). Leaves the page light.
 */
export async function screenshotThemes(page: Page, name: string): Promise<void> {
  for (const theme of ["light", "dark"] as const) {
    if (await applyColorScheme(page, theme)) await screenshot(page, name, theme);
  }
  await applyColorScheme(page, "light");
}

/** Signs in through the API (cookie session), for staff actions the test performs "elsewhere". */
export async function apiSession(baseURL: string, email: string, password: string) {
  const response = await fetch(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`API sign-in for ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  return async (method: string, pathname: string, body?: unknown) => {
    const answer = await fetch(`${baseURL}${pathname}`, {
      method,
      headers: { cookie, origin: baseURL, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await answer.json()) as { data?: unknown };
    if (!answer.ok) throw new Error(`${method} ${pathname} → ${answer.status} ${JSON.stringify(json)}`);
    return json.data;
  };
}
