// Issue 19's goals, each a ratio to a yardstick measured in the same run (this machine is shared and
// noisy: an absolute figure moves from run to run, a ratio measured side by side much less).

export interface Row {
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface Measured {
  /** Rows by scenario name: "reference read", "profile", "referrals", … */
  postgres: Map<string, Row>;
  /** The same scenarios on the large data set (scale). */
  large: Map<string, Row>;
  embedded: Map<string, Row>;
  /** Peak resident memory in MB: the server (on PostgreSQL the API) and the worker process beside it. */
  rss: { postgres?: number; worker?: number | undefined; embedded?: number };
  largeReferrals?: number;
  /** Idle embedded server, % of one core. */
  /** Idle CPU, % of a core: the window after start-up and the next one (at rest). */
  idle?: { afterStart: number; atRest: number } | undefined;
  smallReferrals?: number;
}

export interface GoalLine {
  goal: string;
  measured: string;
  target: string;
  /** undefined: not measured in this run. */
  met: boolean | undefined;
}

const pct = (value: number) => `${Math.round(value * 100)} %`;

function share(
  rows: Map<string, Row>,
  name: string,
  reference: string,
  minimum: number,
  label: string,
): GoalLine {
  const row = rows.get(name);
  const base = rows.get(reference);
  if (!row || !base || base.rps === 0)
    return { goal: label, measured: "–", target: `≥ ${pct(minimum)}`, met: undefined };
  const ratio = row.rps / base.rps;
  return {
    goal: label,
    measured: `${pct(ratio)} (${row.rps} / ${base.rps} req/s)`,
    target: `≥ ${pct(minimum)}`,
    met: ratio >= minimum,
  };
}

function p99(rows: Map<string, Row>, name: string, label: string): GoalLine {
  const row = rows.get(name);
  return {
    goal: `${label} p99`,
    measured: row ? `${row.p99} ms` : "–",
    target: "≤ 10 ms",
    met: row ? row.p99 <= 10 : undefined,
  };
}

function scale(measured: Measured, name: string, label: string): GoalLine {
  const small = measured.postgres.get(name);
  const large = measured.large.get(name);
  const sizes = `${(measured.largeReferrals ?? 0).toLocaleString("en")} vs ${(measured.smallReferrals ?? 0).toLocaleString("en")}`;
  if (!small || !large)
    return { goal: `${label} p50 at scale`, measured: "–", target: "≤ 1.5 ×", met: undefined };
  // autocannon's latencies are whole milliseconds: a 1 ms floor keeps 2 ms vs 1 ms from reading as 2 ×.
  const ratio = Math.max(large.p50, 1) / Math.max(small.p50, 1);
  return {
    goal: `${label} p50 at scale`,
    measured: `${ratio.toFixed(2)} × (${large.p50} / ${small.p50} ms, ${sizes} referrals)`,
    target: "≤ 1.5 ×",
    met: ratio <= 1.5,
  };
}

function rss(value: number | undefined, limit: number, label: string, beside?: number): GoalLine {
  return {
    goal: `peak RSS ${label}`,
    measured:
      value === undefined
        ? "–"
        : `${value} MB${beside === undefined ? "" : ` (worker beside it: ${beside} MB)`}`,
    target: `≤ ${limit} MB`,
    met: value === undefined ? undefined : value <= limit,
  };
}

export function goalLines(measured: Measured): GoalLine[] {
  const pgRows = measured.postgres;
  const embedded = measured.embedded.get("referrals");
  return [
    share(pgRows, "profile", "reference read", 0.7, "GET profile / bare read"),
    share(pgRows, "referrals", "reference read", 0.5, "GET referrals page / bare read"),
    share(pgRows, "stats", "reference read", 0.5, "GET referral-stats / bare read"),
    p99(pgRows, "profile", "GET profile"),
    p99(pgRows, "referrals", "GET referrals page"),
    p99(pgRows, "stats", "GET referral-stats"),
    share(pgRows, "create", "reference insert", 0.35, "POST referrals / bare insert"),
    scale(measured, "referrals", "referrals page"),
    scale(measured, "stats", "referral-stats"),
    scale(measured, "admin list", "staff list"),
    {
      goal: "PGlite referrals page",
      measured: embedded ? `${embedded.rps} req/s` : "–",
      target: "≥ 1,000 req/s",
      met: embedded ? embedded.rps >= 1000 : undefined,
    },
    {
      goal: "idle embedded server CPU",
      measured: measured.idle
        ? `${measured.idle.atRest.toFixed(2)} % of a core (${measured.idle.afterStart.toFixed(2)} % just after start)`
        : "–",
      target: "≤ 1 % at rest",
      met: measured.idle ? measured.idle.atRest <= 1 : undefined,
    },
    rss(measured.rss.postgres, 250, "PostgreSQL", measured.rss.worker),
    rss(measured.rss.embedded, 600, "PGlite"),
  ];
}

function table(cells: string[][], rightAligned: (column: number) => boolean): string[] {
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const format = (line: string[]) =>
    line
      .map((cell, column) =>
        rightAligned(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join("  ")
      .trimEnd();
  return [
    format(cells[0]!),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...cells.slice(1).map(format),
  ];
}

export function formatRows(rows: Row[]): string {
  const cells = [
    ["endpoint", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx"],
    ...rows.map((row) => [row.endpoint, row.rps, row.p50, row.p99, row.errors, row.non2xx].map(String)),
  ];
  return table(cells, (column) => column > 0).join("\n");
}

export function formatGoals(lines: GoalLine[]): string {
  const verdict = (met: boolean | undefined) =>
    met === undefined ? "not measured" : met ? "met" : "NOT MET";
  const cells = [
    ["goal", "measured", "target", "verdict"],
    ...lines.map((line) => [line.goal, line.measured, line.target, verdict(line.met)]),
  ];
  return table(cells, () => false).join("\n");
}
