/**
 * 校验: read the workbook, run every rule, highlight the bad cells, list the
 * causes and findings (counts by severity, filter, search, grouped by table),
 * select cells on click, and show the findings of the cell the clerk selects in
 * the sheet.
 *
 * 采用建议值: for a cause whose relations determine the value, the clerk sees
 * old → new, confirms, and the one cell is written (the only way the add-in ever
 * changes a value); the edit is remembered so 撤销 restores the old value
 * exactly; both re-check at once. The host refuses a protected sheet, a formula
 * cell and a cell changed since the check, and the clerk is told why.
 */
import * as React from "react";
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, SearchBox, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndo20Regular, CheckmarkCircle20Regular, Eraser20Regular, ShieldCheckmark20Regular } from "@fluentui/react-icons";
import { AppliedValue, Host, HostError, throwIfCancelled } from "../../host/host";
import { Cause } from "../../core/report/cause";
import { shownOrBlank } from "../../core/report/apply";
import { involvedText } from "../../core/report/cause";
import { CheckResult, checkWorkbook } from "../../core/check";
import { Severity } from "../../core/report/finding";
import { CellRef } from "../../core/tables/types";
import { Filter, SEVERITY_LABEL, causeCount, cellIndex, cellLabel, groupFindings, visibleRows } from "../model";
import { TaskContext, tick, useTask } from "../useTask";
import { FindingList, SeverityIcon } from "./FindingList";

