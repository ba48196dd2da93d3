import { type ReactNode, useId } from "react";
import {
  Bar,
  CartesianGrid,
  Legend,
  Line,
  BarChart as RechartsBarChart,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface ChartSeries<Datum> {
  key: keyof Datum & string;
  label: string;
  /** Any CSS colour; defaults follow the design tokens. */
  color?: string;
}

export interface ChartProps<Datum> {
  data: readonly Datum[];
  /** The field holding each point's category or date label. */
  xKey: keyof Datum & string;
  series: readonly ChartSeries<Datum>[];
  /** Shown as the figure caption and used as the data table's caption. */
  title: ReactNode;
  height?: number;
  /** Shown instead of bare axes when there is nothing to plot (the app's words). */
  emptyLabel?: string;
}

/** No points, or every value zero: a chart of nothing reads as broken, so say it in words. */
function isEmpty<Datum>({ data, series }: ChartProps<Datum>): boolean {
  return data.every((datum) => series.every((item) => !Number(datum[item.key])));
}

const PALETTE = ["var(--ui-brand)", "var(--ui-success)", "oklch(0.7 0.15 70)", "var(--ui-danger)"];
const axisStyle = { fill: "var(--ui-muted)", fontSize: 12 };

function colorOf(index: number, color?: string) {
  return color ?? PALETTE[index % PALETTE.length];
}

// Charts are pictures to a screen reader (hidden, and out of the tab order via accessibilityLayer=false);
// the same numbers follow as a visually hidden table.
function DataTable<Datum>({ data, xKey, series, title }: ChartProps<Datum>) {
  return (
    // The wrapper clips it: a table ignores the 1px width of .sr-only and would widen a phone's page.
    <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xKey}</th>
            {series.map((item) => (
              <th key={item.key} scope="col">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((datum) => (
            <tr key={String(datum[xKey])}>
              <th scope="row">{String(datum[xKey])}</th>
              {series.map((item) => (
                <td key={item.key}>{String(datum[item.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The legend in the order the series were given (Recharts sorts it alphabetically by default). */
function seriesLegend<Datum>(series: readonly ChartSeries<Datum>[]) {
  if (series.length < 2) return null;
  return <Legend itemSorter={(item) => series.findIndex((entry) => entry.key === item.dataKey)} />;
}

function ChartFrame<Datum>(props: ChartProps<Datum> & { children: ReactNode }) {
  const captionId = useId();
  return (
    <figure aria-labelledby={captionId} className="w-full">
      <figcaption id={captionId} className="mb-2 text-sm font-medium text-fg">
        {props.title}
      </figcaption>
      {isEmpty(props) ? (
        <p
          className="flex items-center justify-center rounded-lg border border-dashed border-border text-sm text-muted"
          style={{ height: props.height ?? 240 }}
        >
          {props.emptyLabel ?? "No data to show yet."}
        </p>
      ) : (
        <>
          <div aria-hidden="true" style={{ height: props.height ?? 240 }}>
            <ResponsiveContainer width="100%" height="100%">
              {props.children}
            </ResponsiveContainer>
          </div>
          <DataTable {...props} />
        </>
      )}
    </figure>
  );
}

export function BarChart<Datum>(props: ChartProps<Datum>) {
  return (
    <ChartFrame {...props}>
      <RechartsBarChart data={[...props.data]} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--ui-border)" vertical={false} />
        <XAxis dataKey={String(props.xKey)} tick={axisStyle} stroke="var(--ui-border)" />
        <YAxis allowDecimals={false} tick={axisStyle} stroke="var(--ui-border)" width={32} />
        <Tooltip contentStyle={{ background: "var(--ui-card)", borderColor: "var(--ui-border)" }} />
        {seriesLegend(props.series)}
        {props.series.map((item, index) => (
          <Bar
            key={item.key}
            dataKey={String(item.key)}
            name={item.label}
            fill={colorOf(index, item.color)}
            radius={4}
          />
        ))}
      </RechartsBarChart>
    </ChartFrame>
  );
}

/** Straight segments between points: counts per day should not look like smooth waves. */
export function LineChart<Datum>(props: ChartProps<Datum>) {
  return (
    <ChartFrame {...props}>
      <RechartsLineChart data={[...props.data]} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--ui-border)" vertical={false} />
        <XAxis dataKey={String(props.xKey)} tick={axisStyle} stroke="var(--ui-border)" />
        <YAxis allowDecimals={false} tick={axisStyle} stroke="var(--ui-border)" width={32} />
        <Tooltip contentStyle={{ background: "var(--ui-card)", borderColor: "var(--ui-border)" }} />
        {seriesLegend(props.series)}
        {props.series.map((item, index) => (
          <Line
            key={item.key}
            type="linear"
            dataKey={String(item.key)}
            name={item.label}
            stroke={colorOf(index, item.color)}
            strokeWidth={2}
            dot={props.data.length <= 45 ? { r: 2.5, fill: colorOf(index, item.color) } : false}
          />
        ))}
      </RechartsLineChart>
    </ChartFrame>
  );
}
