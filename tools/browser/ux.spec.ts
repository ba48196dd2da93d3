// How the client and staff apps feel, in Debian's Chromium against the real server: the offer and
// one-tap sharing on the dashboard (390×844 and 1440×900), a guarded Reject (reason and confirmation,
// the button in view at 900 px), a broadcast's preview with its recipient count, the offline message
// within 3 s, a notification that opens its referral, and a new account's first-run welcome.
// Run: npm run build && node --import tsx --test tools/browser/ux.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { apiSession, launchBrowser, newVisitor, screenshot } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const WAIT = { timeout: 20_000 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

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

async function signIn(app: "" | "/admin", email: string, size = DESKTOP): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.setViewportSize(size);
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), WAIT);
  await page.locator("main h1").first().waitFor(WAIT);
  return page;
}

async function openReferral(page: Page, fullName: string) {
  await page.goto("/admin");
  await page.getByLabel("Search name or email").fill(fullName.split(" ")[0] ?? fullName);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("button", { name: `Open ${fullName}` }).click();
  const dialog = page.getByRole("dialog", { name: fullName });
  await dialog.getByRole("form", { name: "Change status" }).waitFor(WAIT);
  return dialog;
}

describe("how it feels to use", () => {
  for (const [label, size] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    it(`the dashboard leads with the offer and one-tap sharing (${label})`, async () => {
      const page = await signIn("", "client@demo.test", size);
      const card = page.getByRole("region", { name: "Your referrals" });
      await card.getByText(/^Refer a friend: you get USD\s100 when they become a client$/).waitFor(WAIT);
      const share = card.getByRole("list", { name: "Share your link" });
      const code = (
        (await page.evaluate(() => fetch("/api/users/me/profile").then((answer) => answer.json()))) as {
          data: { referralCode: string };
        }
      ).data.referralCode;
      const whatsapp = await share.getByRole("link", { name: "WhatsApp" }).getAttribute("href");
      assert.match(decodeURIComponent(whatsapp ?? ""), new RegExp(`/signup\\?ref=${code}$`));
      assert.match(
        (await share.getByRole("link", { name: "E-mail" }).getAttribute("href")) ?? "",
        /^mailto:/,
      );
      assert.match((await share.getByRole("link", { name: "SMS" }).getAttribute("href")) ?? "", /^sms:/);
      await share.getByRole("button", { name: "Copy link" }).waitFor(WAIT);
      // The QR code draws as it comes near the screen.
      await share.scrollIntoViewIfNeeded();
      await card.getByRole("img", { name: "QR code for your referral link" }).waitFor(WAIT);
      // Earned and pending apart, and each reward with its date.
      await card.getByText("Earned", { exact: true }).waitFor(WAIT);
      await card.getByText("Pending", { exact: true }).waitFor(WAIT);
      const rewards = page.getByRole("list", { name: "Rewards by referral" });
      await rewards
        .getByText(/Held until|Paid ·|Approved/)
        .first()
        .waitFor(WAIT);
      for (const button of await share.getByRole("link").all()) assert.ok(await button.isVisible());
      await screenshot(page, `ux-dashboard-offer-${label}`, "light");
      await page.context().close();
    });
  }

  it("Reject needs a reason and a confirmation; the status button is in view at 900 px", async () => {
    const page = await signIn("/admin", "staff@demo.test");
    const dialog = await openReferral(page, "Sofia Rossi");
    const update = dialog.getByRole("button", { name: "Update status" });
    const box = await update.boundingBox();
    assert.ok(box && box.y + box.height <= DESKTOP.height, `Update status is in view (${box?.y})`);

    await dialog.getByLabel("Move to").selectOption("rejected");
    await update.click();
    await dialog.getByText("Give a reason for rejecting this referral.").waitFor(WAIT);
    assert.equal(await page.getByRole("dialog", { name: /as Rejected\?$/ }).count(), 0);

    await dialog.getByLabel(/^Reason for rejecting/).fill("Not eligible for any visa we handle");
    await update.click();
    const confirm = page.getByRole("dialog", { name: "Mark Sofia Rossi as Rejected?" });
    await confirm.getByText(/This is final/).waitFor(WAIT);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached", ...WAIT });
    await dialog.getByText("Pending", { exact: true }).first().waitFor(WAIT);

    await update.click();
    await confirm.getByRole("button", { name: "Yes, mark as Rejected" }).click();
    await dialog
      .getByText("Done: this referral is now Rejected. The referrer has been notified.")
      .waitFor(WAIT);
    await screenshot(page, "ux-reject-confirmed", "light");

    // The API refuses a rejection without a reason too.
    const staff = await apiSession(server.baseURL, "staff@demo.test", PASSWORD);
    const list = (await staff("GET", "/api/admin/referrals?q=Carlos")) as { id: string }[];
    const answer = await page.evaluate(
      (id) =>
        fetch(`/api/admin/referrals/${id}/status`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "rejected" }),
        }).then((response) => response.status),
      list[0]?.id ?? "",
    );
    assert.equal(answer, 400);
    await page.context().close();
  });

  it("a broadcast shows its preview and recipient count first, and will not go to nobody", async () => {
    const page = await signIn("/admin", "staff@demo.test");
    await page.goto("/admin/notifications");
    await page.getByLabel(/^Title/).fill("Office closed Friday");
    await page.getByLabel(/^Message/).fill("We reopen on Monday at 9.");
    await page.getByLabel("Who").selectOption("client");
    await page.getByLabel(/^Country/).selectOption("AU");
    await page.getByRole("button", { name: "Preview and send" }).click();
    const preview = page.getByRole("dialog", { name: "Send this broadcast?" });
    await preview.getByText(/Nobody matches this audience/).waitFor(WAIT);
    assert.equal(await preview.getByRole("button", { name: "Send to 0" }).isDisabled(), true);
    await preview.getByRole("button", { name: "Cancel" }).click();

    await page.getByLabel(/^Country/).selectOption("");
    await page.getByRole("button", { name: "Preview and send" }).click();
    const staff = await apiSession(server.baseURL, "staff@demo.test", PASSWORD);
    const { recipientCount } = (await staff("POST", "/api/admin/broadcasts/audience-count", {
      role: "client",
    })) as { recipientCount: number };
    assert.ok(recipientCount > 0);
    await preview.getByText(`It will reach ${recipientCount} people.`).waitFor(WAIT);
    await preview.getByText("We reopen on Monday at 9.").waitFor(WAIT);
    await screenshot(page, "ux-broadcast-preview", "light");
    await preview.getByRole("button", { name: `Send to ${recipientCount}` }).click();
    await page.getByText(`Queued for ${recipientCount} people`).first().waitFor(WAIT);
    await page.context().close();
  });

  it("an offline submit says so within 3 s and confirms once it is sent", async () => {
    const page = await signIn("", "client@demo.test");
    await page.goto("/referrals");
    await page.getByLabel("Full Name").fill("Ines Offline");
    await page.getByLabel("Email").fill("ines.offline@example.com");
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Submit Referral" }).click();
    await page.getByText("You're offline; we'll send it when you're back.").waitFor({ timeout: 3_000 });
    await page.context().setOffline(false);
    await page.getByText("Referral submitted successfully!").waitFor(WAIT);
    await page.getByText(/We will contact Ines by/).waitFor(WAIT);
    const mine = (await page.evaluate(() =>
      fetch("/api/users/me/referrals?limit=100").then((answer) => answer.json()),
    )) as { data: { email: string }[] };
    assert.equal(mine.data.filter((referral) => referral.email === "ines.offline@example.com").length, 1);
    await page.context().close();
  });

  it("a notification opens the referral it is about (phone)", async () => {
    const staff = await apiSession(server.baseURL, "staff@demo.test", PASSWORD);
    const [arjun] = (await staff("GET", "/api/admin/referrals?q=Arjun")) as { id: string }[];
    await staff("PATCH", `/api/admin/referrals/${arjun?.id}/status`, { status: "contacted" });
    // The notification is delivered by the queue: wait until the client has it.
    const client = await apiSession(server.baseURL, "client@demo.test", PASSWORD);
    const delivered = async () =>
      (
        (await client("GET", "/api/notifications?limit=50")) as { data: Record<string, unknown> | null }[]
      ).some((item) => item.data?.referralId === arjun?.id && item.data?.status === "contacted");
    for (let tries = 0; !(await delivered()); tries += 1) {
      assert.ok(tries < 80, "the contacted notification is delivered");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const page = await signIn("", "client@demo.test", PHONE);
    await page.goto("/notifications");
    await page
      .getByTestId("notification-list")
      .getByRole("listitem")
      .filter({ hasText: "Arjun Mehta" })
      .getByRole("link", { name: "Referral contacted" })
      .click(WAIT);
    const dialog = page.getByRole("dialog", { name: "Arjun Mehta" });
    await dialog.getByText("Contacted").first().waitFor(WAIT);
    assert.match(page.url(), new RegExp(`/referrals\\?referral=${arjun?.id}$`));
    await screenshot(page, "ux-notification-referral", "light");
    await page.context().close();
  });

  it("a share link names who invited the visitor; the new account gets a first-run welcome (phone)", async () => {
    const client = await apiSession(server.baseURL, "client@demo.test", PASSWORD);
    const { referralCode } = (await client("GET", "/api/users/me/profile")) as { referralCode: string };
    const page = await (await newVisitor(browser, server.baseURL)).newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`/signup?ref=${referralCode}`);
    await page.getByText("Priya invited you").waitFor(WAIT);
    await page.getByText(/a consultant will contact you within \d+ business days/).waitFor(WAIT);
    await page.getByLabel("Full name").fill("Nia Newcomer");
    await page.getByLabel("Email").fill(`nia.${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct-horse-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Welcome, Nia" }).waitFor(WAIT);
    assert.equal(await page.getByRole("heading", { name: /Welcome back/ }).count(), 0);
    const steps = page.getByRole("region", { name: "Next steps" });
    for (const step of ["Verify your e-mail", "Complete your profile", "Refer a friend"]) {
      await steps.getByText(step, { exact: true }).first().waitFor(WAIT);
    }
    await screenshot(page, "ux-first-run", "light");
    await page.context().close();
  });
});
