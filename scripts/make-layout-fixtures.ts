/**
 * Writes the layout test workbooks of test/fixtures/layouts/ (npx tsx scripts/make-layout-fixtures.ts):
 * disclosure sets in layouts published outside Shanghai (issue 11), built from
 * consistent invented figures by test/support/layoutSets.ts, each once correct and
 * then with planted mistakes (a figure typed with two digits swapped, or off by 10):
 *
 *   classic-budget.xlsx          表1 部门收支总表 … 表9 国有资本经营预算支出表, 万元, outline rows
 *                                "一、本年收入 / （一）… / 二、上年结转 / （一）…", "一、本年支出 / （一）类 /
 *                                二、结转下年"; "表N" above each title: no error
 *   classic-budget--*.xlsx       one mistake each (a child line, the parent line, a class line),
 *                                and one workbook with three mistakes in three tables
 *   numbered-budget.xlsx         the same set with numbered titles (表1 …, 2., 附表1-3, （四）, 表5-1, 6、,
 *                                附表7, a title over two lines, 9．), department and year in titles,
 *                                the unit line in five places, 表6 in 元, 表1 income three levels deep
 *                                ("（一）财政拨款收入" over "1.一般公共预算拨款"), 政府性基金 money: no error
 *   numbered-budget--*.xlsx      one mistake each, and one with three
 *   tabbed-budget.xlsx           the classic set with each table's name on its sheet tab only
 *                                ("表5 一般公共预算支出表"), no title cell, every other sheet without its
 *                                "表N" line either: no error
 *   tabbed-budget--*.xlsx        three mistakes in three tables
 *   county-final.xlsx            a 县级 部门决算 set titled "附件2-N：…县…2023年度…", 01表 income with a
 *                                "其中" list and indented continuations, 04表 年初结转 over （一）…（三）: no error
 *   county-final--*.xlsx         one mistake each, and one with three
 *
 * test/unit/core/layouts.test.ts checks that the committed files are what this script
 * writes, that the correct ones raise no error and every table is recognised, and that
 * each planted mistake is found with its cell ranked first.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Decimal } from "../src/core/amount/decimal";
import { formatNumber } from "../src/core/amount/format";
import { checkWorkbook } from "../src/core/check";
import { a1 } from "../src/core/grid/address";
import { WorkbookSnapshot } from "../src/core/grid/snapshot";
import { Table } from "../src/core/recognize/templates";
import { BudgetSummary } from "../src/core/tables/budget/summary";
import { CodedTable, rowByCode } from "../src/core/tables/coded";
import { SangongTable } from "../src/core/tables/sangong";
import { SidedTable } from "../src/core/tables/sided";
import { AmountCell } from "../src/core/tables/types";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { emptySheet, setCell } from "../src/core/grid/snapshot";
import { cleanTitle, matchTitle } from "../src/core/recognize/recognize";
import { LayoutSet, countyFinalSet, generateClassicBudgetSet } from "../test/support/layoutSets";
import { readableWidths as widths, withCell } from "../test/support/sheet";

export const LAYOUT_DIR = path.join(__dirname, "..", "test", "fixtures", "layouts");

export interface LayoutFixture {
  file: string;
  description: string;
  workbook: WorkbookSnapshot;
  /** The layout's correct workbook (for a planted one) — its file. */
  base: string;
  /** Templates the workbook holds, in order. */
  templates: string[];
  /** "sheet!A1" of every planted mistake (none for a correct workbook). */
  planted: string[];
}

/** The figure a clerk mistypes: the last two digits before the decimal point swapped, or 10 more when they are equal. */
export function mistype(v: Decimal): Decimal {
  const [int, dec] = v.abs().toFixed(2).split(".");
  const n = int.length;
  if (n >= 2 && int[n - 1] !== int[n - 2]) return new Decimal(`${v.isNegative() ? "-" : ""}${int.slice(0, n - 2)}${int[n - 1]}${int[n - 2]}.${dec}`);
  return v.plus(10);
}

const at = (c: AmountCell) => `${c.ref.sheet}!${a1(c.ref.row, c.ref.col)}`;

function tableOf<T extends Table>(wb: WorkbookSnapshot, template: string): T {
  const t = checkWorkbook(wb).tables.find((x) => x.template === template);
  if (!t) throw new Error(`no ${template}`);
  return t as unknown as T;
}

/** Plants the mistyped figures of `cells` (found in the correct workbook by `pick`). */
function plant(wb: WorkbookSnapshot, cells: AmountCell[]): { workbook: WorkbookSnapshot; planted: string[] } {
  let out = wb;
  for (const c of cells) {
    const v = mistype(c.amount!.value);
    out = withCell(out, c.ref.sheet, c.ref.row, c.ref.col, formatNumber(v, 2), v.toNumber());
  }
  return { workbook: out, planted: cells.map(at) };
}

