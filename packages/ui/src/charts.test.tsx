import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BarChart, LineChart } from "./charts.tsx";

const data = [
  { status: "Pending", count: 3 },
  { status: "Converted", count: 1 },
];

describe("charts", () => {
  it("captions the bar chart and gives its numbers as a table", () => {
    render(
      <BarChart
        title="Referrals by status"
        data={data}
        xKey="status"
        series={[{ key: "count", label: "Referrals" }]}
      />,
    );
    expect(screen.getByRole("figure", { name: "Referrals by status" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Referrals by status" });
    expect(table).toHaveTextContent("Pending3");
    expect(table).toHaveTextContent("Converted1");
  });

  it("does the same for the line chart", () => {
    render(
      <LineChart title="Per day" data={data} xKey="status" series={[{ key: "count", label: "Created" }]} />,
    );
    expect(screen.getByRole("table", { name: "Per day" })).toHaveTextContent("Created");
  });
});
