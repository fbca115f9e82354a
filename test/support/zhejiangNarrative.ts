/**
 * A 情况说明 for the generated final set written the way many 浙江 and 江苏
 * departments write theirs (my own sentences in that style): headings the
 * section linker does not know ("一、部门收支总体情况"), totals named "收入、支出
 * 决算总计", expenses described by purpose ("用于保障机构正常运转……的基本支出"),
 * 基本支出 split into "人员方面的开支" and "日常运转方面的开支", a 三公 total
 * compared with its budget as "较年初预算…少…", then "其中" its parts. Every
 * figure is the table's (read from the fact catalogue, never typed here), so the
 * text is correct; `plant` changes one figure.
 */
import { Decimal } from "../../src/core/amount/decimal";
import { formatNumber } from "../../src/core/amount/format";
import { WorkbookSnapshot, emptySheet, setCell } from "../../src/core/grid/snapshot";
import { checkWorkbook } from "../../src/core/check";
import { recognize } from "../../src/core/recognize/recognize";
import { buildFacts } from "../../src/core/narrative/context";
import { findSupplementSheet, readSupplement } from "../../src/core/narrative/supplement";
import { generateNarrativeSet } from "./narrativeSet";

export type ZhejiangFigure = "grand" | "grandChange" | "incomeTotal" | "expenseTotal" | "basic" | "project" | "fiscalGrand" | "gpb" | "gpbBasic" | "personnel" | "public" | "sangong" | "sgBudget" | "car" | "reception" | "operating" | "operatingBudget" | "grandChangePct" | "gpbBudget" | "gpbRate" | "sgChange" | "opChange" | "opChangePct";

const FACT_ID: Record<ZhejiangFigure, string> = {
  grand: "grand",
  grandChange: "grand.change",
  incomeTotal: "income.total",
  expenseTotal: "expense.total",
  basic: "expense.basic",
  project: "expense.project",
  fiscalGrand: "fiscal.grand",
  gpb: "gpb.total",
  gpbBasic: "basic.total",
  personnel: "basic.personnel",
  public: "basic.public",
  sangong: "sg.final",
  sgBudget: "sg.budget",
  car: "sg.car.final",
  reception: "sg.reception.final",
  operating: "operating",
  operatingBudget: "operating.budget",
  grandChangePct: "grand.changePct",
  gpbBudget: "gpb.budget",
  gpbRate: "gpb.budgetRate",
  sgChange: "sg.final.change",
  opChange: "operating.change",
  opChangePct: "operating.changePct",
};

export interface ZhejiangDoc {
  workbook: WorkbookSnapshot;
  /** The figures as written (万元, two decimals, no grouping). */
  figures: Record<ZhejiangFigure, string>;
  /** Row (0-based) of the 情况说明 paragraph that states each figure. */
  rows: Record<ZhejiangFigure, number>;
}

/**
 * The generated set's tables and 补充信息 with this 情况说明 (sheet “情况说明”).
 * `plant`: figures written with another value; `dropTables`: sheets left out.
 */
export function zhejiangDoc(plant: Partial<Record<ZhejiangFigure, string>> = {}, dropTables: RegExp | null = null): ZhejiangDoc {
  return narrativeDoc(plant, dropTables, (F, fig) => {
    const less = new Decimal(fig("sgBudget")).minus(fig("sangong"));
    const pct = new Decimal(fig("sangong")).div(fig("sgBudget")).times(100);
    return [
      ["测试市医疗保障局2023年度部门决算情况说明", []],
      ["一、部门收支总体情况", []],
      [
        `2023年度本部门收入、支出决算总计均为${F.grand}万元，与上年相比各增加${F.grandChange}万元，主要是业务量增加。本年收入${F.incomeTotal}万元，全部为财政拨款。本年支出${F.expenseTotal}万元，按支出性质分，用于保障机构正常运转和完成日常工作任务的基本支出${F.basic}万元，用于完成特定行政任务和事业发展目标的项目支出${F.project}万元。`,
        ["grand", "grandChange", "incomeTotal", "expenseTotal", "basic", "project"],
      ],
      ["二、财政拨款收支情况", []],
      [`2023年度本部门财政拨款收支总计${F.fiscalGrand}万元，其中当年一般公共预算财政拨款支出${F.gpb}万元。`, ["fiscalGrand", "gpb"]],
      ["三、一般公共预算财政拨款基本支出情况", []],
      [
        `一般公共预算财政拨款安排的基本支出${F.gpbBasic}万元，按经济分类，用于在职和离退休人员的工资福利、社会保障缴费等人员方面的开支${F.personnel}万元，用于办公费、差旅费等日常运转方面的开支${F.public}万元。`,
        ["gpbBasic", "personnel", "public"],
      ],
      ["四、“三公”经费情况", []],
      [
        `本年“三公”经费财政拨款支出${F.sangong}万元，为预算的${formatNumber(pct, 2, false)}%，较年初预算${F.sgBudget}万元少${formatNumber(less, 2, false)}万元，主要是厉行节约、压减开支。其中公务用车购置及运行维护费${F.car}万元，公务接待费${F.reception}万元，因公出国（境）费无支出。`,
        ["sangong", "sgBudget", "car", "reception"],
      ],
      ["五、机关运行经费情况", []],
      [`本部门机关运行经费${F.operating}万元，年初预算${F.operatingBudget}万元，超出预算主要是业务量增加。`, ["operating", "operatingBudget"]],
    ];
  });
}

