import { fixtureUuid } from "@referral-app/api-client/mocks";
import type { CaseTimelineEntry } from "@referral-app/shared/schemas/case";
import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { CaseTimeline } from "./case-timeline.tsx";

const conversationId = fixtureUuid(70);

const entries: CaseTimelineEntry[] = [
  {
    id: fixtureUuid(71),
    kind: "opened",
    summary: "Case opened",
    data: {},
    actorName: null,
    visibility: "client",
    createdAt: "2026-11-02T09:00:00.000Z",
  },
  {
    id: fixtureUuid(72),
    kind: "message",
    summary: "Message from Priya Client: Where is my case?",
    data: { conversationId, messageId: fixtureUuid(72), firstLine: "Where is my case?" },
    actorName: "Priya Client",
    visibility: "client",
    createdAt: "2026-11-03T10:30:00.000Z",
  },
];

describe("CaseTimeline", () => {
  it("shows a consultation message with its author, time, first line and a link to the thread", async () => {
    const router = createMemoryRouter(
      [{ path: "*", element: <CaseTimeline entries={entries} notes={[]} /> }],
      { initialEntries: ["/cases/x"] },
    );
    render(<RouterProvider router={router} />);
    const item = (await screen.findByText("Message in the consultation")).closest("li")!;
    expect(within(item).getByText("Where is my case?")).toBeInTheDocument();
    expect(within(item).getByText(/by Priya Client/)).toBeInTheDocument();
    expect(item.querySelector("time")?.getAttribute("dateTime")).toBe("2026-11-03T10:30:00.000Z");
    expect(within(item).getByRole("link", { name: "Open the thread" })).toHaveAttribute(
      "href",
      `/messages/${conversationId}`,
    );
    // Other entries carry no thread link.
    const opened = screen.getByText("Case opened").closest("li")!;
    expect(within(opened).queryByRole("link")).not.toBeInTheDocument();
  });
});
