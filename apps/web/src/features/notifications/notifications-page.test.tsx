import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTestApp, MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { Component as NotificationsPage } from "./notifications-page.tsx";

const { store } = setupTestServer();

describe("notifications page", () => {
  it("says each title again in the language chosen after it arrived", async () => {
    const [first] = store.notifications;
    if (!first) throw new Error("the mock store has notifications");
    store.notifications = [
      {
        ...first,
        title: "Referral converted",
        data: { kind: "referral", referralId: "r1", fromStatus: "qualified", status: "converted" },
      },
    ];
    const app = createTestApp();
    render(
      <MockProviders app={app}>
        <NotificationsPage />
      </MockProviders>,
    );
    expect(await screen.findByText("Referral converted")).toBeInTheDocument();
    await act(() => app.i18n.changeLanguage("es"));
    expect(await screen.findByText("Referido convertido")).toBeInTheDocument();
  });
});