/**
 * The same tables with a text in parts ("第一部分 部门收支情况", "第二部分 财政拨款支出情况",
 * "第三部分 其他重要事项"), as several 山东 and 河南 counties write it: 全年收入/全年支出,
 * the totals' change and rate in one clause, 人员经费 and 公用经费 without naming the fund,
 * the “三公”经费 and 机关运行经费 compared with the year before only.
 */
export function sectionedDoc(plant: Partial<Record<ZhejiangFigure, string>> = {}): ZhejiangDoc {
  return narrativeDoc(plant, null, (F) => [
    ["测试市医疗保障局2023年度部门决算公开说明", []],
    ["第一部分 部门收支情况", []],
    [
      `2023年，本部门全年收入${F.incomeTotal}万元，全年支出${F.expenseTotal}万元。与上年相比，收入总计、支出总计均增加${F.grandChange}万元，增长${F.grandChangePct}%，主要是承担的医保业务增加。`,
      ["incomeTotal", "expenseTotal", "grandChange", "grandChangePct"],
    ],
    ["第二部分 财政拨款支出情况", []],
    [`（一）一般公共预算财政拨款支出年初预算为${F.gpbBudget}万元，支出决算为${F.gpb}万元，完成年初预算的${F.gpbRate}%，主要是节约开支。`, ["gpbBudget", "gpb", "gpbRate"]],
    [`（二）基本支出中，人员经费${F.personnel}万元，公用经费${F.public}万元。`, ["personnel", "public"]],
    ["第三部分 其他重要事项", []],
    [
      `“三公”经费支出${F.sangong}万元，比上年增加${F.sgChange}万元，主要是公务接待增加。机关运行经费支出${F.operating}万元，比上年增加${F.opChange}万元，增长${F.opChangePct}%，主要是业务量增加。`,
      ["sangong", "sgChange", "operating", "opChange", "opChangePct"],
    ],
  ]);
}

type Lines = [string, ZhejiangFigure[]][];

function narrativeDoc(plant: Partial<Record<ZhejiangFigure, string>>, dropTables: RegExp | null, write: (F: Record<ZhejiangFigure, string>, fig: (k: ZhejiangFigure) => string) => Lines): ZhejiangDoc {
  const set = generateNarrativeSet();
  checkWorkbook(set.base); // registers every family's parsers
  const rec = recognize(set.base);
  const supp = findSupplementSheet(set.base);
  const facts = buildFacts(rec.tables, supp ? readSupplement(supp) : undefined);
  const fig = (k: ZhejiangFigure) => {
    const f = facts.get(FACT_ID[k]);
    if (!f) throw new Error(`no fact ${FACT_ID[k]}`);
    return formatNumber(f.shown.abs(), 2, false);
  };
  const figures = Object.fromEntries((Object.keys(FACT_ID) as ZhejiangFigure[]).map((k) => [k, plant[k] ?? fig(k)])) as Record<ZhejiangFigure, string>;
  const sheet = emptySheet("情况说明");
  const rows = {} as Record<ZhejiangFigure, number>;
  write(figures, fig).forEach(([text, ks], i) => {
    setCell(sheet, i, 0, { text, value: text });
    for (const k of ks) rows[k] = i;
  });
  const tables = set.base.sheets.filter((s) => !dropTables || !dropTables.test(s.name));
  return { workbook: { ...set.base, sheets: [...tables, sheet] }, figures, rows };
}
