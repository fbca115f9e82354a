/**
 * The workbook of the standalone page, drawn as a grid: sheet tabs, cells with
 * their displayed text, fills (so highlights are visible), merged cells, the
 * selection. Clicking a cell tells the pane (like selecting a cell in Excel).
 * Large sheets show their first 1,000 rows and 60 columns.
 */
import * as React from "react";
import { makeStyles, tokens, Tab, TabList, Caption1 } from "@fluentui/react-components";
import { WebHost, RECORD_SHEET } from "../host/web/WebHost";
import { worksheetToSnapshot } from "../host/xlsx/read";
import { a1, colName } from "../core/grid/address";
import { MiniChart } from "./MiniChart";

const MAX_ROWS = 1000;
const MAX_COLS = 60;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, flex: 1, minHeight: 0 },
  tabs: { overflowX: "auto", overflowY: "hidden", flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  sheetArea: { display: "flex", alignItems: "flex-start", gap: "16px" },
  scroller: { flex: 1, overflow: "auto", backgroundColor: "#fff", position: "relative" },
  table: { borderCollapse: "collapse", fontSize: "12px", tableLayout: "fixed" },
  th: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: "normal", border: "1px solid #d0d0d0", padding: "0 4px", position: "sticky", top: 0, zIndex: 1 },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, border: "1px solid #d0d0d0", textAlign: "right", padding: "0 4px", position: "sticky", left: 0 },
  td: { border: "1px solid #e0e0e0", padding: "1px 4px", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", maxWidth: "320px", height: "20px", cursor: "cell" },
  selected: { outline: "2px solid #217346", outlineOffset: "-2px" },
  charts: { display: "flex", flexDirection: "column", gap: "16px", padding: "12px 0" },
  wrap: { whiteSpace: "normal", maxWidth: "640px" },
});

export function GridView({ host }: { host: WebHost }) {
  const s = useStyles();
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  const ws = host.wb.getWorksheet(host.active);
  // Every change of the workbook (a value written by 采用建议值, a sheet written) redraws it.
  const snap = React.useMemo(() => (ws ? worksheetToSnapshot(ws) : undefined), [ws, host.wb, host.active, host.selection, version]);
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  const sel = new Set(host.selection.filter((c) => c.sheet === host.active).map((c) => a1(c.row, c.col)));
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [host.active, host.selection]);

  const sheets = host.visibleSheets();
  if (!ws || !snap) return null;
  const rows = Math.min(Math.max((snap.bounds?.bottom ?? 0) + 2, 20), MAX_ROWS);
  const cols = Math.min(Math.max((snap.bounds?.right ?? 0) + 2, 8), MAX_COLS);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of snap.merges) {
    spans.set(a1(m.top, m.left), { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(a1(r, c));
  }
  let firstSelected = true;
  const charts = host.charts.get(host.active) ?? [];
  return (
    <div className={s.root}>
      <div className={s.tabs}>
      <TabList size="small" selectedValue={host.active} onTabSelect={(_, d) => host.activate(String(d.value))} data-testid="sheet-tabs">
        {sheets.filter((w) => w.name !== RECORD_SHEET).map((w) => (
          <Tab key={w.name} value={w.name} data-sheet={w.name}>
            {w.name}
          </Tab>
        ))}
      </TabList>
      </div>
      <div className={s.scroller} data-testid="grid" data-sheet={host.active}>
        <div className={s.sheetArea}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} style={{ width: 36 }} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={s.th} style={{ width: Math.min(ws.getColumn(c + 1).alignment?.wrapText ? 640 : 320, Math.max(48, (ws.getColumn(c + 1).width ?? 9) * 7)) }}>
                  {colName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <td className={s.rowHead}>{r + 1}</td>
                {Array.from({ length: cols }, (_, c) => {
                  const addr = a1(r, c);
                  if (covered.has(addr)) return null;
                  const cell = snap.rows.get(r)?.get(c);
                  const fill = host.fillOf(host.active, addr);
                  const isSel = sel.has(addr);
                  const ref = isSel && firstSelected ? selectedRef : undefined;
                  if (isSel) firstSelected = false;
                  const numeric = typeof cell?.value === "number";
                  const wrap = !!ws.getColumn(c + 1).alignment?.wrapText;
                  return (
                    <td
                      key={c}
                      ref={ref}
                      {...spans.get(addr)}
                      className={`${s.td} ${wrap ? s.wrap : ""} ${isSel ? s.selected : ""}`}
                      style={{ backgroundColor: fill ?? undefined, textAlign: numeric ? "right" : undefined }}
                      data-cell={addr}
                      data-fill={fill ?? ""}
                      title={cell?.text}
                      onClick={() => host.userSelect({ sheet: host.active, row: r, col: c })}
                    >
                      {cell?.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {/* Charts next to their data, as Excel places them. */}
        {charts.length > 0 && (
          <div className={s.charts} data-testid="charts">
            {charts.map((c, i) => (
              <MiniChart key={i} spec={c} />
            ))}
          </div>
        )}
        </div>
        {(snap.bounds?.bottom ?? 0) >= MAX_ROWS && <Caption1>（网页演示只显示前 {MAX_ROWS} 行）</Caption1>}
      </div>
    </div>
  );
}