const line = (t: SidedTable, side: "income" | "expense", label: RegExp, nth = 0): { cells: Record<string, AmountCell> } => {
  const hits = t[side].lines.filter((l) => label.test(l.label));
  if (!hits[nth]) throw new Error(`no line ${label} on ${t.name}`);
  return hits[nth];
};

function layout(name: string, description: string, set: LayoutSet, mistakes: { file: string; description: string; cells: (wb: WorkbookSnapshot) => AmountCell[] }[]): LayoutFixture[] {
  const wb = set.workbook;
  const templates = checkWorkbook(wb).tables.map((t) => t.template);
  const base = `${name}.xlsx`;
  const out: LayoutFixture[] = [{ file: base, description, workbook: wb, base, templates, planted: [] }];
  for (const m of mistakes) {
    const p = plant(wb, m.cells(wb));
    out.push({ file: `${name}--${m.file}.xlsx`, description: m.description, workbook: p.workbook, base, templates, planted: p.planted });
  }
  return out;
}

/**
 * The same set with each table's name on its sheet tab only ("表5 一般公共预算支出表"), as
 * some offices publish it: the title cell is gone, and every other sheet also loses the
 * bare "表N" line above it (nothing is left above the header but the unit line).
 */
export function tabTitled(set: LayoutSet): LayoutSet {
  const sheets = set.workbook.sheets.map((s, i) => {
    const out = emptySheet(s.name);
    let title: string | undefined;
    for (const [r, row] of s.rows)
      for (const [c, cell] of row) {
        const t = cell.text.trim();
        if (!title && typeof cell.value === "string" && matchTitle(t)) {
          title = cleanTitle(t).replace(/^.*?\d{4}年度?/, "");
          continue;
        }
        if (i % 2 === 1 && /^表\s*\d+$/.test(t)) continue;
        setCell(out, r, c, cell);
      }
    out.merges = s.merges.filter((m) => out.rows.get(m.top)?.has(m.left));
    out.name = title ? `表${i + 1} ${title}`.slice(0, 31) : s.name;
    return out;
  });
  const renamed = new Map(set.workbook.sheets.map((s, i) => [s.name, sheets[i].name]));
  return {
    ...set,
    workbook: { name: set.workbook.name.replace(/\.xlsx$/, "-tabs.xlsx"), sheets },
    sheetOf: Object.fromEntries(Object.entries(set.sheetOf).map(([k, v]) => [k, renamed.get(v) ?? v])),
  };
}

