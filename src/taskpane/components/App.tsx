/**
 * The task pane: 校验 (check, highlight, findings), 情况说明 (draft the narrative
 * into a sheet, .docx download), 模板与图表 (补充信息 sheet, blank templates,
 * charts). Works on any Host: Excel (Office.js) or the standalone page.
 * Layout for the pane's default width of 320–350 px: one column, buttons with
 * short Chinese labels, the list takes the remaining height.
 */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { Host } from "../../host/host";
import { CheckResult } from "../../core/check";
import { useTask } from "../useTask";
import { CheckPanel } from "./CheckPanel";
import { NarrativePanel } from "./NarrativePanel";
import { InsertPanel } from "./InsertPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh", boxSizing: "border-box", minWidth: "280px", backgroundColor: tokens.colorNeutralBackground1 },
  header: { padding: "8px 12px 0 12px" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "0 0 4px 0" },
  body: { flex: 1, minHeight: 0, display: "flex", flexDirection: "column", padding: "8px 12px", gap: "8px" },
  progress: { display: "flex", flexDirection: "column", gap: "4px", flexShrink: 0 },
  notice: { flexShrink: 0 },
  progressRow: { display: "flex", alignItems: "center", gap: "8px", justifyContent: "space-between" },
  footer: { padding: "4px 12px 8px 12px", color: tokens.colorNeutralForeground3, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface AppProps {
  host: Host;
  /** Shown in the footer ("Excel Win32 16.0…", "网页演示"). */
  platform?: string;
}

type TabId = "check" | "narrative" | "insert";

export function App({ host, platform }: AppProps) {
  const s = useStyles();
  const task = useTask();
  const [tab, setTab] = React.useState<TabId>("check");
  const [result, setResult] = React.useState<CheckResult | undefined>();
  const { running, progress, notice } = task.state;
  return (
    <div className={s.root} data-testid="pane">
      <div className={s.header}>
        <h1 className={s.title}>披露表校验助手</h1>
        <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
          <Tab value="check" data-testid="tab-check">
            校验
          </Tab>
          <Tab value="narrative" data-testid="tab-narrative">
            情况说明
          </Tab>
          <Tab value="insert" data-testid="tab-insert">
            模板与图表
          </Tab>
        </TabList>
      </div>
      <div className={s.body}>
        {running && progress && (
          <div className={s.progress} role="status" aria-live="polite" data-testid="progress">
            <div className={s.progressRow}>
              <Caption1>{progress.message}</Caption1>
              <Button size="small" onClick={task.cancel}>
                取消
              </Button>
            </div>
            <ProgressBar value={progress.total ? (progress.done ?? 0) / progress.total : undefined} />
          </div>
        )}
        {notice && (
          <MessageBar className={s.notice} intent={notice.intent} layout="multiline" data-testid="notice">
            <MessageBarBody>
              {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
              {notice.text}
            </MessageBarBody>
            <MessageBarActions containerAction={<Button aria-label="关闭" appearance="transparent" icon={<Dismiss20Regular />} onClick={() => task.notify(undefined)} />} />
          </MessageBar>
        )}
        {tab === "check" && <CheckPanel host={host} task={task} result={result} onResult={setResult} />}
        {tab === "narrative" && <NarrativePanel host={host} task={task} />}
        {tab === "insert" && <InsertPanel host={host} task={task} />}
      </div>
      <div className={s.footer}>
        <Caption1>数据只在本机处理，不上传。{platform ? ` · ${platform}` : ""}</Caption1>
      </div>
    </div>
  );
}
