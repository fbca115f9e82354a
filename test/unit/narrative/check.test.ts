/**
 * Checking a clerk's narrative: the generator's own text on a consistent set
 * passes every narrative rule; one targeted change of the text fails each rule.
 */
import { checkWorkbook } from "../../../src/core/check";
import { allRules } from "../../../src/core/rules/registry";
import { WorkbookSnapshot } from "../../../src/core/grid/snapshot";
import { generateNarrativeSet } from "../../support/narrativeSet";
import { fixture } from "../../support/fixtures";
import { setCell } from "../../../src/core/grid/snapshot";

const set = generateNarrativeSet({ seed: 81, tails: true });
const base = checkWorkbook(set.workbook);

/** Replaces `from` by `to` in the narrative paragraph that contains `from`. */
function edit(wb: WorkbookSnapshot, from: string | RegExp, to: string): WorkbookSnapshot {
  let done = false;
  const sheets = wb.sheets.map((s) => {
    if (s.name !== "情况说明" || done) return s;
    const rows = new Map([...s.rows].map(([r, m]) => [r, new Map(m)]));
    for (const [, m] of rows)
      for (const [c, cell] of m) {
        if (done) break;
        const hit = typeof from === "string" ? cell.text.includes(from) : from.test(cell.text);
        if (!hit) continue;
        const text = cell.text.replace(from, to);
        m.set(c, { text, value: text });
        done = true;
      }
    return { ...s, rows };
  });
  if (!done) throw new Error(`text not found: ${from}`);
  return { ...wb, sheets };
}

function raised(wb: WorkbookSnapshot, rule: string) {
  return checkWorkbook(wb).findings.filter((f) => f.rule === rule);
}

const gpbTotal = () => set.narrative.facts.get("gpb.total")!;

