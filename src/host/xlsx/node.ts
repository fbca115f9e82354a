/** Node-only helpers of the .xlsx host: read a workbook from a path. */
import { promises as fs } from "fs";
import * as path from "path";
import { WorkbookSnapshot } from "../../core/grid/snapshot";
import { UnreadableWorkbookError, readXlsxBuffer } from "./read";

export async function readXlsxFile(file: string): Promise<WorkbookSnapshot> {
  let data: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new UnreadableWorkbookError(`${file}：这是一个文件夹，不是 .xlsx 文件`);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : (e as Error).message;
    throw new UnreadableWorkbookError(`${file}：${why}`);
  }
  return readXlsxBuffer(data, path.basename(file));
}
