/**
 * Writes the budget test workbooks of test/fixtures/budget/ (npx tsx scripts/make-budget-fixtures.ts).
 *
 * Each is a 部门预算 workbook in the Shanghai 2026 layout (封面, 目录, 机构设置 and the
 * nine tables, 元 tables and the 万元 “三公” table), built from consistent figures by
 * test/support/budgetSet.ts; the mistake workbooks then carry one mistake, made the
 * way a clerk makes it:
 *
 *   consistent-department.xlsx  部门 layout, figures with rounding tails: no error
 *   consistent-unit.xlsx        单位 layout (支出 split into 人员/公用/项目), 政府性基金 money,
 *                               “三公” table with 2026/2025/增减金额: no error
 *   mistake-a-row-total.xlsx    支出预算总表: the 合计 of 2010601 行政运行 typed with two
 *                               digits swapped, so it is not 基本支出 + 项目支出
 *   mistake-b-operating.xlsx    a 行政单位 (unit budget of a 局): 机关运行经费 entered as
 *                               the 302 商品和服务支出 only, leaving out 310 资本性支出, so it
 *                               differs from the 公用经费 合计 of the 基本支出经济分类预算表
 *   mistake-c1-sangong-change.xlsx  “三公” 公务接待费 增减金额 written as 上年 − 本年
 *   mistake-c2-sangong-total.xlsx   “三公” 合计 that leaves out 公务用车购置费
 *
 * The narrative kinds start from a consistent set with its 补充信息 and the drafted
 * 部门预算编制说明 (test/support/budgetNarrative.ts), then one sentence is edited:
 *
 *   mistake-d-operating-items.xlsx  机关运行经费 with its items listed ("主要包括办公费……")
 *                                   that add up to more than the stated total
 *   mistake-e-change-parts.xlsx     财政拨款支出 "比2025年预算增加X万元，其中：" the three funds'
 *                                   stated increases do not add up to X
 *   mistake-f-cost-ceiling.xlsx     a 项目绩效目标表 whose 成本指标 "≤12.40万元" is above the
 *                                   project's 4.10万元 of 年度资金
 *   mistake-g-narrative-figure.xlsx the 编制说明 quotes 支出预算 with two digits swapped
 *
 * test/unit/budget/fixtures.test.ts checks that the committed files are what this
 * script writes, and what the checker reports on each.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Decimal } from "../src/core/amount/decimal";
import { formatNumber } from "../src/core/amount/format";
import { checkWorkbook } from "../src/core/check";
import { WorkbookSnapshot } from "../src/core/grid/snapshot";
import { a1 } from "../src/core/grid/address";
import { BudgetCodedTable } from "../src/core/tables/budget/coded";
import { SangongTable } from "../src/core/tables/sangong";
import { AmountCell } from "../src/core/tables/types";
import { snapshotToXlsxBuffer } from "../src/host/xlsx/write";
import { BudgetSetOptions, generateBudgetSet } from "../test/support/budgetSet";
import { readableWidths as widths, withCell, buildSheet } from "../test/support/sheet";
import { withBudgetNarrative } from "../test/support/budgetNarrative";
import { blockSheet, targetRows } from "../test/support/perfSet";

export const FIXTURE_DIR = path.join(__dirname, "..", "test", "fixtures", "budget");

export interface BudgetFixture {
  file: string;
  description: string;
  workbook: WorkbookSnapshot;
  /** "sheet!A1" of the amount the clerk got wrong (mistake workbooks). */
  wrong?: string;
}

function table<T>(wb: WorkbookSnapshot, template: string): T {
  const t = checkWorkbook(wb).tables.find((x) => x.template === template);
  if (!t) throw new Error(`no ${template}`);
  return t as unknown as T;
}

function setAmount(wb: WorkbookSnapshot, c: AmountCell, v: Decimal): WorkbookSnapshot {
  return withCell(wb, c.ref.sheet, c.ref.row, c.ref.col, formatNumber(v, 2), v.toNumber());
}

const at = (c: AmountCell) => `${c.ref.sheet}!${a1(c.ref.row, c.ref.col)}`;

