/**
 * Checking one workbook file for the command line: read, check, and everything
 * the output needs (JSON, text, the summary's department and tables), as plain
 * data that can cross a worker_threads boundary (structured clone).
 * Used in-process (one file, --jobs 1) and by the batch workers (./worker.ts).
 */
import * as path from "path";
import { checkWorkbook, resultToJson } from "../core/check";
import { formatText } from "../core/report/text";
import { norm } from "../core/recognize/normalize";
import { Table } from "../core/recognize/templates";
import { DEPT_PLACEHOLDER } from "../core/templates/final";
import { UnreadableWorkbookError } from "../host/xlsx/read";
import { readXlsxFile } from "../host/xlsx/node";
import { FileOutcome, FileTask, errorText, failedOutcome } from "./outcome";

export type { FileOutcome, FileTask } from "./outcome";
export { failedOutcome, unreadableJson } from "./outcome";

/**
 * The department the workbook is about, as the headers ("部门：…", "编制单位：…")
 * name it: the name most tables carry (the rule common.department-name reports
 * the others). The blank template's placeholder does not count.
 */
export function workbookDepartment(tables: Pick<Table, "department">[]): string | undefined {
  const counts = new Map<string, { n: number; shown: string }>();
  for (const t of tables) {
    const d = t.department?.trim();
    if (!d || d === DEPT_PLACEHOLDER) continue;
    const key = norm(d);
    if (key.length < 2) continue;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, shown: d });
  }
  let best: { n: number; shown: string } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.shown;
}

/** Reads and checks one file; never throws (a failure is an outcome). */
export async function checkFile(task: FileTask): Promise<FileOutcome> {
  let wb;
  try {
    wb = await readXlsxFile(task.file);
  } catch (e) {
    const msg = e instanceof UnreadableWorkbookError ? e.message : `${task.file}：无法读取（${errorText(e)}）`;
    return failedOutcome(task, "unreadable", msg);
  }
  try {
    const result = checkWorkbook(wb, { noInfo: !task.info });
    return {
      file: task.file,
      status: "ok",
      json: task.json ? resultToJson(task.file, result) : undefined,
      text: task.text ? formatText(path.basename(task.file), result, { color: task.color, info: task.info }) : undefined,
      department: workbookDepartment(result.tables),
      tables: result.tables.map((t) => (t.code ? `${t.code} ${t.name}` : t.name)),
      errors: result.summary.error > 0,
    };
  } catch (e) {
    return failedOutcome(task, "crash", `${task.file}：校验时出错（${errorText(e)}）`);
  }
}
