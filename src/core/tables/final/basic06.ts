/**
 * 公开06表 一般公共预算财政拨款基本支出决算表: economic-classification items laid
 * out in (科目编码, 科目名称, 决算数) blocks side by side, with footers
 * 人员经费合计 and 公用经费合计. Some provinces instead publish one coded block
 * with 合计 / 人员经费 / 公用经费 columns; both read into the same model.
 */
import { PERSONNEL_CLASSES } from "../../codes/economic";
import { norm } from "../../recognize/normalize";
import { ParseFailure, TemplateInfo, amountCell, collectNotes, createBase, failure } from "../base";
import { MetaInfo, RegionContext, readHeader, rowCells, textAt } from "../header";
import { AmountCell, CellRef, TableBase } from "../types";

export const FINAL06: TemplateInfo = { id: "final06", code: "公开06表", name: "一般公共预算财政拨款基本支出决算表", family: "final", defaultUnit: "万元" };

export interface EconItem {
  code: string;
  name: string;
  level: 1 | 2;
  codeRef: CellRef;
  nameRef: CellRef;
  amount: AmountCell;
  /** Personnel (301, 303) or public (302, 307, 310, 399) by code. */
  group: "personnel" | "public";
}

export interface Basic06Table extends TableBase {
  kind: "basic06";
  items: EconItem[];
  personnelTotal?: AmountCell;
  publicTotal?: AmountCell;
  /** Footer "合计" (some layouts add one). */
  total?: AmountCell;
}

interface Block {
  codeCol: number;
  nameCol: number;
  amountCol: number;
}

export function groupOfEconCode(code: string): "personnel" | "public" {
  return PERSONNEL_CLASSES.includes(code.slice(0, 3)) ? "personnel" : "public";
}

export function parseBasic06(ctx: RegionContext, template: TemplateInfo = FINAL06): Basic06Table | ParseFailure {
  const meta: MetaInfo = {};
  const header = readHeader(ctx, meta);
  if (header.bottom < header.top) return failure(template, ctx, "未找到表头");
  const cols = [...header.labels.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (const c of cols) {
    const l = header.labels.get(c)!;
    if (!/编码|代码/.test(l.split("/").pop()!)) continue;
    const nameCol = cols.find((x) => x > c && /名称/.test(header.labels.get(x)!));
    const amountCol = cols.find((x) => x > c && /决算数|金额|合计|预算数|本年/.test(header.labels.get(x)!.split("/").pop()!));
    if (nameCol === undefined || amountCol === undefined) continue;
    const nextCode = cols.find((x) => x > c && /编码|代码/.test(header.labels.get(x)!.split("/").pop()!));
    if (nextCode !== undefined && amountCol > nextCode) continue;
    blocks.push({ codeCol: c, nameCol, amountCol });
  }
  if (blocks.length === 0) return failure(template, ctx, "未找到“科目编码 / 科目名称 / 决算数”栏");
  const table: Basic06Table = { ...createBase(ctx, template, meta), kind: "basic06", items: [] };
  const amountCols = blocks.map((b) => b.amountCol);
  let lastRow = header.dataTop;
  for (let r = header.dataTop; r <= ctx.region.bottom; r++) {
    if (rowCells(ctx, r).length === 0) continue;
    for (const b of blocks) {
      const codeText = norm(textAt(ctx, r, b.codeCol));
      if (/^\d{3}(\d{2})?$/.test(codeText)) {
        const name = textAt(ctx, r, b.nameCol);
        table.items.push({
          code: codeText,
          name,
          level: codeText.length === 3 ? 1 : 2,
          codeRef: { sheet: ctx.sheet.name, row: r, col: b.codeCol },
          nameRef: { sheet: ctx.sheet.name, row: r, col: b.nameCol },
          amount: amountCell(ctx, table, r, b.amountCol, `${codeText} ${name}`.trim()),
          group: groupOfEconCode(codeText),
        });
        lastRow = r;
      }
    }
    // Footers: a label cell anywhere in the row, the amount in the nearest amount column to its right.
    for (const { col, cell } of rowCells(ctx, r)) {
      const n = norm(cell.text);
      const key = /^人员经费(合计)?$/.test(n) ? "personnelTotal" : /^(日常)?公用经费(合计)?$/.test(n) ? "publicTotal" : /^(基本支出)?合计$/.test(n) ? "total" : null;
      if (!key) continue;
      const right = amountCols.filter((c) => c > col);
      const filled = right.find((c) => {
        const x = ctx.sheet.rows.get(r)?.get(c);
        return !!x && x.text.trim() !== "";
      });
      const target = filled ?? right[0];
      if (target === undefined) continue;
      const label = key === "personnelTotal" ? "人员经费合计" : key === "publicTotal" ? "公用经费合计" : "合计";
      (table as unknown as Record<string, AmountCell>)[key] = amountCell(ctx, table, r, target, label);
      lastRow = r;
    }
  }
  collectNotes(ctx, table, lastRow + 1);
  return table;
}
