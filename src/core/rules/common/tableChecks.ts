/**
 * Checks that apply to any table: figures that are not numbers, displays that
 * hide the stored value, negative amounts, code/name agreement, parent codes,
 * and the department name across tables.
 */
import { compareName, functionEntry } from "../../codes/functional";
import { ECONOMIC } from "../../codes/economic";
import { formatAmount } from "../../amount/format";
import { isNegative } from "../../amount/amount";
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { Table } from "../../recognize/templates";
import { CodedRow, CodedTable, rowByCode } from "../../tables/coded";
import { Basic06Table } from "../../tables/final/basic06";
import { SidedTable } from "../../tables/sided";
import { SangongTable } from "../../tables/sangong";
import { InfoTable } from "../../tables/final/info";
import { BudgetProcurementTable } from "../../tables/budget/procurement";
import { AmountCell, refA1, tableLabel } from "../../tables/types";
import { Rule } from "../types";

export const notANumber: Rule = {
  id: "common.not-a-number",
  title: "金额单元格应为数字（不能是文字、错误值或无法识别的写法）",
  severity: "error",
  family: "common",
  check(ctx) {
    return ctx.tables.flatMap((t) =>
      t.issues.filter((i) => i.kind === "not-a-number").map((i) => ({ rule: this.id, severity: i.severity, message: i.message, cells: i.cells, tables: [t.id] })),
    );
  },
};

export const hiddenDecimals: Rule = {
  id: "common.hidden-decimals",
  title: "单元格显示的数字与实际存储值不同（数字格式隐藏了小数）",
  severity: "info",
  family: "common",
  check(ctx) {
    return ctx.tables.flatMap((t) =>
      t.issues.filter((i) => i.kind === "hidden-decimals").map((i) => ({ rule: this.id, severity: "info" as const, message: i.message, cells: i.cells, tables: [t.id] })),
    );
  },
};

/** Every figure of a table with a flag telling whether it may be negative (结转结余 may). */
export function figuresOf(t: Table): { cell: AmountCell; mayBeNegative: boolean }[] {
  const balance = /^(begin|end|beginBalance|endBalance|change)/;
  if (t.kind === "coded") {
    const c = t as CodedTable;
    return [...(c.total ? [c.total] : []), ...c.rows, ...c.others].flatMap((r) =>
      Object.entries(r.cells).map(([k, cell]) => ({ cell, mayBeNegative: balance.test(k) })),
    );
  }
  if (t.kind === "sided") {
    const s = t as SidedTable;
    return [...s.income.lines, ...s.expense.lines].flatMap((l) =>
      Object.values(l.cells).map((cell) => ({ cell, mayBeNegative: balance.test(l.key) || l.section !== "main" })),
    );
  }
  if (t.kind === "basic06") {
    const b = t as Basic06Table;
    return [...b.items.map((i) => i.amount), ...[b.personnelTotal, b.publicTotal, b.total].filter((x): x is AmountCell => !!x)].map((cell) => ({ cell, mayBeNegative: false }));
  }
  if (t.kind === "sangong") {
    const s = t as SangongTable;
    return Object.entries(s.groups).flatMap(([g, items]) => Object.values(items ?? {}).map((cell) => ({ cell, mayBeNegative: g === "change" })));
  }
  if (t.kind === "info") {
    // 机构运行经费、政府采购、国有资产 figures: none may be negative.
    return (t as InfoTable).items.map((i) => ({ cell: i.cell, mayBeNegative: false }));
  }
  if (t.kind === "procurement") {
    const p = t as BudgetProcurementTable;
    return p.records.flatMap((r) => Object.values(r.cells).map((cell) => ({ cell: cell!, mayBeNegative: false })));
  }
  return [];
}

