import { REFERRAL_STATUS_VALUES } from "@referral-app/shared/constants";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { REFERRAL_STATUS_TONES, StatusBadge } from "./badge.tsx";
import { Card } from "./card.tsx";
import { EmptyState } from "./empty-state.tsx";
import { Skeleton, SkeletonList } from "./skeleton.tsx";
import { Table } from "./table.tsx";

describe("StatusBadge", () => {
  it("gives every referral status its own colour", () => {
    const tones = REFERRAL_STATUS_VALUES.map((status) => REFERRAL_STATUS_TONES[status]);
    expect(new Set(tones).size).toBe(REFERRAL_STATUS_VALUES.length);
  });

  it("shows the translated label", () => {
    render(<StatusBadge status="pending" label="Pendiente" />);
    expect(screen.getByText("Pendiente")).toHaveAttribute("data-tone", "warning");
  });
});

describe("Card", () => {
  it("is a region named by its title", () => {
    render(
      <Card title="Your referrals" description="This month">
        body
      </Card>,
    );
    expect(screen.getByRole("region", { name: "Your referrals" })).toHaveTextContent("body");
    expect(screen.getByRole("heading", { level: 2, name: "Your referrals" })).toBeInTheDocument();
  });
});

describe("Table", () => {
  it("renders a captioned table with column and row headers", () => {
    const rows = [
      { id: "1", name: "Ana", status: "pending" },
      { id: "2", name: "Ben", status: "converted" },
    ];
    render(
      <Table
        caption="Referrals"
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { key: "name", header: "Name", cell: (row) => row.name, rowHeader: true },
          { key: "status", header: "Status", cell: (row) => row.status },
        ]}
      />,
    );
    expect(screen.getByRole("table", { name: "Referrals" })).toBeInTheDocument();
    expect(screen.getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(["Name", "Status"]);
    expect(screen.getByRole("rowheader", { name: "Ben" })).toBeInTheDocument();
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });
});

describe("EmptyState and Skeleton", () => {
  it("shows a title, description and action", () => {
    render(
      <EmptyState
        title="No referrals yet"
        description="Refer a friend"
        action={<button type="button">Go</button>}
      />,
    );
    expect(screen.getByText("No referrals yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Go" })).toBeInTheDocument();
  });

  it("hides placeholders from screen readers but announces loading", () => {
    render(
      <>
        <Skeleton />
        <SkeletonList label="Loading referrals" lines={2} />
      </>,
    );
    expect(screen.getAllByTestId("skeleton")[0]).toHaveAttribute("aria-hidden", "true");
    expect(screen.getByRole("status")).toHaveTextContent("Loading referrals");
  });
});
