/**
 * ExcelJS's Workbook: the one value of ExcelJS that the .xlsx adapters use (types
 * come from the package itself). In Node the Workbook's own module is loaded, not
 * the package's entry, which also loads ExcelJS's streaming reader and writer
 * (unzipper, archiver): 175 ms of the 330 ms that `require("exceljs")` takes, paid
 * by every `disclosure-check` run and every batch worker. The streaming writer is
 * still loaded where it is used (cli/summary.ts). The browser build maps this
 * file to ./excel.browser.ts (webpack.config.js), ExcelJS's browser bundle.
 */
import type ExcelJS from "exceljs";

// eslint-disable-next-line @typescript-eslint/no-var-requires
export const Workbook: typeof ExcelJS.Workbook = require("exceljs/lib/doc/workbook");