/** figuresOf() restricted to negative figures, without building an entry per figure. */
function negativeFigures(t: Table): { cell: AmountCell; mayBeNegative: boolean }[] {
  if (t.kind === "coded") {
    const out: { cell: AmountCell; mayBeNegative: boolean }[] = [];
    const c = t as CodedTable;
    const rows = c.total ? [c.total, ...c.rows, ...c.others] : [...c.rows, ...c.others];
    for (const r of rows)
      for (const k in r.cells) {
        const cell = r.cells[k];
        if (cell.amount && isNegative(cell.amount)) out.push({ cell, mayBeNegative: /^(begin|end|change)/.test(k) });
      }
    return out;
  }
  return figuresOf(t).filter((f) => f.cell.amount !== null && isNegative(f.cell.amount));
}

export const negativeAmount: Rule = {
  id: "common.negative-amount",
  title: "收入、支出金额不应为负数（结转结余、增减额除外）",
  severity: "warning",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (t.family === "perf") continue;
      for (const { cell, mayBeNegative } of negativeFigures(t)) {
        if (mayBeNegative) continue;
        out.push({
          rule: this.id,
          severity: "warning",
          message: `${tableLabel(t)} ${cell.label}（${refA1(cell.ref)}）为负数 ${formatAmount(cell.amount!)}，收入、支出金额一般不应为负。`,
          cells: [cell.ref],
          tables: [t.id],
        });
      }
    }
    return out;
  },
};

export const codeName: Rule = {
  id: "common.code-name",
  title: "科目名称应与科目编码一致（使用当年科目名称）",
  severity: "warning",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (t.kind === "coded") {
        const c = t as CodedTable;
        for (const r of c.rows) {
          const entry = c.codeKind === "economic" ? ECONOMIC[r.code] : functionEntry(r.code);
          const cmp = compareName(entry, r.name);
          if (cmp === "ok" || cmp === "unknown") continue;
          const ref = r.nameRef ?? r.codeRef!;
          out.push({
            rule: this.id,
            severity: "warning",
            message:
              cmp === "old"
                ? `${tableLabel(t)} 科目 ${r.code} 的名称“${r.name}”是旧科目名称，现行名称为“${entry!.name}”。`
                : `${tableLabel(t)} 科目编码 ${r.code} 对应的名称应为“${entry!.name}”，表中写的是“${r.name}”。`,
            cells: [ref, ...(r.codeRef ? [r.codeRef] : [])],
            expected: entry!.name,
            actual: r.name,
            tables: [t.id],
          });
        }
      }
      if (t.kind === "basic06") {
        for (const i of (t as Basic06Table).items) {
          const cmp = compareName(ECONOMIC[i.code], i.name);
          if (cmp !== "mismatch" && cmp !== "old") continue;
          out.push({
            rule: this.id,
            severity: "warning",
            message: `${tableLabel(t)} 经济分类科目 ${i.code} 对应的名称应为“${ECONOMIC[i.code].name}”，表中写的是“${i.name}”。`,
            cells: [i.nameRef, i.codeRef],
            expected: ECONOMIC[i.code].name,
            actual: i.name,
            tables: [t.id],
          });
        }
      }
      if (t.kind === "sided") {
        for (const l of [...(t as SidedTable).expense.lines]) {
          if (l.oldClassName) {
            out.push({
              rule: this.id,
              severity: "warning",
              message: `${tableLabel(t)}“${l.label}”使用了旧的科目名称（${l.classCode} 类现行名称见当年政府收支分类科目）。`,
              cells: [l.labelRef],
              tables: [t.id],
            });
          }
        }
      }
    }
    return out;
  },
};

