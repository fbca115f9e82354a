/** ./excel.ts in the browser build: the Workbook of ExcelJS's browser bundle (webpack.config.js maps one to the other). */
import ExcelJS from "exceljs";

export const Workbook: typeof ExcelJS.Workbook = ExcelJS.Workbook;
