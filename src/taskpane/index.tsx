/**
 * Task-pane entry inside Excel: waits for Office.js, checks the Excel version,
 * and renders the pane on the Office.js host adapter.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { OfficeHost, officePlatform } from "../host/office/OfficeHost";

function Unsupported({ text }: { text: string }) {
  return (
    <div style={{ padding: 12 }}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>无法使用</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

const root = createRoot(document.getElementById("container")!);

Office.onReady((info) => {
  let body: React.ReactElement;
  if (info.host !== Office.HostType.Excel) body = <Unsupported text="披露表校验助手是 Excel 加载项，请在 Excel 中打开。" />;
  else if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) body = <Unsupported text="当前 Excel 版本过旧（需要 Excel 2019、Microsoft 365 或网页版 Excel）。" />;
  else body = <App host={new OfficeHost()} platform={officePlatform()} />;
  root.render(<FluentProvider theme={webLightTheme}>{body}</FluentProvider>);
});