export const parentCode: Rule = {
  id: "common.parent-code",
  title: "款级、项级科目编码应以其上级科目编码开头，并排在上级科目之下",
  severity: "warning",
  family: "common",
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (t.kind !== "coded") continue;
      const c = t as CodedTable;
      const sorted = [...c.rows].sort((a, b) => a.row - b.row);
      const minLevel = Math.min(...c.rows.map((r) => r.level));
      // Nearest row above of each level, maintained while walking down the table.
      const lastOfLevel: (CodedRow | undefined)[] = [];
      sorted.forEach((r) => {
        const above = lastOfLevel[r.level - 1];
        lastOfLevel[r.level] = r;
        for (let l = r.level + 1; l < lastOfLevel.length; l++) lastOfLevel[l] = undefined;
        if (r.level <= 1) return;
        const expected = r.code.slice(0, r.code.length - 2);
        if (above && above.code === expected) return;
        const exists = !!rowByCode(c, expected);
        if (!above && !exists && r.level === minLevel) return; // a table that lists only 款 or 项
        const ref = r.codeRef ?? r.nameRef!;
        out.push({
          rule: this.id,
          severity: "warning",
          message: exists
            ? `${tableLabel(t)} 科目 ${r.code} ${r.name} 应排在其上级科目 ${expected} 之下，但它上方最近的上级是 ${above?.code ?? "（无）"}。`
            : `${tableLabel(t)} 科目 ${r.code} ${r.name} 的上级科目 ${expected} 不在表中${above ? `（上方最近的上级是 ${above.code}）` : ""}。`,
          cells: [ref],
          tables: [t.id],
        });
      });
    }
    return out;
  },
};

export const departmentName: Rule = {
  id: "common.department-name",
  title: "各表的部门（单位）名称应一致",
  severity: "warning",
  family: "common",
  check(ctx) {
    const named = ctx.tables.filter((t) => t.department && norm(t.department).length > 1);
    if (named.length < 2) return [];
    const counts = new Map<string, number>();
    for (const t of named) counts.set(norm(t.department!), (counts.get(norm(t.department!)) ?? 0) + 1);
    if (counts.size < 2) return [];
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return named
      .filter((t) => norm(t.department!) !== majority)
      .map((t) => ({
        rule: this.id,
        severity: "warning" as const,
        message: `${tableLabel(t)}的部门名称为“${t.department}”，与其他表的“${named.find((x) => norm(x.department!) === majority)!.department}”不一致。`,
        cells: t.titleRef ? [t.titleRef] : [],
        tables: [t.id],
      }));
  },
};



export const tableStructure: Rule = {
  id: "common.table-structure",
  title: "识别到表的标题，但表头不完整或无法读取（该表未校验）",
  severity: "warning",
  family: "common",
  check(ctx) {
    return ctx.failures.map((f) => ({
      rule: this.id,
      severity: "warning" as const,
      message: `工作表“${f.ctx.sheet.name}”中识别到“${f.template.code ? f.template.code + " " : ""}${f.template.name}”的标题（“${f.ctx.title}”），但${f.reason}，本表未校验。`,
      cells: [{ sheet: f.ctx.sheet.name, row: Math.max(0, f.ctx.titleRow), col: f.ctx.titleCol }],
    }));
  },
};

export const sheetTruncated: Rule = {
  id: "common.sheet-truncated",
  title: "工作表过大，只读取了前面的部分",
  severity: "warning",
  family: "common",
  check(ctx) {
    return ctx.workbook.sheets
      .filter((s) => s.truncated)
      .map((s) => ({
        rule: this.id,
        severity: "warning" as const,
        message: `工作表“${s.name}”过大：${s.truncated!.reason}（自第 ${s.truncated!.atRow + 1} 行起）。`,
        cells: [{ sheet: s.name, row: s.truncated!.atRow, col: 0 }],
      }));
  },
};

/** Findings the engine writes outside the rules (listed by `disclosure-check --rules`). */
export const ENGINE_FINDINGS = [
  { id: "common.unit-scale", severity: "error" as const, title: "一张表的数字约为与之相等的另一张表的 10,000 倍（或万分之一）：单位行（元/万元）有误，合并为一条" },
  { id: "common.unreadable", severity: "error" as const, title: "文件无法读取（不是 .xlsx、已损坏、加密或为空）" },
];

export const COMMON_RULES = [tableStructure, sheetTruncated, notANumber, hiddenDecimals, negativeAmount, codeName, parentCode, departmentName];