test("the generated narrative of a consistent set passes every narrative rule", () => {
  // Only info remains: the rounding tails the generated tables themselves carry.
  const narr = base.findings.filter((f) => f.rule.startsWith("narrative.") && f.severity !== "info");
  expect(narr.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  expect(base.summary.error).toBe(0);
  expect(base.findings.filter((f) => f.rule.startsWith("narrative.") && f.severity === "info").every((f) => /尾差/.test(f.message))).toBe(true);
});

test("narrative.figure-mismatch: a wrong amount names the narrative cell and the table cell", () => {
  const shown = set.narrative.sections.find((s) => s.id === "expense")!.paragraphs[0].text.match(/基本支出([\d,]+\.\d\d)万元/)![1];
  const fs = raised(edit(set.workbook, `基本支出${shown}万元`, "基本支出9,999.99万元"), "narrative.figure-mismatch");
  expect(fs).toHaveLength(1);
  expect(fs[0].severity).toBe("error");
  expect(fs[0].cells[0].sheet).toBe("情况说明");
  expect(fs[0].cells.some((c) => c.sheet === "公开03表")).toBe(true);
  expect(fs[0].expected).toBe(`${shown}万元`);
});

test("narrative.figure-mismatch: a wrong percentage", () => {
  const fs = raised(edit(set.workbook, /占本年支出合计的[\d.]+%/, "占本年支出合计的12.34%"), "narrative.figure-mismatch");
  expect(fs[0].message).toContain("12.34%");
});

test("narrative.unit: 元 written for 万元", () => {
  const shown = set.narrative.sections.find((s) => s.id === "gpb")!.paragraphs[1].text.match(/一般公共预算财政拨款支出([\d,]+\.\d\d)万元/)![1];
  const fs = raised(edit(set.workbook, `一般公共预算财政拨款支出${shown}万元，占本年支出合计`, `一般公共预算财政拨款支出${shown}元，占本年支出合计`), "narrative.unit");
  expect(fs).toHaveLength(1);
  expect(fs[0].expected).toBe(`${shown}万元`);
  void gpbTotal;
});

test("narrative.tail: a figure within rounding is info", () => {
  const fs = raised(edit(set.workbook, /占本年支出合计的([\d.]+)%/, (() => {
    const f = set.narrative.facts.get("gpb.shareOfExpense")!;
    const lo = f.interval.lo.toDecimalPlaces(2, 1);
    return `占本年支出合计的${lo.eq(f.shown) ? f.interval.hi.toDecimalPlaces(2, 0).toFixed(2) : lo.toFixed(2)}%`;
  })()), "narrative.tail");
  expect(fs.every((f) => f.severity === "info")).toBe(true);
});

test("narrative.zero-base: a percentage over a zero budget", () => {
  const fs = raised(edit(set.workbook, "因公出国（境）费年初未安排预算，本年无此项支出。", "因公出国（境）费年初预算为0万元，支出决算为0万元，完成年初预算的0%。"), "narrative.zero-base");
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("年初未安排预算");
});

test("narrative.direction: 减少 written for an increase", () => {
  const fs = raised(edit(set.workbook, /收、支总计各增加([\d,.]+万元)，增长/, "收、支总计各减少$1，下降"), "narrative.direction");
  expect(fs.length).toBeGreaterThan(0);
  expect(fs[0].expected).toMatch(/增加|增长/);
});

test("narrative.unverified: a number nothing supports is listed (info)", () => {
  const fs = raised(edit(set.workbook, "主要原因是业务量变化。", "主要原因是业务量变化。另有临时项目137.77万元。"), "narrative.unverified");
  expect(fs.length).toBe(1);
  expect(fs[0].message).toContain("137.77");
});

test("narrative.parts-sum: stated parts that do not add up, even with no table behind them", () => {
  const fs = raised(edit(set.workbook, "主要原因是业务量变化。", "主要原因是业务量变化。新增资金300万元，其中：设备采购120万元，系统运维100万元。"), "narrative.parts-sum").filter((f) => f.severity !== "info");
  expect(fs).toHaveLength(1);
  expect(fs[0].severity).toBe("error");
  expect(fs[0].message).toContain("220");
});

test("narrative.same-figure: the same unsupported figure quoted twice with different values", () => {
  let wb = edit(set.workbook, "主要原因是业务量变化。", "主要原因是业务量变化。本年度新建信息系统投入资金合计88.80万元。");
  wb = edit(wb, "严格控制接待标准。", "严格控制接待标准。本年度新建信息系统投入资金合计99.80万元。");
  const fs = raised(wb, "narrative.same-figure");
  expect(fs).toHaveLength(1);
});

test("narrative.comparison: 大于 where the figures say 小于", () => {
  const fs = raised(edit(set.workbook, "决算数小于年初预算数", "决算数大于年初预算数"), "narrative.comparison");
  expect(fs).toHaveLength(1);
  expect(fs[0].expected).toBe("决算数小于预算数");
});

test("narrative.placeholder: leftovers of the template", () => {
  for (const t of ["增加（减少）", "XX万元", "【请填写原因】", "待填写"]) expect(raised(edit(set.workbook, "主要原因是业务量变化。", `主要原因是${t}。`), "narrative.placeholder").length).toBe(1);
});

test("narrative.year: another year's 年度 in a sentence", () => {
  const fs = raised(edit(set.workbook, "2023年度收入合计", "2022年度收入合计"), "narrative.year");
  expect(fs).toHaveLength(1);
});

test("narrative.old-name: an old class name", () => {
  const fs = raised(edit(set.workbook, "卫生健康支出（类）", "医疗卫生与计划生育支出（类）"), "narrative.old-name");
  expect(fs.length).toBeGreaterThan(0);
});

test("narrative.wording: 本单位 in a 部门 document", () => {
  expect(raised(edit(set.workbook, "部门开支财政拨款的公务用车", "本单位开支财政拨款的公务用车"), "narrative.wording")).toHaveLength(1);
});

test("narrative.missing-reason: 主要原因是 followed by nothing, and a change with no reason", () => {
  expect(raised(edit(set.workbook, "主要原因是业务量变化。", "主要原因是。"), "narrative.missing-reason")).toHaveLength(1);
  expect(raised(edit(set.workbook, /主要原因是业务量变化。$/, ""), "narrative.missing-reason")).toHaveLength(1);
});

test("narrative.items: a 项 of 公开05表 not explained, and a 项 that is not in 公开05表", () => {
  const item = set.narrative.sections.find((s) => s.id === "gpb")!.paragraphs.find((p) => /^1\. /.test(p.text))!.text;
  let wb = edit(set.workbook, item, "1. 略。");
  expect(raised(wb, "narrative.items").some((f) => f.message.includes("没有说明这一项"))).toBe(true);
  wb = edit(set.workbook, "决算数小于年初预算数的主要原因是业务量变化。", "决算数小于年初预算数的主要原因是业务量变化。另外，公共卫生应急（项）支出很少。");
  expect(raised(wb, "narrative.items").some((f) => f.message.includes("没有这个项级科目"))).toBe(true);
});

test("narrative.main-items: a zero item listed under 主要包括", () => {
  const fs = raised(edit(set.workbook, "主要包括：基本工资、", "主要包括：基本工资、离休费、"), "narrative.main-items");
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("离休费");
});

test("narrative.hygiene: doubled punctuation (info)", () => {
  const fs = raised(edit(set.workbook, "主要原因是业务量变化。", "主要原因是业务量变化。。"), "narrative.hygiene");
  expect(fs[0].severity).toBe("info");
});

test("narrative.supplement: a 补充信息 value that is not a number", () => {
  const wb = { ...set.workbook, sheets: set.workbook.sheets.map((s) => ({ ...s, rows: new Map([...s.rows].map(([r, m]) => [r, new Map(m)])) })) };
  const supp = wb.sheets.find((s) => s.name === "补充信息")!;
  const row = [...supp.rows].find(([, r]) => r.get(3)?.text === "prev.grand")![0];
  setCell(supp, row, 1, { text: "约一千万", value: "约一千万" });
  const fs = raised(wb, "narrative.supplement");
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("约一千万");
});

describe("anyang-2021-final.xlsx as published (with its 补充信息)", () => {
  let r: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    r = checkWorkbook(await fixture("anyang-2021-final-with-supplement.xlsx"));
  });
  test("the published 1,219.26 (基本支出) is a tail, not an error", () => {
    const f = r.findings.find((x) => x.rule === "narrative.tail" && x.message.includes("1219.26"));
    expect(f?.severity).toBe("info");
    expect(f!.cells.map((c) => `${c.sheet}!${c.row},${c.col}`)).toContain("公开05表!6,3");
  });
  test("the 0% of a zero budget (因公出国) is reported", () => {
    const f = r.findings.find((x) => x.rule === "narrative.zero-base");
    expect(f?.message).toContain("因公出国");
  });
  test("the narrative raises no error against the tables", () => {
    expect(r.findings.filter((x) => x.rule.startsWith("narrative.") && x.severity === "error").map((x) => x.message)).toEqual([]);
  });
});