export function layoutFixtures(): LayoutFixture[] {
  const classic = generateClassicBudgetSet({ seed: 2024, tails: true });
  const numbered = generateClassicBudgetSet({ seed: 2025, tails: true, titles: "numbered", depth: 3, govFund: true });
  const county = countyFinalSet({ seed: 2023, tails: true, govFund: true });
  const b04 = (wb: WorkbookSnapshot) => tableOf<BudgetSummary>(wb, "budget04");
  const b01 = (wb: WorkbookSnapshot) => tableOf<BudgetSummary>(wb, "budget01");
  const coded = (wb: WorkbookSnapshot, template: string, code: string, col: string) => rowByCode(tableOf<CodedTable>(wb, template), code)!.cells[col];
  const f01 = (wb: WorkbookSnapshot) => tableOf<SidedTable>(wb, "final01");
  const f04 = (wb: WorkbookSnapshot) => tableOf<SidedTable>(wb, "final04");
  return [
    ...layout("classic-budget", "经典九表（表1 部门收支总表……表9），收支总表与财政拨款收支总表按“一、本年收入 /（一）…/二、上年结转”分级列示，数字一致", classic, [
      {
        file: "fiscal-income",
        description: "财政拨款收支总表“（一）一般公共预算拨款”（本年收入的下级行）录入错误",
        cells: (wb) => [line(b04(wb), "income", /一般公共预算拨款/).cells.amount],
      },
      {
        file: "this-year-income",
        description: "部门收支总表“一、本年收入”（上级行）录入错误，不等于其下各项之和",
        cells: (wb) => [line(b01(wb), "income", /本年收入/).cells.amount],
      },
      {
        file: "class-line",
        description: "财政拨款收支总表支出“（二）社会保障和就业支出”一般公共预算栏录入错误",
        cells: (wb) => [line(b04(wb), "expense", /社会保障和就业支出/).cells.gpb],
      },
      {
        file: "three-mistakes",
        description: "三处错误：部门收入总表 2101501 行政运行合计、财政拨款收支总表“二、上年结转”下的一般公共预算拨款、部门支出总表 2210201 住房公积金基本支出",
        cells: (wb) => [coded(wb, "budget02", "2101501", "total"), line(b04(wb), "income", /一般公共预算拨款/, 1).cells.amount, coded(wb, "budget03", "2210201", "basic")],
      },
    ]),
    ...layout("numbered-budget", "经典九表，标题带各种序号（表1、2.、附表1-3、（四）、表5-1、6、、附表7、两行标题、9．）和部门、年度，单位行位置各不相同，表6 以元为单位，收支总表收入三级（（一）财政拨款收入 / 1.一般公共预算拨款），有政府性基金，数字一致", numbered, [
      {
        file: "gpb-income",
        description: "部门收支总表“1.一般公共预算拨款”（第三级行）录入错误",
        cells: (wb) => [line(b01(wb), "income", /一般公共预算拨款/).cells.amount],
      },
      {
        file: "personnel",
        description: "部门支出总表 2101501 行政运行“人员经费”录入错误",
        cells: (wb) => [coded(wb, "budget03", "2101501", "personnel")],
      },
      {
        file: "sangong-total",
        description: "一般公共预算“三公”经费支出表合计录入错误",
        cells: (wb) => [tableOf<SangongTable>(wb, "budgetSangong").groups.current!.total!],
      },
      {
        file: "three-mistakes",
        description: "三处错误：一般公共预算基本支出表（元）30101 基本工资、政府性基金预算支出表 2290804 项目支出、部门收支总表“（二）事业收入”",
        cells: (wb) => [coded(wb, "budget08", "30101", "personnel"), coded(wb, "budget06", "2290804", "project"), line(b01(wb), "income", /事业收入/).cells.amount],
      },
    ]),
    ...layout("tabbed-budget", "经典九表，表名只写在工作表标签上（“表5 一般公共预算支出表”），表格上方没有标题；一半的表连“表N”也没有，表头上方只有单位行，数字一致", tabTitled(generateClassicBudgetSet({ seed: 2026, tails: true })), [
      {
        file: "three-mistakes",
        description: "三处错误：部门收入总表 2101501 行政运行合计、财政拨款收支总表“二、上年结转”下的一般公共预算拨款、部门支出总表 2210201 住房公积金基本支出",
        cells: (wb) => [coded(wb, "budget02", "2101501", "total"), line(b04(wb), "income", /一般公共预算拨款/, 1).cells.amount, coded(wb, "budget03", "2210201", "basic")],
      },
    ]),
    ...layout("county-final", "县级部门决算九表，标题为“附件2-N：…县…2023年度…”，无公开NN表编号，01表收入“一、财政拨款收入 / 其中：…”及缩进续行，04表年初结转和结余下分（一）至（三），数字一致", county, [
      {
        file: "fiscal-income",
        description: "收入支出决算总表“一、财政拨款收入”（其中各项的上级行）录入错误",
        cells: (wb) => [line(f01(wb), "income", /财政拨款收入$/).cells.amount],
      },
      {
        file: "begin-balance",
        description: "财政拨款收入支出决算总表年初财政拨款结转和结余下“（一）一般公共预算财政拨款”录入错误",
        cells: (wb) => [line(f04(wb), "income", /^（一）一般公共预算财政拨款/).cells.amount],
      },
      {
        file: "gpb-basic",
        description: "一般公共预算财政拨款支出决算表 2101501 行政运行基本支出录入错误",
        cells: (wb) => [coded(wb, "final05", "2101501", "basic")],
      },
      {
        file: "three-mistakes",
        description: "三处错误：收入决算表 2080505 财政拨款收入、支出决算表 2210201 基本支出、一般公共预算财政拨款基本支出决算表 30101 基本工资",
        cells: (wb) => [coded(wb, "final02", "2080505", "fiscal"), coded(wb, "final03", "2210201", "basic"), tableOf<Table & { items: { code: string; amount: AmountCell }[] }>(wb, "final06").items.find((i) => i.code === "30101")!.amount],
      },
    ]),
  ];
}


async function main(): Promise<void> {
  await fs.mkdir(LAYOUT_DIR, { recursive: true });
  for (const f of layoutFixtures()) {
    const styles = new Map<string, { wrap?: boolean }>();
    for (const s of f.workbook.sheets) for (const [r, row] of s.rows) for (const [c, cell] of row) if (cell.text.includes("\n")) styles.set(`${s.name}!${a1(r, c)}`, { wrap: true });
    await fs.writeFile(path.join(LAYOUT_DIR, f.file), await snapshotToXlsxBuffer(f.workbook, { widths: widths(f.workbook), styles }));
    console.log(`${f.file}: ${f.description}${f.planted.length ? `（${f.planted.join("、")}）` : ""}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
