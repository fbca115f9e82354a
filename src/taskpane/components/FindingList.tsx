/**
 * The findings list, virtualised (@tanstack/react-virtual): only the rows in
 * view are in the DOM, so 5,000 findings scroll as smoothly as 50. Rows have
 * different heights (messages wrap at the pane's width) and are measured.
 * A group header names the table; a finding shows its severity, message, the
 * expected and actual values when the rule gives them, and its cells as links
 * that select them in the workbook.
 */
import * as React from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { Severity } from "../../core/report/finding";
import { CellRef } from "../../core/tables/types";
import { Row, SEVERITY_LABEL, cellLabel } from "../model";

const useStyles = makeStyles({
  scroller: { height: "100%", overflowY: "auto", contain: "strict" },
  group: { padding: "8px 2px 4px 2px", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  item: {
    display: "flex",
    gap: "6px",
    padding: "6px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, wordBreak: "break-word" },
  cells: { display: "flex", flexWrap: "wrap", gap: "2px 8px" },
  values: { color: tokens.colorNeutralForeground2 },
  icon: { flexShrink: 0, marginTop: "2px" },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const label = SEVERITY_LABEL[severity];
  if (severity === "error") return <ErrorCircle16Filled aria-label={label} style={{ color: tokens.colorPaletteRedForeground1, flexShrink: 0 }} />;
  if (severity === "warning") return <Warning16Filled aria-label={label} style={{ color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 }} />;
  return <Info16Filled aria-label={label} style={{ color: tokens.colorNeutralForeground3, flexShrink: 0 }} />;
}

export function FindingList({ rows, onSelect }: { rows: Row[]; onSelect: (cells: CellRef[]) => void }) {
  const s = useStyles();
  const parent = React.useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => (rows[i].kind === "group" ? 32 : 72),
    overscan: 8,
    getItemKey: (i) => {
      const r = rows[i];
      return r.kind === "group" ? `g:${r.group.key}` : `f:${r.group.key}:${i}`;
    },
  });
  React.useEffect(() => {
    v.scrollToOffset(0);
  }, [rows, v]);
  return (
    <div ref={parent} className={s.scroller} data-testid="findings" role="list" aria-label="问题列表">
      <div style={{ height: v.getTotalSize(), position: "relative", width: "100%" }}>
        {v.getVirtualItems().map((item) => {
          const r = rows[item.index];
          return (
            <div key={item.key} data-index={item.index} ref={v.measureElement} style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}>
              {r.kind === "group" ? (
                <div className={s.group} data-testid="group">
                  {r.group.title}
                  <Caption1> （{[r.group.counts.error && `错误 ${r.group.counts.error}`, r.group.counts.warning && `警告 ${r.group.counts.warning}`, r.group.counts.info && `提示 ${r.group.counts.info}`].filter(Boolean).join("，")}）</Caption1>
                </div>
              ) : (
                <div
                  className={s.item}
                  role="listitem"
                  tabIndex={0}
                  data-testid="finding"
                  data-severity={r.finding.severity}
                  data-rule={r.finding.rule}
                  onClick={() => onSelect(r.finding.cells)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      onSelect(r.finding.cells);
                    }
                  }}
                >
                  <span className={s.icon}>
                    <SeverityIcon severity={r.finding.severity} />
                  </span>
                  <div className={s.text}>
                    <Text size={200}>{r.finding.message}</Text>
                    {r.finding.expected !== undefined && r.finding.actual !== undefined && (
                      <Caption1 className={s.values}>
                        应为 {r.finding.expected}，实为 {r.finding.actual}
                      </Caption1>
                    )}
                    {r.finding.cells.length > 0 && (
                      <div className={s.cells}>
                        {r.finding.cells.slice(0, 8).map((c, k) => (
                          <Link
                            key={k}
                            as="button"
                            onClick={(e) => {
                              e.stopPropagation();
                              onSelect([c]);
                            }}
                            data-testid="cell-link"
                          >
                            {cellLabel(c)}
                          </Link>
                        ))}
                        {r.finding.cells.length > 8 && <Caption1>等 {r.finding.cells.length} 格</Caption1>}
                      </div>
                    )}
                  </div>
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