/** The figure with its first two different adjacent digits swapped (1,365,024.76 → 1,356,024.76). */
export function swapDigits(v: Decimal): Decimal {
  const s = v.toFixed(2);
  for (let i = s.length - 2; i > 0; i--) {
    if (/\d/.test(s[i]) && /\d/.test(s[i - 1]) && s[i] !== s[i - 1]) return new Decimal(s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1));
  }
  throw new Error(`no digits to swap in ${s}`);
}

export function budgetFixtures(): BudgetFixture[] {
  const out: BudgetFixture[] = [];
  const base = (o: BudgetSetOptions) => generateBudgetSet({ tails: true, ...o }).workbook;

  out.push({ file: "consistent-department.xlsx", description: "部门预算，数字一致（含四舍五入尾差）", workbook: base({ seed: 2026 }) });
  out.push({
    file: "consistent-unit.xlsx",
    description: "单位预算（支出分人员经费、公用经费、项目支出），有政府性基金，三公经费列本年、上年和增减金额，数字一致",
    workbook: base({ seed: 2027, scope: "unit", govFund: true, sangong: "yoy" }),
  });

  {
    const wb = base({ seed: 2026 });
    const t03 = table<BudgetCodedTable>(wb, "budget03");
    const row = t03.rows.find((r) => r.code === "2010601")!;
    const c = row.cells.total;
    out.push({ file: "mistake-a-row-total.xlsx", description: "支出预算总表 2010601 行政运行的合计录入时两位数字颠倒，不等于基本支出＋项目支出", workbook: setAmount(wb, c, swapDigits(c.amount!.value)), wrong: at(c) });
  }
  {
    const set = generateBudgetSet({ tails: true, seed: 2028, scope: "unit" });
    const t08 = table<BudgetCodedTable>(set.workbook, "budget08");
    const sg = table<SangongTable>(set.workbook, "budgetSangong");
    const c = sg.groups.current!.operating!;
    const only302 = t08.rows.find((r) => r.code === "302")!.cells.public.amount!.value;
    const v = only302.div(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    out.push({ file: "mistake-b-operating.xlsx", description: "行政单位的机关运行经费只填了商品和服务支出（302），漏了资本性支出（310），与基本支出经济分类预算表公用经费合计不符", workbook: setAmount(set.workbook, c, v), wrong: at(c) });
  }
  {
    const wb = base({ seed: 2029, sangong: "yoy" });
    const sg = table<SangongTable>(wb, "budgetSangong");
    const c = sg.groups.change!.reception!;
    const flipped = sg.groups.previous!.reception!.amount!.value.minus(sg.groups.current!.reception!.amount!.value);
    out.push({ file: "mistake-c1-sangong-change.xlsx", description: "“三公”经费公务接待费的增减金额写成了上年减本年", workbook: setAmount(wb, c, flipped), wrong: at(c) });
  }
  {
    // The first seed from 2031 whose budget buys a car this year (公务用车购置费 not nil).
    let seed = 2031;
    while (generateBudgetSet({ tails: true, seed }).sangong.current.carPurchase.isZero()) seed++;
    const wb = base({ seed });
    const sg = table<SangongTable>(wb, "budgetSangong");
    const g = sg.groups.current!;
    const c = g.total!;
    out.push({ file: "mistake-c2-sangong-total.xlsx", description: "“三公”经费合计漏加了公务用车购置费", workbook: setAmount(wb, c, c.amount!.value.minus(g.carPurchase!.amount!.value)), wrong: at(c) });
  }
  // Narrative kinds.
  const editNarrative = (wb: WorkbookSnapshot, find: RegExp, replace: (m: string) => string): { wb: WorkbookSnapshot; at: string } => {
    const sheet = wb.sheets.find((x) => x.name === "部门预算编制说明")!;
    for (const [r, row] of sheet.rows) {
      const c = row.get(0);
      if (!c || !find.test(c.text)) continue;
      const text = c.text.replace(find, replace);
      return { wb: withCell(wb, sheet.name, r, 0, text, text), at: `${sheet.name}!A${r + 1}` };
    }
    throw new Error(`no paragraph matches ${find}`);
  };
  {
    const wb = withBudgetNarrative(base({ seed: 2026 })).workbook;
    const op = table<SangongTable>(wb, "budgetSangong").groups.current!.operating!.amount!.value;
    // Items that add up to 10 万元 more than the total.
    const items = [op.times("0.5"), op.times("0.3"), op.times("0.2").plus(10)].map((d) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    const list = `，主要包括办公费${formatNumber(items[0], 2)}万元、差旅费${formatNumber(items[1], 2)}万元、公务用车运行维护费${formatNumber(items[2], 2)}万元`;
    const e = editNarrative(wb, /机关运行经费预算为[\d,.]+万元(?=。)/, (m) => m + list);
    out.push({ file: "mistake-d-operating-items.xlsx", description: "编制说明中机关运行经费“主要包括”所列各项之和比机关运行经费多10万元", workbook: e.wb, wrong: e.at });
  }
  {
    const wb = withBudgetNarrative(base({ seed: 2026, govFund: true })).workbook;
    // The 一般公共预算 increase written 10 万元 too high: the parts no longer add up to the 财政拨款 increase.
    const e = editNarrative(wb, /(其中：一般公共预算拨款支出预算[\d,.]+万元，比\d{4}年预算增加)([\d,.]+)(万元)/, (m) =>
      m.replace(/(增加)([\d,.]+)(万元)$/, (_x, a, v, u) => `${a}${formatNumber(new Decimal(v.replace(/,/g, "")).plus(10), 2)}${u}`),
    );
    out.push({ file: "mistake-e-change-parts.xlsx", description: "编制说明中财政拨款支出比上年预算的增加额，与其后所列三类财政拨款的增加额之和不符（一般公共预算多写10万元）", workbook: e.wb, wrong: e.at });
  }
  {
    const wb = base({ seed: 2026 });
    // A 项目绩效目标表 of 4.10 万元 whose 成本指标 allows 12.40 万元.
    const block = targetRows({ project: "政策宣传资料印制", period: 4.1, annual: 4.1 });
    const cost = block.rows.findIndex((r) => r[2] === "成本指标");
    block.rows[cost] = [null, "产出指标", "成本指标", "印制成本", "≤12.40万元"];
    const sheet = buildSheet(blockSheet("项目绩效目标表", block));
    out.push({ file: "mistake-f-cost-ceiling.xlsx", description: "项目绩效目标表的成本指标“≤12.40万元”超过项目年度资金4.10万元", workbook: { ...wb, sheets: [...wb.sheets, sheet] }, wrong: `项目绩效目标表!E${cost + 1}` });
  }
  {
    const wb = withBudgetNarrative(base({ seed: 2026 })).workbook;
    const e = editNarrative(wb, /^支出预算([\d,.]+)万元/, (m) => {
      const v = new Decimal(m.replace(/[^\d.]/g, ""));
      return `支出预算${formatNumber(swapDigits(v), 2)}万元`;
    });
    out.push({ file: "mistake-g-narrative-figure.xlsx", description: "编制说明中的支出预算数两位数字颠倒，与支出预算总表不符", workbook: e.wb, wrong: e.at });
  }
  return out;
}


async function main(): Promise<void> {
  await fs.mkdir(FIXTURE_DIR, { recursive: true });
  for (const f of budgetFixtures()) {
    const styles = new Map<string, { wrap?: boolean }>();
    for (const s of f.workbook.sheets) if (/机构设置/.test(s.name)) styles.set(`${s.name}!A3`, { wrap: true });
    for (const s of f.workbook.sheets) if (s.name === "部门预算编制说明") for (const r of s.rows.keys()) styles.set(`${s.name}!A${r + 1}`, { wrap: true });
    await fs.writeFile(path.join(FIXTURE_DIR, f.file), await snapshotToXlsxBuffer(f.workbook, { widths: widths(f.workbook), styles }));
    console.log(`${f.file}: ${f.description}${f.wrong ? `（${f.wrong}）` : ""}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
