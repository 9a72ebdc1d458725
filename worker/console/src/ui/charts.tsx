import { Group } from "@visx/group";
import { PatternCircles, PatternLines } from "@visx/pattern";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

/**
 * Charts drawn with visx (SVG). Readable without colour: every bar carries its value and its label as text, and
 * series are told apart by fill patterns (solid, hatched, dotted) as well as by colour.
 */

export type Fill = "solid" | "lines" | "dots";
const FILLS: Record<Fill, string> = { solid: "var(--chart-1)", lines: "url(#pat-lines)", dots: "url(#pat-dots)" };

function Patterns() {
  return (
    <defs>
      <PatternLines id="pat-lines" height={8} width={8} stroke="var(--chart-2)" strokeWidth={2.5} orientation={["diagonal"]} background="var(--chart-2-bg)" />
      <PatternCircles id="pat-dots" height={7} width={7} radius={1.8} fill="var(--chart-3)" complement background="var(--chart-3-bg)" />
    </defs>
  );
}

export interface HBarDatum {
  label: string;
  value: number;
  /** Text after the value ("24 %" of the previous step). */
  note?: string;
  fill?: Fill;
}

/** Horizontal bars with the label on the left and the value at the bar's end (funnel, rejection reasons). */
export function HBarChart({ data, title, labelWidth = 150, rowHeight = 44 }: { data: HBarDatum[]; title: string; labelWidth?: number; rowHeight?: number }) {
  const width = 480;
  const valueRoom = 110;
  const height = data.length * rowHeight + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - valueRoom] });
  const y = scaleBand<string>({ domain: data.map((d) => d.label), range: [4, height - 4], padding: 0.22 });
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <Patterns />
      {data.map((d) => {
        const top = y(d.label) ?? 0;
        const w = Math.max(d.value > 0 ? 2 : 0, x(d.value));
        return (
          <Group key={d.label} top={top}>
            <text x={labelWidth - 10} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
              {d.label}
            </text>
            <Bar
              x={labelWidth}
              y={0}
              width={w}
              height={y.bandwidth()}
              fill={FILLS[d.fill ?? "solid"]}
              stroke="var(--chart-edge)"
              strokeWidth={d.value > 0 ? 1 : 0}
              rx={3}
            />
            <text x={labelWidth + w + 8} y={y.bandwidth() / 2} dy="0.35em" className="chart-value">
              {d.value}
              {d.note ? <tspan className="chart-note"> {d.note}</tspan> : null}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}

export interface ColumnDatum {
  label: string;
  value: number;
  /** Accessible name of the column ("Semaine du 3 nov. : 4"). */
  title: string;
}

/** Vertical columns with the value above each (MQLs per week). */
export function ColumnChart({ data, title }: { data: ColumnDatum[]; title: string }) {
  const width = 960;
  const height = 230;
  const bottom = 28;
  const top = 22;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleBand<string>({ domain: data.map((d) => d.label), range: [8, width - 8], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, max], range: [height - bottom, top] });
  // Long periods: label every n-th week so labels never overlap.
  const every = Math.max(1, Math.ceil(data.length / 12));
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <Patterns />
      <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="chart-axis" />
      {data.map((d, i) => {
        const left = x(d.label) ?? 0;
        const barTop = y(d.value);
        return (
          <g key={d.label}>
            <title>{d.title}</title>
            <Bar
              x={left}
              y={barTop}
              width={x.bandwidth()}
              height={height - bottom - barTop}
              fill={FILLS.lines}
              stroke="var(--chart-edge)"
              strokeWidth={d.value > 0 ? 1 : 0}
              rx={2}
            />
            {d.value > 0 || data.length <= 16 ? (
              <text x={left + x.bandwidth() / 2} y={barTop - 6} textAnchor="middle" className="chart-value">
                {d.value}
              </text>
            ) : null}
            {i % every === 0 ? (
              <text x={left + x.bandwidth() / 2} y={height - bottom + 18} textAnchor="middle" className="chart-label small">
                {d.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
