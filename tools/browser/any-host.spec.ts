// Signing in where the browser happens to be: the server starts without PUBLIC_URL and each app is
// opened at http://127.0.0.1:PORT and at http://localhost:PORT (a LAN address works the same way).
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/any-host.spec.ts
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser, newVisitor } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const APPS = [
  { name: "client app", path: "", email: "client@demo.test", landmark: /Welcome back/ },
  { name: "staff dashboard", path: "/admin", email: "staff@demo.test", landmark: "Main navigation" },
  { name: "partner portal", path: "/partners", email: "partner@demo.test", landmark: "Main navigation" },
] as const;
const WAIT = { timeout: 20_000 };

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ publicUrl: false });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe("sign-in on whichever address the browser uses", () => {
  for (const host of ["127.0.0.1", "localhost"]) {
    for (const app of APPS) {
      it(`${app.name} at http://${host}`, async () => {
        const base = server.baseURL.replace("127.0.0.1", host);
        const context = await newVisitor(browser, base);
        const page = await context.newPage();
        await page.goto(`${app.path}/sign-in`);
        await page.getByLabel("Email").fill(app.email);
        await page.getByLabel("Password").fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        const landmark =
          typeof app.landmark === "string"
            ? page.getByRole("navigation", { name: app.landmark })
            : page.getByRole("heading", { name: app.landmark });
        await landmark.waitFor(WAIT);
        await context.close();
      });
    }
  }
});