test("every registered narrative rule is exercised by the narrative tests", () => {
  const fs = require("fs");
  const dir = require("path").dirname(__filename);
  const src = fs.readdirSync(dir).map((f: string) => fs.readFileSync(`${dir}/${f}`, "utf8")).join("\n");
  const missing = allRules()
    .filter((r) => r.family === "narrative")
    .map((r) => r.id)
    .filter((id) => !src.includes(`"${id}"`));
  expect(missing).toEqual([]);
});

test("narrative.same-figure: generic wording (“与上年决算相比，增加”) repeated for different items is not the same item", () => {
  let wb = edit(set.workbook, "主要原因是业务量变化。", "主要原因是业务量变化。本年使用非财政拨款结余0.00万元。与上年决算相比，增加373.84万元。");
  wb = edit(wb, "严格控制接待标准。", "严格控制接待标准。本年结余分配0.00万元。与上年决算相比，增加0.00万元。");
  expect(raised(wb, "narrative.same-figure")).toHaveLength(0);
});

test("narrative.parts-sum: parallel parts (预算a，决算b；…) are summed column by column", () => {
  const ok = "主要原因是业务量变化。本年度专项经费预算2.22万元，支出决算2.22万元。其中：甲项预算0.00万元，支出决算0.00万元；乙项预算2.22万元，支出决算2.22万元；丙项预算0.00万元，支出决算0.00万元。";
  const errors = (text: string) => raised(edit(set.workbook, "主要原因是业务量变化。", text), "narrative.parts-sum").filter((f) => f.severity === "error");
  expect(errors(ok)).toHaveLength(0);
  const fs = errors(ok.replace("乙项预算2.22万元，支出决算2.22万元", "乙项预算2.22万元，支出决算2.12万元"));
  expect(fs).toHaveLength(1);
  expect(fs[0].message).toContain("2.12万元");
});
