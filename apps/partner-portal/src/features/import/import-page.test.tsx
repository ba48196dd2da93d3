import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { setupPartnerServer } from "../../test/partner-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as ImportPage } from "./import-page.tsx";

const api = setupPartnerServer();
beforeEach(() => api.use());

const CSV = [
  "Full Name,Email,Country",
  "Ana Lima,ana@example.com,BR",
  "Ben Ode,ben@example.com,NG",
  "Bad Row,not-an-email,GB",
].join("\n");

function csvFile(text = CSV, name = "leads.csv") {
  return new File([text], name, { type: "text/csv" });
}

describe("CSV import", () => {
  it("previews the file, uploads it and shows the counts and row errors", async () => {
    const user = userEvent.setup();
    renderPage(<ImportPage />);
    await user.upload(await screen.findByLabelText("CSV file"), csvFile());

    const preview = await screen.findByRole("table", { name: "The first rows of the chosen file" });
    expect(screen.getByText("Preview: first 3 of 3 rows")).toBeInTheDocument();
    expect(within(preview).getByRole("columnheader", { name: "Full name" })).toBeInTheDocument();
    expect(within(preview).getByText("ana@example.com")).toBeInTheDocument();
    // The bad row is marked before anything is uploaded, in words.
    expect(
      screen.getByText("1 row of 3 will not be imported as they are; they are marked below."),
    ).toBeInTheDocument();
    expect(within(preview).getByRole("row", { name: /Bad Row/ })).toHaveTextContent(
      "Email: Enter a valid email address",
    );
    expect(within(preview).getByRole("row", { name: /Ana Lima/ })).toHaveTextContent("Ready");

    await user.click(screen.getByRole("button", { name: "Import" }));

    expect(await screen.findByTestId("imported-count")).toHaveTextContent("2");
    expect(screen.getByTestId("failed-count")).toHaveTextContent("1");
    const errors = screen.getByRole("table", { name: "Rows that were not imported" });
    const row = within(errors).getByRole("row", { name: /4/ });
    expect(row).toHaveTextContent("Invalid");
    expect(row).toHaveTextContent("Email: Enter a valid email address");
    expect(screen.getByRole("link", { name: "Download error report (CSV)" })).toHaveAttribute(
      "href",
      "http://localhost:3000/api/partners/imports/imp-1/errors.csv",
    );
    expect(screen.getByLabelText("Upload progress")).toHaveAttribute("value", "100");
    await waitFor(() => expect(api.state.uploads).toHaveLength(1));
    // The body itself is not checked: MSW's XMLHttpRequest interceptor cannot read a jsdom File.
    expect(api.state.uploads[0]).toMatchObject({ contentType: "text/csv", fileName: "leads.csv" });
  });

  it("names missing values and unknown choices in words, never as zod messages or raw headers", async () => {
    const user = userEvent.setup();
    renderPage(<ImportPage />);
    const csv = ["FULLNAME,email,visa_interest,Favourite colour", ",x@example.com,astronaut,blue"].join("\n");
    await user.upload(await screen.findByLabelText("CSV file"), csvFile(csv));
    const preview = await screen.findByRole("table", { name: "The first rows of the chosen file" });
    expect(within(preview).getByRole("columnheader", { name: "Full name" })).toBeInTheDocument();
    expect(within(preview).getByRole("columnheader", { name: "Visa interest" })).toBeInTheDocument();
    expect(
      within(preview).getByRole("columnheader", { name: "Favourite colour (not imported)" }),
    ).toBeInTheDocument();
    const row = within(preview).getByRole("row", { name: /x@example.com/ });
    expect(row).toHaveTextContent("Full name: missing");
    expect(row).toHaveTextContent("Visa interest: use one of: student, work, skilled");
    expect(row).not.toHaveTextContent(/expected string|Invalid input/);
  });

  it("offers a template whose headers the import reads", async () => {
    renderPage(<ImportPage />);
    const link = await screen.findByRole("link", { name: "Download the template (CSV)" });
    expect(link).toHaveAttribute("download", "referrals-template.csv");
    const csv = decodeURIComponent(
      (link.getAttribute("href") ?? "").replace(/^data:text\/csv;charset=utf-8,/, ""),
    );
    expect(csv.split("\r\n")[0]).toBe("Full name,Email,Phone,Country,Visa interest,Relationship,Notes");
  });

  it("says when the same file was imported before", async () => {
    api.server.use(
      http.post("http://localhost:3000/api/partners/referrals/import", () =>
        HttpResponse.json({
          status: "success",
          data: {
            importId: "imp-1",
            rows: 3,
            imported: 2,
            failed: 1,
            errors: [],
            duplicateFile: true,
            fileName: "leads.csv",
            createdAt: "2026-03-02T10:00:00.000Z",
          },
        }),
      ),
    );
    const user = userEvent.setup();
    renderPage(<ImportPage />);
    await user.upload(await screen.findByLabelText("CSV file"), csvFile());
    await user.click(await screen.findByRole("button", { name: "Import" }));
    expect(
      await screen.findByText("This file was imported before; nothing new was created."),
    ).toBeInTheDocument();
  });

  it("shows the server's refusal", async () => {
    api.server.use(
      http.post("http://localhost:3000/api/partners/referrals/import", () => {
        const error = { code: "VALIDATION_ERROR", message: "The file has no email column" };
        return HttpResponse.json({ status: "error", message: error.message, error }, { status: 400 });
      }),
    );
    const user = userEvent.setup();
    renderPage(<ImportPage />);
    await user.upload(await screen.findByLabelText("CSV file"), csvFile());
    await user.click(await screen.findByRole("button", { name: "Import" }));
    expect(await screen.findByText("The file has no email column")).toBeInTheDocument();
  });

  it("refuses a file that is not CSV before uploading", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPage(<ImportPage />);
    await user.upload(
      await screen.findByLabelText("CSV file"),
      new File(["x"], "photo.png", { type: "image/png" }),
    );
    expect(await screen.findByText("Choose a .csv file.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).not.toBeInTheDocument();
    expect(api.state.uploads).toEqual([]);
  });
});
