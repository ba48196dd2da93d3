// The staff dashboard switched to Spanish in Debian's Chromium against the real server: the switch is
// saved to the staff member's preferences (a fresh browser signs in and gets Spanish back), every page
// reads in Spanish, and codes show as words (sources, countries, audit actions and changes).
// Run: npm run build -w @referral-app/backend -w @referral-app/web -w @referral-app/admin &&
//      node --import tsx --test tools/browser/staff-spanish.spec.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  describeViolations,
  launchBrowser,
  newVisitor,
  screenshot,
  seriousA11yViolations,
} from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

const STAFF = { email: "staff@demo.test", password: "demo-password-1" };
const PARTNER = { email: "partner@demo.test", password: "demo-password-1" };
const WAIT = { timeout: 20_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DOTTED_CODE = /\b[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)+\b/;

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

async function signIn(app = "/admin", account = STAFF): Promise<Page> {
  const context = await newVisitor(browser, server.baseURL);
  const page = await context.newPage();
  await page.goto(`${app}/sign-in`);
  await page.getByLabel(/^(Email|Correo electrónico)$/).fill(account.email);
  await page.getByLabel(/^(Password|Contraseña)$/).fill(account.password);
  await page.getByRole("button", { name: /^(Sign in|Iniciar sesión)$/ }).click();
  return page;
}

const spanishNav = (page: Page) => page.getByRole("navigation", { name: "Navegación principal" });

describe("the staff dashboard in Spanish", () => {
  it("switches to Spanish, keeps it across a reload and on another browser, and shows words, not codes", async () => {
    const page = await signIn();
    await page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");

    // The switch saves the preference, then reloads the page in the new language.
    const saved = page.waitForResponse(
      (response) =>
        response.url().includes("/api/users/me/profile") && response.request().method() === "PATCH",
      WAIT,
    );
    await page.getByLabel("Language").selectOption("es");
    assert.equal((await saved).ok(), true, "the language is saved to the staff member's preferences");
    await spanishNav(page).waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    await spanishNav(page).getByRole("link", { name: "Embudo de referidos" }).waitFor(WAIT);
    await page.getByRole("heading", { level: 1, name: "Embudo de referidos" }).waitFor(WAIT);
    await page.getByRole("button", { name: "Cerrar sesión" }).waitFor(WAIT);

    const violations = await seriousA11yViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, "admin-es-pipeline", "light");

    // A referral's details: visa interest, source and country in words.
    await page
      .getByRole("button", { name: /^Abrir / })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByRole("button", { name: "Actualizar el estado" })
      .or(dialog.getByText(/definitivo/))
      .first()
      .waitFor(WAIT);
    const labels = await dialog.locator("dl dt").allTextContents();
    const values = await dialog.locator("dl dd").allTextContents();
    assert.ok(labels.includes("Origen"), `the source row is labelled in Spanish: ${labels.join(", ")}`);
    const source = values[labels.indexOf("Origen")] ?? "";
    assert.match(
      source,
      /Recomendado por un cliente|Enviado por un socio|Registrado con un enlace de referido/,
    );
    for (const value of values) {
      assert.doesNotMatch(
        value,
        /^(student|work|skilled|visitor|business|client|partner|signup|friend|colleague|[A-Z]{2})$/,
      );
    }
    await screenshot(page, "admin-es-referral", "light");
    await page.keyboard.press("Escape");

    // The audit log: actions and changes in Spanish words, no dotted keys, ids or null.
    await spanishNav(page).getByRole("link", { name: "Registro de auditoría" }).click();
    const log = page.getByRole("table", { name: "Entradas de auditoría, las más recientes primero" });
    await log.getByRole("row").nth(1).waitFor(WAIT);
    const text = (await log.locator("td, th").allTextContents()).join("\n");
    assert.doesNotMatch(text, DOTTED_CODE, "no dotted action keys");
    assert.doesNotMatch(text, UUID, "no ids");
    assert.doesNotMatch(text, /\bid:/i, "no id fields");
    assert.doesNotMatch(text, /\bnull\b/, "no null");
    await screenshot(page, "admin-es-audit", "light");

    // Feature flags: Spanish role names and the exclusive "every role".
    await spanishNav(page).getByRole("link", { name: "Funciones activables" }).click();
    await page.getByText("Todos los roles").first().waitFor(WAIT);

    // Analytics: the heading's range in words, the same range in the From/To inputs.
    await spanishNav(page).getByRole("link", { name: "Analítica" }).click();
    await page.getByRole("heading", { level: 1, name: "Analítica" }).waitFor(WAIT);
    // The range arrives with the figures; the inputs are filled with it then.
    await page.locator("h1 + p").waitFor(WAIT);
    await page.waitForFunction(
      () => (document.querySelector("input[type=date]") as HTMLInputElement)?.value !== "",
      null,
      WAIT,
    );
    const from = await page.getByLabel("Desde").inputValue();
    const to = await page.getByLabel("Hasta").inputValue();
    assert.match(from, /^\d{4}-\d{2}-\d{2}$/, "the From input shows the range");
    assert.match(to, /^\d{4}-\d{2}-\d{2}$/, "the To input shows the range");
    const heading = await page.locator("h1 + p").first().textContent();
    assert.match(heading ?? "", /^Del \d{1,2} de [a-z]+ de \d{4} al \d{1,2} de [a-z]+ de \d{4}$/);

    // The pipeline: a long page whose sidebar background reaches the bottom; the board's last column fits.
    await spanishNav(page).getByRole("link", { name: "Embudo de referidos" }).click();
    await page.getByRole("table", { name: "Referidos que cumplen los filtros" }).waitFor(WAIT);
    const sidebar = await page.evaluate(() => {
      const column = document.querySelector("aside")?.parentElement?.getBoundingClientRect();
      return { column: column?.height ?? 0, page: document.documentElement.scrollHeight };
    });
    assert.ok(sidebar.page > 900, "the pipeline is longer than the window");
    assert.ok(sidebar.column >= sidebar.page - 1, `sidebar ${sidebar.column}px of a ${sidebar.page}px page`);
    await page.getByRole("tab", { name: "Tablero" }).click();
    const board = page.getByRole("region", { name: "Tablero" });
    await board.getByRole("heading", { name: /^Rechazado/ }).waitFor(WAIT);
    const fit = await board.evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
      const last = element.lastElementChild?.getBoundingClientRect();
      return { right: last?.right ?? Infinity, edge: element.getBoundingClientRect().right };
    });
    assert.ok(fit.right <= fit.edge + 1, `the last column ends at ${fit.right}px, inside ${fit.edge}px`);
    await screenshot(page, "admin-es-board", "light");

    await page.reload();
    await spanishNav(page).waitFor(WAIT);
    await page.getByRole("heading", { level: 1, name: "Embudo de referidos" }).waitFor(WAIT);
    await page.context().close();

    // Another browser (nothing stored): the saved preference brings Spanish back after signing in.
    const elsewhere = await signIn();
    await spanishNav(elsewhere).waitFor(WAIT);
    assert.equal(await elsewhere.evaluate(() => document.documentElement.lang), "es");
    await elsewhere.getByLabel("Idioma").waitFor(WAIT);
    assert.equal(await elsewhere.getByLabel("Idioma").inputValue(), "es");

    // And back to English, saved the same way.
    await elsewhere.getByLabel("Idioma").selectOption("en");
    await elsewhere.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
    await elsewhere.context().close();
  });

  it("the partner portal in Spanish: the CSV import names columns and problems in words, with a template", async () => {
    const page = await signIn("/partners", PARTNER);
    await page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
    await page.getByLabel("Language").selectOption("es");
    await spanishNav(page).getByRole("link", { name: "Importar CSV" }).click();
    await page.getByRole("heading", { level: 1, name: "Importar referidos desde un CSV" }).waitFor(WAIT);
    const template = page.getByRole("link", { name: "Descargar la plantilla (CSV)" });
    assert.equal(await template.getAttribute("download"), "referrals-template.csv");

    const csv = [
      "FULLNAME,email,visa_interest",
      ",nadie@example.com,student",
      "Bea Import,no-es-un-correo,astronaut",
    ];
    await page
      .getByLabel("Archivo CSV")
      .setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv.join("\n")) });
    const preview = page.getByRole("table", { name: "Las primeras filas del archivo elegido" });
    await preview.waitFor(WAIT);
    const headers = await preview.getByRole("columnheader").allTextContents();
    assert.deepEqual(headers, [
      "Fila",
      "Nombre completo",
      "Correo electrónico",
      "Visado de interés",
      "Revisión",
    ]);
    const rows = await preview.locator("tbody tr").allTextContents();
    assert.match(rows[0] ?? "", /Nombre completo: falta/);
    assert.match(rows[1] ?? "", /Correo electrónico: Introduzca un correo electrónico válido/);
    assert.match(rows[1] ?? "", /Visado de interés: use uno de estos valores: student, work/);
    for (const row of rows) assert.doesNotMatch(row, /Invalid input|expected string|received undefined/);
    await page
      .getByText("2 filas de 2 no se importarán tal como están; aparecen marcadas abajo.")
      .waitFor(WAIT);
    await screenshot(page, "partners-es-import", "light");

    // The server's reasons after the upload read the same way.
    await page.getByRole("button", { name: "Importar" }).click();
    const errors = page.getByRole("table", { name: "Filas que no se importaron" });
    await errors.waitFor(WAIT);
    const reasons = (await errors.locator("tbody tr").allTextContents()).join("\n");
    assert.match(reasons, /Nombre completo: falta/);
    assert.doesNotMatch(reasons, /Invalid input|expected string|fullName|FULLNAME/);
    await page.getByLabel("Idioma").selectOption("en");
    await page.getByRole("navigation", { name: "Main navigation" }).waitFor(WAIT);
    await page.context().close();
  });
});
