/**
 * 模板与图表: the 补充信息 sheet, blank official templates (each on a new sheet;
 * a name already taken gets a number, nothing is overwritten) and the charts
 * of the published documents (on the sheet “图表”, asking before replacing it).
 */
import * as React from "react";
import { Button, Caption1, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChartMultiple20Regular, TableAdd20Regular, TextBulletListSquare20Regular } from "@fluentui/react-icons";
import { Host, throwIfCancelled } from "../../host/host";
import { SUPPLEMENT_SHEET, supplementForWorkbook } from "../../core/narrative/supplement";
import { BlankTemplate } from "../../core/templates/final";
import { allTemplates } from "../../core/templates";
import { chartPlan } from "../../core/charts";
import { recognize } from "../../core/recognize/recognize";
import { tick, useTask } from "../useTask";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px", overflowY: "auto", minHeight: 0 },
  section: { display: "flex", flexDirection: "column", gap: "4px", paddingBottom: "8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  group: { display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const CHART_SHEET = "图表";

function freeName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  for (let k = 2; ; k++) if (!taken.has(`${name}(${k})`)) return `${name}(${k})`;
}

export function InsertPanel({ host, task }: { host: Host; task: ReturnType<typeof useTask> }) {
  const s = useStyles();
  const templates = React.useMemo(() => allTemplates(), []);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const [confirmCharts, setConfirmCharts] = React.useState(false);
  const [skipped, setSkipped] = React.useState<{ title: string; reason: string }[]>([]);

  const insertSupplement = () =>
    task.run("正在读取工作簿……", async (t) => {
      if ((await host.sheetNames()).includes(SUPPLEMENT_SHEET)) {
        await host.select([{ sheet: SUPPLEMENT_SHEET, row: 0, col: 0 }]);
        task.notify({ intent: "info", text: `工作簿中已有“${SUPPLEMENT_SHEET}”表，未作改动（已切换到该表）。` });
        return;
      }
      const wb = await host.readWorkbook(t);
      const { sheet, format, items } = supplementForWorkbook(wb);
      throwIfCancelled(t.signal);
      await host.writeSheet(sheet, { name: SUPPLEMENT_SHEET, replace: false, activate: true, ...format });
      task.notify({ intent: "success", text: `已插入“${SUPPLEMENT_SHEET}”表${items ? `（含公开05表 ${items} 个项级科目的年初预算行）` : ""}。填写 B 列数值和 C 列原因后，再生成情况说明。` });
    });

  const insertTemplates = () =>
    task.run("正在插入空白模板……", async (t) => {
      const list = templates.filter((x) => chosen.has(x.id));
      const taken = new Set(await host.sheetNames());
      const names: string[] = [];
      for (const [i, tpl] of list.entries()) {
        throwIfCancelled(t.signal);
        const name = freeName(tpl.name, taken);
        taken.add(name);
        t.onProgress({ stage: "write", message: `正在插入“${name}”（${i + 1}/${list.length}）……`, done: i, total: list.length });
        await host.writeSheet(tpl.sheet, { name, replace: false, activate: i === list.length - 1, ...tpl.format });
        names.push(name);
      }
      task.notify({ intent: "success", text: `已插入 ${names.length} 张空白表：${names.join("、")}。红字黄底处请填写。` });
    });

  const insertCharts = (replace: boolean) =>
    task.run("正在读取工作簿……", async (t) => {
      if (!replace && (await host.sheetNames()).includes(CHART_SHEET)) {
        setConfirmCharts(true);
        return;
      }
      const wb = await host.readWorkbook(t);
      await tick();
      const plan = chartPlan(wb, recognize(wb).tables);
      throwIfCancelled(t.signal);
      setSkipped(plan.skipped);
      if (!plan.charts.length) {
        task.notify({ intent: "warning", title: "没有可画的图表", text: plan.skipped.map((x) => `${x.title}：${x.reason}`).join(" ") });
        return;
      }
      t.onProgress({ stage: "write", message: `正在插入 ${plan.charts.length} 张图表……` });
      await host.addCharts(CHART_SHEET, plan.charts, t);
      task.notify({ intent: "success", text: `已在“${CHART_SHEET}”表插入 ${plan.charts.length} 张图表（${plan.charts.map((c) => c.title.replace(/^\d+年度/, "")).join("、")}）。图表数据链接到表中的单元格。` });
    });

  const groups: BlankTemplate["group"][] = ["决算", "绩效", "部门预算", "单位预算"];
  const groupLabel: Record<BlankTemplate["group"], string> = { 决算: "部门决算（公开01–09表）", 绩效: "绩效", 部门预算: "部门预算（上海2026版式）", 单位预算: "单位预算（上海2026版式）" };
  return (
    <div className={s.col}>
      <div className={s.section}>
        <Subtitle2>补充信息表</Subtitle2>
        <Text size={200}>填写表格里没有、情况说明需要的数字和原因（上年数、年初预算、“三公”批次人数、变动原因等）。</Text>
        <Button icon={<TextBulletListSquare20Regular />} onClick={insertSupplement} disabled={task.state.running} data-testid="insert-supplement">
          插入补充信息表
        </Button>
      </div>
      <div className={s.section}>
        <Subtitle2>空白模板</Subtitle2>
        {groups.map((g) => {
          const items = templates.filter((x) => x.group === g);
          if (!items.length) return null;
          const all = items.every((x) => chosen.has(x.id));
          return (
            <div key={g} className={s.group}>
              <Checkbox
                label={<b>{groupLabel[g]}</b>}
                checked={all ? true : items.some((x) => chosen.has(x.id)) ? "mixed" : false}
                onChange={() => setChosen((c) => new Set(all ? [...c].filter((id) => !items.some((x) => x.id === id)) : [...c, ...items.map((x) => x.id)]))}
              />
              {items.map((x) => (
                <Checkbox
                  key={x.id}
                  style={{ marginLeft: 16 }}
                  label={x.name === x.title ? x.title : `${x.name} ${x.title}`}
                  checked={chosen.has(x.id)}
                  onChange={(_, d) =>
                    setChosen((c) => {
                      const n = new Set(c);
                      if (d.checked) n.add(x.id);
                      else n.delete(x.id);
                      return n;
                    })
                  }
                  data-testid={`template-${x.id.replace(":", "-")}`}
                />
              ))}
            </div>
          );
        })}
        <Button icon={<TableAdd20Regular />} onClick={insertTemplates} disabled={task.state.running || chosen.size === 0} data-testid="insert-templates">
          插入所选模板{chosen.size ? `（${chosen.size}）` : ""}
        </Button>
      </div>
      <div className={s.section}>
        <Subtitle2>图表</Subtitle2>
        <Text size={200}>收入决算结构、支出决算结构、一般公共预算财政拨款支出结构（饼图），收支总计与上年对比（柱形图），“三公”经费支出结构。</Text>
        <Button icon={<ChartMultiple20Regular />} onClick={() => insertCharts(false)} disabled={task.state.running} data-testid="insert-charts">
          插入图表
        </Button>
        {skipped.map((x, i) => (
          <Caption1 key={i} className={s.muted}>
            未画“{x.title}”：{x.reason}
          </Caption1>
        ))}
      </div>
      <Dialog open={confirmCharts} onOpenChange={(_, d) => setConfirmCharts(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>替换“{CHART_SHEET}”表？</DialogTitle>
            <DialogContent>已有名为“{CHART_SHEET}”的工作表。重新插入会清空该表后再画图。</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmCharts(false);
                  insertCharts(true);
                }}
              >
                替换
              </Button>
              <Button onClick={() => setConfirmCharts(false)}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
