/**
 * What became of every sheet: no sheet is skipped silently. Each ends as one of
 * - "template": holds recognised official tables (their names);
 * - "generic": holds tables that match no template, checked by their structure
 *   ("按通用规则校验", tables/generic.ts);
 * - "narrative": a 情况说明, checked by the narrative rules;
 * - "supplement": the 补充信息 sheet the narrative is checked against;
 * - "unchecked": with the reason (empty, only text, figures without a table's
 *   header, a table that could not be read, a cover or contents page, a chart
 *   sheet).
 */
import { WorkbookSnapshot } from "../grid/snapshot";
import { Recognition } from "../recognize/recognize";

export type SheetStatusKind = "template" | "generic" | "narrative" | "supplement" | "unchecked";

export interface SheetStatus {
  sheet: string;
  status: SheetStatusKind;
  /** The tables' names, or the reason the sheet was not checked. */
  detail: string;
}

export const SHEET_STATUS_ZH: Record<SheetStatusKind, string> = {
  template: "公开表",
  generic: "按通用规则校验",
  narrative: "情况说明（按文字规则校验）",
  supplement: "补充信息",
  unchecked: "未校验",
};

function hasFigures(sheet: WorkbookSnapshot["sheets"][number]): boolean {
  for (const row of sheet.rows.values()) for (const c of row.values()) if (typeof c.value === "number") return true;
  return false;
}

export function sheetStatuses(wb: WorkbookSnapshot, rec: Recognition): SheetStatus[] {
  const { tables, failures } = rec;
  const narratives = new Set(rec.narratives);
  return wb.sheets.map((s) => {
    const ts = tables.filter((t) => t.sheet === s.name);
    const templ = ts.filter((t) => t.kind !== "generic");
    const gen = ts.filter((t) => t.kind === "generic");
    if (templ.length) {
      const names = templ.map((t) => `${t.code ? `${t.code} ${t.name}` : t.name}${t.byHeader ? "（无标题，按表头识别）" : ""}`).join("、");
      return { sheet: s.name, status: "template", detail: gen.length ? `${names}；另有 ${gen.length} 张按通用规则校验` : names };
    }
    if (gen.length) return { sheet: s.name, status: "generic", detail: gen.map((t) => t.name).join("、") };
    if (s.name === rec.supplement) return { sheet: s.name, status: "supplement", detail: "情况说明中的数字据此核对" };
    if (narratives.has(s.name)) return { sheet: s.name, status: "narrative", detail: "逐段核对数字、相互关系和用语" };
    const failed = failures.filter((f) => f.ctx.sheet.name === s.name);
    let reason: string;
    if (failed.length) reason = `找到表格标题“${failed[0].template.name}”，但表格无法读取：${failed[0].reason}`;
    else if (s.noCells === "chart") reason = "图表工作表（整张是一个图表，没有单元格），无法按表格校验";
    else if (s.noCells === "other") reason = "对话框表或宏表（旧版 Excel 的工作表类型，没有可读的单元格），无法按表格校验";
    else if (!s.bounds || s.rows.size === 0) reason = "空工作表";
    else if (/^(封面|目录|目\s*录)$/.test(s.name.trim())) reason = "封面或目录";
    else if (!hasFigures(s)) reason = "只有文字，没有可核对的数字";
    else reason = "有数字，但没有可识别的表头（或少于 3 行、2 列数字），无法按表格校验";
    if (s.truncated) reason += `；工作表过大，只读取到第 ${s.truncated.atRow} 行`;
    return { sheet: s.name, status: "unchecked", detail: reason };
  });
}
