// Case documents end to end in Debian's Chromium against the real server (local storage, tus uploads):
// the client uploads two files on a checklist line and the one over the limit is refused in words; staff
// reject the other with a reason; the client reads the reason and uploads a new version; staff accept it
// and the stage moves on (the documents gate lets it through).
// Run: npm run build -w @referral-app/backend -w @referral-app/web -w @referral-app/admin &&
//      node --import tsx --test tools/browser/documents.spec.ts
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { apiSession, launchBrowser, newVisitor, screenshot } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const CLIENT = "client@demo.test";
const STAFF = "staff@demo.test";
const WAIT = { timeout: 20_000 };
// A small limit so "too large" needs only a 2 MB file; the server inherits it from this process.
const MAX_BYTES = 1024 * 1024;
const REASON = "The scan is cut off at the bottom";

let server: RunningServer;
let browser: Browser;
let files: string;

/** A file whose bytes say PDF (the server tells the type by them), padded to `size`. */
async function pdfFile(name: string, size: number): Promise<string> {
  const head = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  const body = Buffer.alloc(Math.max(0, size - head.length), 0x20);
  const file = path.join(files, name);
  await writeFile(file, Buffer.concat([head, body]));
  return file;
}

before(async () => {
  process.env.UPLOAD_MAX_BYTES = String(MAX_BYTES);
  server = await startServer();
  browser = await launchBrowser();
  files = await mkdtemp(path.join(tmpdir(), "referral-documents-"));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

async function signIn(start: string, email: string, ready: (page: Page) => Promise<unknown>) {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto(start);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await ready(page);
  return page;
}

/** A visa type whose first stage needs one document, and a case of it for the demo client. */
async function openCase(): Promise<{ caseId: string }> {
  // The catalogue is the admin's; the case is opened by staff.
  const admin = await apiSession(server.baseURL, "admin@demo.test", PASSWORD);
  const staff = await apiSession(server.baseURL, STAFF, PASSWORD);
  const visaType = (await admin("POST", "/api/admin/visa-types", {
    name: "Browser test visa",
    documentRequirements: [
      {
        id: "offer-letter",
        stage: "assessment",
        name: "Offer letter",
        hint: "The letter from your university",
        acceptedTypes: ["application/pdf"],
      },
    ],
  })) as { id: string };
  const clients = (await staff("GET", `/api/admin/clients?search=${encodeURIComponent(CLIENT)}`)) as {
    id: string;
    email: string;
  }[];
  const demoClient = clients.find((entry) => entry.email === CLIENT);
  assert.ok(demoClient, "the demo client is found");
  const created = (await staff("POST", "/api/admin/cases", {
    clientId: demoClient.id,
    visaTypeId: visaType.id,
  })) as { id: string };
  return { caseId: created.id };
}

describe("case documents", () => {
  it("upload, refuse a too-large file, reject with a reason, a new version, accept and advance", async () => {
    const { caseId } = await openCase();
    const client = await signIn("/sign-in", CLIENT, (page) =>
      page.getByRole("heading", { name: /Welcome back/ }).waitFor(WAIT),
    );
    await client.goto(`/cases/${caseId}`);
    const line = client.getByRole("listitem").filter({ hasText: "Offer letter" });
    await line.getByText("Needed").waitFor(WAIT);

    // Two files at once: the 2 MB one is refused before it is sent, the small one uploads.
    const tooLarge = await pdfFile("bank-scan.pdf", 2 * MAX_BYTES);
    const first = await pdfFile("offer-letter.pdf", 2_000);
    await client.getByLabel("Upload Offer letter").setInputFiles([tooLarge, first]);
    await line
      .getByRole("alert")
      .filter({ hasText: "“bank-scan.pdf” is larger than 1 MB. Choose a smaller file" })
      .waitFor(WAIT);
    await line.getByText("Being checked").waitFor(WAIT);
    await line.getByText("offer-letter.pdf, version 1").waitFor(WAIT);
    await screenshot(client, "documents-client-uploaded", "light");

    // Staff reject it with a reason.
    const staff = await signIn("/admin/sign-in", STAFF, (page) =>
      page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT),
    );
    await staff.goto(`/admin/cases/${caseId}`);
    const review = staff.getByRole("listitem").filter({ hasText: "offer-letter.pdf, version 1" });
    await review.waitFor(WAIT);
    await review.getByLabel("Why it is rejected (the client reads this)").fill(REASON);
    await review.getByRole("button", { name: "Reject" }).click();
    await staff.getByText("Nothing to review: no document is waiting.").waitFor(WAIT);

    // The client reads the reason and sends a new version.
    await client.reload();
    await line.getByText("Needs a new upload").waitFor(WAIT);
    await line
      .getByRole("note")
      .filter({ hasText: `Please upload it again: ${REASON}` })
      .waitFor(WAIT);
    await screenshot(client, "documents-client-rejected", "light");
    const second = await pdfFile("offer-letter-full.pdf", 3_000);
    await client.getByLabel("Upload Offer letter").setInputFiles(second);
    await line.getByText("offer-letter-full.pdf, version 2").waitFor(WAIT);
    await line.getByText("Being checked").waitFor(WAIT);

    // Staff accept the new version and move the case to the next stage.
    await staff.reload();
    const again = staff.getByRole("listitem").filter({ hasText: "offer-letter-full.pdf, version 2" });
    await again.getByRole("button", { name: "Accept" }).click();
    await staff.getByText("Nothing to review: no document is waiting.").waitFor(WAIT);
    const stageForm = staff.getByRole("form", { name: "Stage" });
    await stageForm.getByLabel("Move to").selectOption({ label: "Application" });
    await stageForm.getByRole("button", { name: "Move stage" }).click();
    await staff.getByText("Moved to Application; the client is notified.").first().waitFor(WAIT);
    await screenshot(staff, "documents-staff-advanced", "light");

    await client.reload();
    await line.getByText("Accepted").waitFor(WAIT);
  });
});
