import { fixtureUuid, MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { SavedReply } from "@referral-app/shared/schemas/conversation";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderPage } from "../../test/render-page.tsx";
import { SavedRepliesCard } from "./saved-replies-card.tsx";

const url = (path: string) => `${MOCK_BASE_URL}/${path}`;
const server = setupServer();
let role = "admin";
let replies: SavedReply[] = [];
const calls: { route: string; body: unknown }[] = [];

const reply = (n: number, title: string): SavedReply => ({
  id: fixtureUuid(80 + n),
  title,
  body: `${title} body`,
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-01T09:00:00.000Z",
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  role = "admin";
  replies = [reply(1, "Documents received"), reply(2, "Fees")];
  calls.length = 0;
  server.use(
    http.get(url("auth/get-session"), () =>
      HttpResponse.json({
        session: { id: "s1", userId: "staff-1", expiresAt: "2099-01-01T00:00:00.000Z" },
        user: { id: "staff-1", email: "staff@demo.test", name: "Priya Shah", role },
      }),
    ),
    http.get(url("admin/saved-replies"), () => HttpResponse.json({ status: "success", data: replies })),
    http.patch(url("admin/saved-replies/:id"), async ({ params, request }) => {
      const body = (await request.json()) as { title: string; body: string };
      calls.push({ route: `PATCH ${params.id}`, body });
      replies = replies.map((item) => (item.id === params.id ? { ...item, ...body } : item));
      return HttpResponse.json({ status: "success", data: replies.find((item) => item.id === params.id) });
    }),
    http.delete(url("admin/saved-replies/:id"), ({ params }) => {
      calls.push({ route: `DELETE ${params.id}`, body: undefined });
      replies = replies.filter((item) => item.id !== params.id);
      return HttpResponse.json({ status: "success", data: null });
    }),
  );
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("saved replies card", () => {
  it("lets an admin change a reply's text", async () => {
    const user = userEvent.setup();
    renderPage(<SavedRepliesCard />);
    await user.click(await screen.findByRole("button", { name: "Edit “Fees”" }));
    const form = screen.getByRole("form", { name: "Edit “Fees”" });
    const text = within(form).getByLabelText("Text");
    await user.clear(text);
    await user.type(text, "Our fees are on the website.");
    await user.click(within(form).getByRole("button", { name: "Save reply" }));
    expect(await screen.findByText("Our fees are on the website.")).toBeInTheDocument();
    expect(calls).toEqual([
      { route: `PATCH ${fixtureUuid(82)}`, body: { title: "Fees", body: "Our fees are on the website." } },
    ]);
  });

  it("deletes a reply only after the admin confirms", async () => {
    const user = userEvent.setup();
    renderPage(<SavedRepliesCard />);
    await user.click(await screen.findByRole("button", { name: "Delete “Documents received”" }));
    const dialog = await screen.findByRole("dialog", {
      name: "Delete the saved reply “Documents received”?",
    });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Delete “Documents received”" }));
    const again = await screen.findByRole("dialog");
    await user.click(within(again).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Saved reply deleted")).toBeInTheDocument();
    expect(screen.queryByText("Documents received")).not.toBeInTheDocument();
    expect(calls).toEqual([{ route: `DELETE ${fixtureUuid(81)}`, body: undefined }]);
  });

  it("shows staff the replies without edit or delete", async () => {
    role = "staff";
    renderPage(<SavedRepliesCard />);
    expect(await screen.findByText("Fees")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Edit|Delete/ })).not.toBeInTheDocument();
  });
});
