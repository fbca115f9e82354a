/** What the standalone page loads when a workbook is opened: the web host (ExcelJS) and the grid. */
export { WebHost } from "../host/web/WebHost";
export { GridView } from "./GridView";
