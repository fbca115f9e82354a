/**
 * The generated 情况说明 as a worksheet: one paragraph per row in column A,
 * wrapped; the title and section headings bold; every row holding a placeholder
 * 【请填写……】 marked (red on yellow) so the clerk sees what is left to fill in.
 * Below the text, the list of placeholders and the remarks on sources.
 */
import { SheetFormat, buildSheet } from "../grid/build";
import { SheetSnapshot } from "../grid/snapshot";
import type { GeneratedNarrative } from "./generate";

export const NARRATIVE_SHEET = "情况说明（生成稿）";

export function narrativeSheet(n: GeneratedNarrative, name = NARRATIVE_SHEET): { sheet: SheetSnapshot; format: SheetFormat } {
  const rows: string[][] = [[n.title]];
  const bold = [0];
  const mark: number[] = [];
  for (const s of n.sections) {
    if (s.id !== "title") {
      bold.push(rows.length);
      rows.push([s.title]);
    }
    for (const p of s.paragraphs) {
      if (p.spans.some((x) => x.placeholder)) mark.push(rows.length);
      rows.push([p.text]);
    }
  }
  if (n.placeholders.length) {
    rows.push([]);
    bold.push(rows.length);
    rows.push([`待填写（${n.placeholders.length} 处，可在“补充信息”表填写后重新生成）：`]);
    for (const p of n.placeholders) rows.push([`· ${p.section}：${p.text}`]);
  }
  if (n.notes.length) {
    rows.push([]);
    bold.push(rows.length);
    rows.push(["数据来源说明："]);
    for (const x of n.notes) rows.push([`· ${x}`]);
  }
  return { sheet: buildSheet({ name, rows }), format: { columnWidths: [90], wrapColumns: [0], boldRows: bold, markRows: mark } };
}
