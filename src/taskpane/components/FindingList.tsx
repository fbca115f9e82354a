/**
 * The findings list, virtualised (@tanstack/react-virtual): only the rows in
 * view are in the DOM, so 5,000 findings scroll as smoothly as 50. Rows have
 * different heights (messages wrap at the pane's width) and are measured.
 * A group header names the table; a finding shows its severity, message, the
 * expected and actual values when the rule gives them, and its cells as links
 * that select them in the workbook. A cause card (one mistake that breaks
 * several relations) shows the cell and the value it should hold, how many
 * problems it explains (folded beneath it, 展开 shows them) and, when the
 * relations determine the value, the 采用建议值 button.
 */
import * as React from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Button, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { Cause } from "../../core/report/cause";
import { Finding, Severity } from "../../core/report/finding";
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
  nested: { paddingLeft: "24px", backgroundColor: tokens.colorNeutralBackground2 },
  cause: { fontWeight: tokens.fontWeightSemibold },
  causeActions: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

export interface ListActions {
  onSelect: (cells: CellRef[]) => void;
  /** Fold or unfold a cause's findings. */
  onToggle: (cause: Cause) => void;
  expanded: ReadonlySet<number>;
  /** 采用建议值 for a cause with a determined value. */
  onApply?: (cause: Cause) => void;
  busy?: boolean;
}

function CellLinks({ cells, onSelect }: { cells: CellRef[]; onSelect: (cells: CellRef[]) => void }) {
  const s = useStyles();
  if (!cells.length) return null;
  return (
    <div className={s.cells}>
      {cells.slice(0, 8).map((c, k) => (
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
      {cells.length > 8 && <Caption1>等 {cells.length} 格</Caption1>}
    </div>
  );
}

const activate = (f: () => void) => ({
  onClick: f,
  onKeyDown: (e: React.KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      f();
    }
  },
});

function FindingRow({ finding, nested, onSelect }: { finding: Finding; nested?: boolean; onSelect: (cells: CellRef[]) => void }) {
  const s = useStyles();
  return (
    <div className={nested ? `${s.item} ${s.nested}` : s.item} role="listitem" tabIndex={0} data-testid="finding" data-severity={finding.severity} data-rule={finding.rule} data-nested={nested ? "true" : undefined} {...activate(() => onSelect(finding.cells))}>
      <span className={s.icon}>
        <SeverityIcon severity={finding.severity} />
      </span>
      <div className={s.text}>
        <Text size={200}>{finding.message}</Text>
        {finding.expected !== undefined && finding.actual !== undefined && (
          <Caption1 className={s.values}>
            应为 {finding.expected}，实为 {finding.actual}
          </Caption1>
        )}
        <CellLinks cells={finding.cells} onSelect={onSelect} />
      </div>
    </div>
  );
}

function CauseCard({ cause, actions }: { cause: Cause; actions: ListActions }) {
  const s = useStyles();
  const open = actions.expanded.has(cause.id);
  const n = cause.findings.length;
  const sug = cause.suggested;
  return (
    <div className={s.item} role="listitem" tabIndex={0} data-testid="cause" data-cause={cause.id} data-severity={cause.severity} aria-expanded={n > 1 ? open : undefined} {...activate(() => actions.onSelect(cause.cells))}>
      <span className={s.icon}>
        <SeverityIcon severity={cause.severity} />
      </span>
      <div className={s.text}>
        <Text size={200} className={s.cause} data-testid="cause-title">
          {cause.title}
        </Text>
        {sug?.range && (
          <Caption1 className={s.values}>
            考虑尾差，{sug.range.low} 至 {sug.range.high} 之间的数都能使各项关系成立；建议值使各处显示数完全相符。
          </Caption1>
        )}
        {n === 1 && <Text size={200}>{cause.findings[0].message}</Text>}
        <div className={s.causeActions}>
          {n > 1 && (
            <Link
              as="button"
              data-testid="cause-toggle"
              onClick={(e) => {
                e.stopPropagation();
                actions.onToggle(cause);
              }}
            >
              {open ? <ChevronDown16Regular /> : <ChevronRight16Regular />} 由此有 {n} 处问题{open ? "（收起）" : "（展开）"}
            </Link>
          )}
          {sug && actions.onApply && (
            <Button
              size="small"
              appearance="primary"
              data-testid="apply"
              disabled={actions.busy}
              onClick={(e) => {
                e.stopPropagation();
                actions.onApply!(cause);
              }}
            >
              采用建议值
            </Button>
          )}
        </div>
        <CellLinks cells={cause.cells} onSelect={actions.onSelect} />
      </div>
    </div>
  );
}

export function SeverityIcon({ severity }: { severity: Severity }) {
  const label = SEVERITY_LABEL[severity];
  if (severity === "error") return <ErrorCircle16Filled aria-label={label} style={{ color: tokens.colorPaletteRedForeground1, flexShrink: 0 }} />;
  if (severity === "warning") return <Warning16Filled aria-label={label} style={{ color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 }} />;
  return <Info16Filled aria-label={label} style={{ color: tokens.colorNeutralForeground3, flexShrink: 0 }} />;
}

export function FindingList({ rows, actions }: { rows: Row[]; actions: ListActions }) {
  const s = useStyles();
  const parent = React.useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => (rows[i].kind === "group" ? 32 : 72),
    overscan: 8,
    getItemKey: (i) => {
      const r = rows[i];
      return r.kind === "group" ? `g:${r.group.key}` : r.kind === "cause" ? `c:${r.cause.id}` : `f:${r.group.key}:${r.cause?.id ?? ""}:${i}`;
    },
  });
  // Back to the top when the list itself changes (new result, filter), not when a cause unfolds.
  const firstKey = rows.length ? (rows[0].kind === "group" ? rows[0].group.key : "") : "";
  const shape = `${rows.filter((r) => r.kind !== "finding" || !r.nested).length}:${firstKey}`;
  React.useEffect(() => {
    v.scrollToOffset(0);
  }, [shape, v]);
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
              ) : r.kind === "cause" ? (
                <CauseCard cause={r.cause} actions={actions} />
              ) : (
                <FindingRow finding={r.finding} nested={r.nested} onSelect={actions.onSelect} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
