/**
 * 生成情况说明: drafts the 情况说明 from the tables and the 补充信息 sheet, writes
 * it into a sheet (asking before replacing one), lists what is left to fill in,
 * and offers the Word document.
 */
import * as React from "react";
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentText20Regular } from "@fluentui/react-icons";
import { Host, throwIfCancelled } from "../../host/host";
import type { GeneratedNarrative } from "../../core/narrative/generate";
import { NARRATIVE_SHEET, narrativeSheet } from "../../core/narrative/sheet";
import { recognize } from "../../core/recognize/recognize";
import { narrativeDocx } from "../../host/docx/narrative";
import { tick, useTask } from "../useTask";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px", overflowY: "auto" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "18px", color: tokens.colorNeutralForeground2 },
});

export function NarrativePanel({ host, task }: { host: Host; task: ReturnType<typeof useTask> }) {
  const s = useStyles();
  const [name, setName] = React.useState(NARRATIVE_SHEET);
  const [confirm, setConfirm] = React.useState(false);
  const [done, setDone] = React.useState<{ n: GeneratedNarrative; sheet: string; paragraphs: number } | null>(null);

  const generate = (replace: boolean) =>
    task.run("正在读取工作簿……", async (t) => {
      const sheetName = name.trim() || NARRATIVE_SHEET;
      if (!replace && (await host.sheetNames()).includes(sheetName)) {
        setConfirm(true);
        return;
      }
      const wb = await host.readWorkbook(t);
      t.onProgress({ stage: "check", message: "正在生成情况说明……" });
      await tick();
      const rec = recognize(wb);
      if (!rec.tables.some((x) => x.family === "final" || x.family === "budget")) {
        task.notify({ intent: "warning", title: "无法生成", text: "没有识别到部门决算公开表（公开01–09表）或部门预算公开表。情况说明按表中的数字生成，请先在工作簿中放入这些表（可在“模板与图表”中插入空白模板）。" });
        return;
      }
      // The drafting code (generate.ts, generateBudget.ts) is a chunk of its own, loaded on first use:
      // a pane that only checks does not download it.
      const { draftNarrative } = await import(/* webpackChunkName: "narrative-draft", webpackPrefetch: true */ "../../core/narrative/draft");
      const n = draftNarrative(wb);
      throwIfCancelled(t.signal);
      const { sheet, format } = narrativeSheet(n, sheetName);
      t.onProgress({ stage: "write", message: `正在写入工作表“${sheetName}”……` });
      await host.writeSheet(sheet, { name: sheetName, replace, activate: true, ...format });
      setDone({ n, sheet: sheetName, paragraphs: n.sections.reduce((k, x) => k + x.paragraphs.length, 0) });
      task.notify({ intent: "success", text: `已写入工作表“${sheetName}”${n.placeholders.length ? `，有 ${n.placeholders.length} 处待填写（标为红字黄底）` : ""}。` });
    });

  const download = () =>
    task.run("正在生成 Word 文档……", async () => {
      if (!done) return;
      await host.saveFile(`${done.n.title}.docx`, await narrativeDocx(done.n), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    });

  return (
    <div className={s.col}>
      <Text>
        按公开表中的数字和“补充信息”表中填写的上年数、原因等起草：决算工作簿生成决算情况说明（一至十三部分和名词解释），预算工作簿生成部门预算编制说明和其他相关情况说明。每个数字都来自表格；缺少的内容会留出【请填写……】，不会编造。
      </Text>
      <Field label="写入工作表">
        <Input value={name} onChange={(_, d) => setName(d.value)} data-testid="narrative-sheet" />
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" icon={<DocumentText20Regular />} onClick={() => generate(false)} disabled={task.state.running} data-testid="generate">
          生成情况说明
        </Button>
        <Button icon={<ArrowDownload20Regular />} onClick={download} disabled={!done || task.state.running} data-testid="docx">
          下载 Word
        </Button>
      </div>
      {done && (
        <>
          <Caption1 data-testid="narrative-done">
            “{done.sheet}”：{done.n.sections.length} 部分、{done.paragraphs} 段{done.n.placeholders.length ? `；待填写 ${done.n.placeholders.length} 处：` : "。"}
          </Caption1>
          {done.n.placeholders.length > 0 && (
            <ul className={s.list}>
              {done.n.placeholders.slice(0, 30).map((p, i) => (
                <li key={i}>
                  <Caption1>
                    {p.section}：{p.text}
                  </Caption1>
                </li>
              ))}
              {done.n.placeholders.length > 30 && <Caption1>……共 {done.n.placeholders.length} 处</Caption1>}
            </ul>
          )}
          {done.n.notes.map((x, i) => (
            <Caption1 key={i}>{x}</Caption1>
          ))}
        </>
      )}
      <Dialog open={confirm} onOpenChange={(_, d) => setConfirm(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>覆盖工作表？</DialogTitle>
            <DialogContent>已有名为“{name}”的工作表。覆盖后其中的内容会被生成稿替换；也可以取消后换一个工作表名称。</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="overwrite"
                onClick={() => {
                  setConfirm(false);
                  generate(true);
                }}
              >
                覆盖
              </Button>
              <Button onClick={() => setConfirm(false)}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