const useStyles = makeStyles({
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", flexShrink: 0 },
  summary: { display: "flex", gap: "4px", flexWrap: "wrap", alignItems: "center", flexShrink: 0 },
  search: { flexShrink: 0 },
  detail: { flexShrink: 0, maxHeight: "30vh", overflowY: "auto", border: `1px solid ${tokens.colorBrandStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px 8px", backgroundColor: tokens.colorBrandBackground2, display: "flex", flexDirection: "column", gap: "4px" },
  detailItem: { display: "flex", gap: "6px", alignItems: "flex-start" },
  list: { flex: 1, minHeight: "120px" },
  empty: { color: tokens.colorNeutralForeground3 },
  undo: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap", flexShrink: 0 },
});

/** An applied suggestion, for 撤销. */
interface Edit {
  applied: AppliedValue;
  where: string;
  from: string;
  to: string;
}

export interface CheckPanelProps {
  host: Host;
  task: ReturnType<typeof useTask>;
  result?: CheckResult;
  onResult: (r: CheckResult | undefined) => void;
}

export function CheckPanel({ host, task, result, onResult }: CheckPanelProps) {
  const s = useStyles();
  const [filter, setFilter] = React.useState<Filter>({ severities: new Set<Severity>(["error", "warning", "info"]), search: "" });
  const [selected, setSelected] = React.useState<CellRef | null>(null);
  const [highlighted, setHighlighted] = React.useState<number | null>(null);
  const [expanded, setExpanded] = React.useState<ReadonlySet<number>>(new Set());
  const [confirm, setConfirm] = React.useState<Cause | null>(null);
  const [edits, setEdits] = React.useState<Edit[]>([]);
  const groups = React.useMemo(() => (result ? groupFindings(result) : []), [result]);
  const rows = React.useMemo(() => visibleRows(groups, filter, expanded), [groups, filter, expanded]);
  const index = React.useMemo(() => cellIndex(result?.findings ?? []), [result]);
  React.useEffect(() => host.onSelection(setSelected), [host]);

  /** Reads, checks, highlights; `after` is said when there is nothing else to say. */
  const runCheck = async (t: TaskContext, after?: string) => {
    const wb = await host.readWorkbook(t);
    t.onProgress({ stage: "check", message: `正在校验 ${wb.sheets.length} 张工作表……` });
    await tick();
    const r = checkWorkbook(wb);
    throwIfCancelled(t.signal);
    onResult(r);
    setExpanded(new Set());
    setHighlighted(null);
    const bad = r.summary.error + r.summary.warning;
    if (bad) {
      t.onProgress({ stage: "highlight", message: `正在标记 ${bad} 条问题涉及的单元格……` });
      try {
        const h = await host.highlight(r.findings, t);
        setHighlighted(h.cells);
      } catch (e) {
        // The results stay listed; the clerk is told why the cells are not coloured.
        if (e instanceof HostError && e.code !== "cancelled") {
          task.notify({ intent: "warning", title: "已列出问题，但未能标记单元格", text: e.message });
          return;
        }
        throw e;
      }
    } else if (await host.hasHighlights()) await host.clearHighlights(t);
    task.notify(
      r.tables.length === 0
        ? { intent: "warning", title: "没有识别到公开表", text: "工作簿中没有找到部门预决算公开表或绩效表。请确认表格标题（如“收入支出决算总表”）在表格上方。" }
        : bad === 0
          ? { intent: "success", text: `${after ? after + " " : ""}识别到 ${r.tables.length} 张表，没有发现错误或警告。` }
          : after
            ? { intent: "success", text: after }
            : undefined,
    );
  };

  const check = () =>
    task.run("正在读取工作簿……", (t) => runCheck(t));

  const apply = (c: Cause) =>
    task.run("正在写入建议值……", async (t) => {
      const sug = c.suggested!;
      const ref = c.cells[0];
      const applied = await host.applyValue(ref, sug.plain, sug.currentPlain);
      const edit: Edit = { applied, where: cellLabel(ref), from: shownOrBlank(applied.before.text), to: sug.shown };
      setEdits((es) => [...es, edit]);
      t.onProgress({ stage: "check", message: "已写入，正在重新校验……" });
      await runCheck(t, `已将 ${edit.where} 由 ${edit.from} 改为 ${edit.to}，并重新校验。`);
    });

  const undo = () =>
    task.run("正在撤销……", async (t) => {
      const last = edits[edits.length - 1];
      if (!last) return;
      await host.undoValue(last.applied);
      setEdits((es) => es.slice(0, -1));
      t.onProgress({ stage: "check", message: "已撤销，正在重新校验……" });
      await runCheck(t, `已撤销：${last.where} 恢复为 ${last.from}，并重新校验。`);
    });

  const toggleCause = (c: Cause) =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(c.id)) next.delete(c.id);
      else next.add(c.id);
      return next;
    });

  const clear = () =>
    task.run("正在还原单元格颜色……", async (t) => {
      const n = await host.clearHighlights(t);
      setHighlighted(null);
      task.notify({ intent: "info", text: n ? `已清除标记，还原了 ${n} 个单元格原来的颜色。` : "工作簿中没有本助手做的标记。" });
    });

  const toggle = (sev: Severity) =>
    setFilter((f) => {
      const next = new Set(f.severities);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return { ...f, severities: next };
    });

  const select = (cells: CellRef[]) => task.run("正在定位单元格……", (t) => host.select(cells).then(() => throwIfCancelled(t.signal)));
  const here = selected ? index.get(cellLabel(selected)) : undefined;
  const lastEdit = edits[edits.length - 1];

  return (
    <>
      <div className={s.actions}>
        <Button appearance="primary" icon={<ShieldCheckmark20Regular />} onClick={check} disabled={task.state.running} data-testid="check">
          校验
        </Button>
        <Button icon={<Eraser20Regular />} onClick={clear} disabled={task.state.running} data-testid="clear">
          清除标记
        </Button>
      </div>
      {lastEdit && (
        <div className={s.undo} data-testid="undo-bar">
          <Caption1>
            已将 {lastEdit.where} 由 {lastEdit.from} 改为 {lastEdit.to}
          </Caption1>
          <Button size="small" icon={<ArrowUndo20Regular />} onClick={undo} disabled={task.state.running} data-testid="undo">
            撤销
          </Button>
        </div>
      )}
      {!result && (
        <Text className={s.empty}>
          点击“校验”检查当前工作簿：合计是否相符、表与表是否一致、情况说明中的数字是否与表格相同、绩效自评得分是否正确。有问题的单元格会标上颜色（红色为错误，黄色为警告），“清除标记”可恢复原样。
        </Text>
      )}
      {result && (
        <>
          <div className={s.summary} data-testid="summary">
            <Caption1>
              识别 {result.tables.length} 张表{highlighted !== null ? `，标记 ${highlighted} 格` : ""}：
            </Caption1>
            {(["error", "warning", "info"] as Severity[]).map((sev) => {
              // Errors and warnings count causes (what the clerk has to fix), with the findings they explain.
              const n = sev === "info" ? { causes: result.summary.info, findings: result.summary.info } : causeCount(result, sev);
              const more = sev === "info" ? "" : involvedText(result.causes, sev);
              return (
                <ToggleButton key={sev} size="small" shape="circular" checked={filter.severities.has(sev)} onClick={() => toggle(sev)} icon={<SeverityIcon severity={sev} />} data-testid={`count-${sev}`} aria-label={`${SEVERITY_LABEL[sev]} ${n.causes} 处${more}，点击切换显示`}>
                  {SEVERITY_LABEL[sev]} {n.causes} 处{more}
                </ToggleButton>
              );
            })}
          </div>
          <SearchBox className={s.search} size="small" placeholder="搜索问题、表名或单元格（如 C8）" value={filter.search} onChange={(_, d) => setFilter((f) => ({ ...f, search: d.value }))} aria-label="搜索问题" />
          {here && here.length > 0 && (
            <div className={s.detail} data-testid="cell-detail">
              <Caption1>
                所选单元格 <b>{cellLabel(selected!)}</b> 的问题：
              </Caption1>
              {here.map((f, i) => (
                <div key={i} className={s.detailItem}>
                  <SeverityIcon severity={f.severity} />
                  <Text size={200}>{f.message}</Text>
                </div>
              ))}
            </div>
          )}
          {selected && !here && result.findings.length > 0 && (
            <Caption1 className={s.empty}>
              <CheckmarkCircle20Regular style={{ verticalAlign: "middle" }} /> 所选单元格 {cellLabel(selected)} 没有问题。
            </Caption1>
          )}
          <div className={s.list}>
            {rows.length ? <FindingList rows={rows} actions={{ onSelect: select, onToggle: toggleCause, expanded, onApply: setConfirm, busy: task.state.running }} /> : <Text className={s.empty}>{result.findings.length ? "没有符合筛选条件的问题。" : "没有发现问题。"}</Text>}
          </div>
        </>
      )}
      <Dialog open={!!confirm} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          {confirm?.suggested && (
            <DialogBody>
              <DialogTitle>采用建议值？</DialogTitle>
              <DialogContent data-testid="apply-preview">
                <p>
                  {cellLabel(confirm.cells[0])}：{shownOrBlank(confirm.suggested.current)} → <b>{confirm.suggested.shown}</b>
                </p>
                <p>
                  只改这一个单元格。由此可消除 {confirm.findings.length} 处问题；写入后会重新校验，可以用“撤销”恢复原值。
                </p>
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  data-testid="apply-confirm"
                  onClick={() => {
                    const c = confirm;
                    setConfirm(null);
                    apply(c);
                  }}
                >
                  写入
                </Button>
                <Button data-testid="apply-cancel" onClick={() => setConfirm(null)}>
                  取消
                </Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </>
  );
}
