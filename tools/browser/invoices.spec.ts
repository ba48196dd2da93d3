// Invoices end to end in Debian's Chromium against the real server: staff invoice the demo client in
// /admin; the client sees the invoice and the manual gateway's instructions; staff record the payment;
// the Payment stage completes and the receipt PDF downloads; the client, as a referrer who chose
// credit, sees the credit on their next invoice. The receipt's download is audited, and an admin refunds and
// voids the invoice from the case page.
// Run: npm run build && node --import tsx --test --test-concurrency=1 tools/browser/invoices.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newVisitor } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const PASSWORD = "demo-password-1";
const CLIENT = "client@demo.test";
const WAIT = { timeout: 20_000 };

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

async function signIn(path: "/admin/sign-in" | "/sign-in", email: string): Promise<Page> {
  const page = await (await newVisitor(browser, server.baseURL)).newPage();
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), WAIT);
  return page;
}

/** The signed-in page's own API session (its cookies), for set-up and checks the screens do not show. */
async function api<T>(page: Page, method: "GET" | "POST" | "PUT", path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`${server.baseURL}/api/${path}`, {
    method,
    headers: { origin: server.baseURL },
    ...(data === undefined ? {} : { data }),
  });
  assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

describe("invoices and payments", () => {
  it("staff invoice the demo client, the client pays by the instructions, the stage completes, the receipt downloads", async () => {
    const staff = await signIn("/admin/sign-in", "staff@demo.test");
    const cases = await api<{ id: string; client: { email: string }; visaType: { name: string } }[]>(
      staff,
      "GET",
      `admin/cases?q=${encodeURIComponent("Priya")}&limit=20`,
    );
    const studentCase = cases.find(
      (item) => item.client.email === CLIENT && item.visaType.name === "Student visa",
    );
    assert.ok(studentCase, "the demo client's student visa case");
    // The case is at its Payment stage when the stage invoice goes out (the demo case's documents were
    // seen on paper: staff move it on with a note, which the documents gate asks for).
    await api(staff, "POST", `admin/cases/${studentCase.id}/stage`, {
      stage: "payment",
      note: "Documents checked at the office",
      overrideDocuments: true,
    });
    await staff.goto(`/admin/cases/${studentCase.id}`);

    const editor = staff.getByRole("form", { name: "New invoice" });
    await editor.getByLabel("Description 1").fill("Visa application support");
    await editor.getByLabel("Unit amount").fill("750");
    await editor.getByLabel(/Stage invoice/).check();
    await editor.getByTestId("invoice-total").filter({ hasText: "$750.00" }).waitFor(WAIT);
    await editor.getByRole("button", { name: "Create draft" }).click();
    const draft = staff.getByRole("listitem").filter({ hasText: "Draft invoice" });
    await draft.getByRole("button", { name: "Send to client" }).click();
    const sent = staff.getByRole("listitem").filter({ hasText: "$750.00 · balance $750.00" });
    await sent.getByText(/^Invoice INV-\d{4}-\d{4}/).waitFor(WAIT);
    const number = ((await sent.getByText(/^Invoice INV-/).textContent()) ?? "").match(
      /INV-\d{4}-\d{4}/,
    )?.[0];
    assert.ok(number, "the sent invoice has a number");

    const client = await signIn("/sign-in", CLIENT);
    await client.goto(`/cases/${studentCase.id}`);
    const row = client.getByRole("listitem").filter({ hasText: `Invoice ${number}` });
    await row.waitFor(WAIT);
    await row.getByRole("button", { name: "Pay" }).click();
    const how = client.getByRole("dialog", { name: "How to pay" });
    await how.getByText(/IBAN GB29 NWBK/).waitFor(WAIT);
    await how.getByText(number).waitFor(WAIT);
    await how.getByRole("button", { name: "Close" }).click();

    await staff.reload();
    const toPay = staff.getByRole("listitem").filter({ hasText: "$750.00 · balance $750.00" });
    await toPay.getByRole("button", { name: "Record payment" }).click();
    const record = staff.getByRole("dialog", { name: "Record a payment" });
    await record.getByLabel(/Reference/).fill(`Transfer ${number}`);
    await record.getByRole("button", { name: "Review" }).click();
    await record.getByText("Record $750.00 received by Bank transfer?").waitFor(WAIT);
    await record.getByRole("button", { name: "Yes, record it" }).click();
    await staff.getByText("Payment recorded").first().waitFor(WAIT);

    const visaCase = await api<{ stages: { id: string; status: string }[] }>(
      client,
      "GET",
      `cases/${studentCase.id}`,
    );
    assert.equal(visaCase.stages.find((stage) => stage.id === "payment")?.status, "completed");
    await client.reload();
    const paidRow = client.getByRole("listitem").filter({ hasText: `Invoice ${number}` });
    await paidRow.getByText("Paid", { exact: true }).waitFor(WAIT);
    const download = client.waitForEvent("download", WAIT);
    await paidRow.getByRole("link", { name: "Receipt" }).click();
    const receipt = await download;
    assert.match(receipt.suggestedFilename(), new RegExp(`^receipt-${number}\\.pdf$`));
    const bytes = await receipt.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
    const invoices = await api<{ id: string; number: string | null }[]>(
      client,
      "GET",
      `cases/${studentCase.id}/invoices`,
    );
    const invoiceId = invoices.find((invoice) => invoice.number === number)?.id;
    const audit = await api<{ action: string; actorId: string | null; after: { kind?: string } }[]>(
      staff,
      "GET",
      `admin/audit?entityId=${invoiceId}&action=invoice.pdf_downloaded`,
    );
    assert.ok(
      audit.some((entry) => entry.after.kind === "receipt"),
      "the receipt download is audited",
    );

    // The case was withdrawn: an admin gives the money back, then cancels the invoice.
    const admin = await signIn("/admin/sign-in", "admin@demo.test");
    await admin.goto(`/admin/cases/${studentCase.id}`);
    await admin.getByRole("button", { name: `Refund on invoice ${number}` }).click(WAIT);
    const refund = admin.getByRole("dialog", { name: `Refund on invoice ${number}` });
    await refund.getByLabel(/Reason/).fill("Case withdrawn");
    await refund.getByRole("button", { name: "Refund $750.00" }).click();
    await admin.getByText("Refund recorded").first().waitFor(WAIT);
    await admin.getByRole("button", { name: `Void invoice ${number}` }).click(WAIT);
    const cancel = admin.getByRole("dialog", { name: `Void invoice ${number}?` });
    await cancel.getByLabel(/Reason/).fill("Case withdrawn");
    await cancel.getByRole("button", { name: "Void the invoice" }).click();
    await admin.getByText("Invoice voided").first().waitFor(WAIT);
  });

  it("a referrer who chose credit sees it on their next invoice", async () => {
    const client = await signIn("/sign-in", CLIENT);
    await client.goto("/referrals");
    await client.getByRole("radio", { name: "Credit on my next invoice" }).check();
    await client.getByRole("checkbox", { name: /I have read how referral credit works/ }).check();
    await client.getByRole("button", { name: "Save my choice" }).click();
    await client.getByRole("button", { name: "Save my choice" }).waitFor({ state: "detached", ...WAIT });

    const admin = await signIn("/admin/sign-in", "admin@demo.test");
    const me = await api<{ id: string }>(client, "GET", "users/me/profile");
    const rewards = await api<
      { id: string; status: string; kind: string; availableAt: string; referralName: string }[]
    >(admin, "GET", `admin/rewards?userId=${me.id}&kind=referral_reward&limit=50`);
    let reward = rewards.find((entry) => entry.status === "approved");
    if (!reward) {
      const ready = rewards.find(
        (entry) => entry.status === "pending" && Date.parse(entry.availableAt) <= Date.now(),
      );
      assert.ok(ready, "the demo client has a reward that can be approved");
      await api(admin, "POST", `admin/rewards/${ready.id}/approve`, {});
      reward = ready;
    }
    const cases = await api<{ id: string; client: { email: string } }[]>(
      admin,
      "GET",
      "admin/cases?q=Priya&limit=20",
    );
    const caseId = cases.find((item) => item.client.email === CLIENT)!.id;
    const created = await api<{ id: string }>(admin, "POST", "admin/invoices", {
      caseId,
      currency: "USD",
      lines: [{ description: "Document translation", quantity: 1, unitAmountMinor: 30_000 }],
    });
    const issued = await api<{ number: string }>(admin, "POST", `admin/invoices/${created.id}/send`);

    await client.goto(`/cases/${caseId}`);
    const row = client.getByRole("listitem").filter({ hasText: `Invoice ${issued.number}` });
    await row.getByText("Show the lines").click();
    await row.getByText(`Referral credit: ${reward.referralName}`).waitFor(WAIT);
    await client.goto("/referrals");
    await client
      .getByText(/used on an invoice/)
      .first()
      .waitFor(WAIT);
  });
});
