/**
 * The standalone page (`npm run demo:web`): the same task pane as in Excel, on a
 * workbook opened from an .xlsx file, through the web host (ExcelJS). The
 * workbook is drawn as a grid on the left so highlights can be seen; “保存”
 * downloads the workbook with its highlights (and their record). Nothing is
 * uploaded: the file is read in the browser.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { ArrowDownload20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { App } from "../taskpane/components/App";
import type { WebHost } from "../host/web/WebHost";

/*
 * The workbook side (the web host, ExcelJS, the grid) is its own chunk, loaded
 * when a file is opened (and fetched in the background once the page is up):
 * the page and the pane render without waiting for ExcelJS.
 */
const loadWorkbookSide = () => import(/* webpackChunkName: "workbook", webpackPrefetch: true */ "./workbookSide");
const GridView = React.lazy(() => loadWorkbookSide().then((m) => ({ default: m.GridView })));

/** Set once, when the page (toolbar and pane) has first been rendered: what `npm run bench` times. */
export const FIRST_RENDER_MARK = "disclosure-checker:first-render";

const useStyles = makeStyles({
  root: { display: "flex", height: "100vh", fontFamily: tokens.fontFamilyBase },
  book: { flex: 1, minWidth: 0, display: "flex", flexDirection: "column", borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: "flex", gap: "8px", alignItems: "center", padding: "6px 8px", backgroundColor: "#217346", color: "#fff" },
  pane: { width: "340px", flexShrink: 0 },
  empty: { padding: "24px", display: "flex", flexDirection: "column", gap: "12px" },
});

function Demo() {
  const s = useStyles();
  const [host, setHost] = React.useState<WebHost | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [generation, setGeneration] = React.useState(0);
  const input = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    if (!performance.getEntriesByName(FIRST_RENDER_MARK).length) performance.mark(FIRST_RENDER_MARK);
  }, []);

  const open = async (data: ArrayBuffer, name: string) => {
    try {
      setError(null);
      const { WebHost } = await loadWorkbookSide();
      setHost(await WebHost.open(data, name));
      setGeneration((g) => g + 1);
      document.title = `${name} · 披露表校验助手`;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const save = async () => {
    if (!host) return;
    await host.saveFile(host.name.replace(/(\.xlsx)?$/i, ".xlsx"), await host.toXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  };
  const example = async () => {
    const res = await fetch("examples/anyang-2021-final.xlsx");
    await open(await res.arrayBuffer(), "anyang-2021-final.xlsx");
  };

  return (
    <div className={s.root}>
      <div className={s.book}>
        <div className={s.bar}>
          <Text weight="semibold" style={{ color: "#fff" }}>
            {host ? host.name : "网页演示"}
          </Text>
          <Button size="small" icon={<FolderOpen20Regular />} onClick={() => input.current?.click()} data-testid="open">
            打开 .xlsx
          </Button>
          <Button size="small" onClick={example} data-testid="open-example">
            打开示例
          </Button>
          <Button size="small" icon={<ArrowDownload20Regular />} onClick={save} disabled={!host} data-testid="save">
            保存
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,.xls,.xlsb,.et,.ods"
            style={{ display: "none" }}
            data-testid="file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) await open(await f.arrayBuffer(), f.name);
              e.target.value = "";
            }}
          />
        </div>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {host?.readWarning && (
          <MessageBar intent="warning" data-testid="read-warning">
            <MessageBarBody>{host.readWarning}</MessageBarBody>
          </MessageBar>
        )}
        {host ? (
          <React.Suspense fallback={null}>
            <GridView host={host} />
          </React.Suspense>
        ) : (
          <div className={s.empty}>
            <Text size={500}>披露表校验助手 · 网页演示</Text>
            <Text>打开一个部门预决算公开表的 .xlsx 文件（或点“打开示例”），右侧窗格与 Excel 中的加载项完全相同。文件只在本浏览器中读取，不会上传。</Text>
            <Caption1>在 Excel 中使用：见 README 的“Excel 加载项”一节。</Caption1>
          </div>
        )}
      </div>
      <div className={s.pane}>{host ? <App key={generation} host={host} platform="网页演示（ExcelJS）" /> : <div className={s.empty}><Text>请先打开工作簿。</Text></div>}</div>
    </div>
  );
}

createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={webLightTheme}>
    <Demo />
  </FluentProvider>,
);
