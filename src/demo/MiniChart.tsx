/**
 * The standalone page's stand-in for Excel charts (ExcelJS cannot write them):
 * the same chart specs drawn as small SVG pies and column charts.
 */
import * as React from "react";
import { ChartSpec } from "../core/charts";

const COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E"];

export function MiniChart({ spec }: { spec: ChartSpec }) {
  const w = 300;
  const h = 220;
  const values = spec.points.map((p) => p.values.map((v) => Number(v.value)));
  let body: React.ReactNode;
  if (spec.kind === "pie") {
    const total = values.reduce((a, v) => a + Math.max(0, v[0]), 0) || 1;
    let angle = -Math.PI / 2;
    body = values.map((v, i) => {
      const frac = Math.max(0, v[0]) / total;
      const a2 = angle + frac * 2 * Math.PI;
      const [cx, cy, r] = [90, 110, 80];
      const large = a2 - angle > Math.PI ? 1 : 0;
      const d =
        frac >= 0.9999
          ? `M ${cx} ${cy - r} A ${r} ${r} 0 1 1 ${cx - 0.01} ${cy - r} Z`
          : `M ${cx} ${cy} L ${cx + r * Math.cos(angle)} ${cy + r * Math.sin(angle)} A ${r} ${r} 0 ${large} 1 ${cx + r * Math.cos(a2)} ${cy + r * Math.sin(a2)} Z`;
      angle = a2;
      return (
        <g key={i}>
          <path d={d} fill={COLORS[i % COLORS.length]} stroke="#fff" />
          <rect x={185} y={30 + i * 18} width={10} height={10} fill={COLORS[i % COLORS.length]} />
          <text x={199} y={39 + i * 18} fontSize={10}>
            {spec.points[i].label.slice(0, 8)} {(frac * 100).toFixed(1)}%
          </text>
        </g>
      );
    });
  } else {
    const max = Math.max(1, ...values.flat());
    const groupW = (w - 40) / spec.points.length;
    const barW = groupW / (spec.series.length + 1);
    body = (
      <>
        {spec.points.map((p, i) =>
          p.values.map((v, j) => {
            const bh = (Number(v.value) / max) * (h - 70);
            return <rect key={`${i}-${j}`} x={30 + i * groupW + j * barW + barW / 2} y={h - 40 - bh} width={barW - 2} height={bh} fill={COLORS[j % COLORS.length]} />;
          }),
        )}
        {spec.points.map((p, i) => (
          <text key={i} x={30 + i * groupW + groupW / 2} y={h - 26} fontSize={10} textAnchor="middle">
            {p.label}
          </text>
        ))}
        {spec.series.map((name, j) => (
          <g key={j}>
            <rect x={40 + j * 60} y={h - 16} width={10} height={10} fill={COLORS[j % COLORS.length]} />
            <text x={54 + j * 60} y={h - 7} fontSize={10}>
              {name}
            </text>
          </g>
        ))}
      </>
    );
  }
  return (
    <figure style={{ margin: 0, border: "1px solid #ddd", background: "#fff" }} data-testid="chart">
      <figcaption style={{ fontSize: 12, fontWeight: 600, padding: "4px 8px" }}>{spec.title}</figcaption>
      <svg width={w} height={h} role="img" aria-label={spec.title}>
        {body}
      </svg>
    </figure>
  );
}
