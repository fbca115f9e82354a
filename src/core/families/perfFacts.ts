/**
 * Facts of the performance tables for the narrative linker (the 绩效 section of
 * a 情况说明): per project self-evaluation, its 年初预算数 / 全年预算数 / 执行数 /
 * 自评得分 and the number of indicators set up per indicator group ("数量指标设定 3 个，完成 3 个"); for the department's 整体 self-evaluation,
 * its 预算总额, 决算总额, 自评得分 and group counts; across projects, how many were
 * self-evaluated, their executed total and its share of 公开03表 项目支出.
 *
 * A project's facts require its name in the paragraph: any four consecutive
 * characters of the table's 项目名称 ("第三方审核平台基础性服务" is named
 * "第三方审核平台基础经费项目" in the text).
 *
 * Mismatches with these facts are reported by perf.narrative.figures (which knows
 * truncation from error); the narrative rules only count them as verified
 * (`reportedBy`). "完成 N 个" is linked to the number set up when it equals it
 * (all completed); whether each target was really met is left to the 绩效 rules
 * (recomputed scores, deviation reasons): counting "completed" indicators would
 * need a judgement (控制率, 结转结余率 read which way?) the tables do not give.
 */
import { Decimal } from "../amount/decimal";
import { Interval } from "../amount/interval";
import { Fact, FactInit, cellFact, ratioFact, sumFact } from "../narrative/fact";
import { registerFactProvider } from "../narrative/context";
import { Table } from "../recognize/templates";
import { PerfIndicator, PerfTable, isPerfTable } from "../tables/perf/model";
import { CodedTable } from "../tables/coded";
import { AmountCell, refA1 } from "../tables/types";
import { norm } from "../recognize/normalize";
import { sharedRegExp } from "../util/regex";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Any 4 consecutive characters of a name (letters and CJK only). */
export function nameKey(name: string): RegExp | undefined {
  const t = norm(name).replace(/[^\p{L}\p{N}]/gu, "").replace(/项目$/, "");
  if (t.length < 4) return t.length >= 2 ? sharedRegExp(escape(t)) : undefined;
  const windows = new Set<string>();
  for (let i = 0; i + 4 <= t.length; i++) windows.add(escape(t.slice(i, i + 4)));
  return sharedRegExp([...windows].join("|"));
}

function countFact(init: FactInit, n: number, cells: AmountCell[] | { sheet: string; row: number; col: number }[], label: string): Fact {
  const v = new Decimal(n);
  const refs = cells.map((c) => ("ref" in c ? c.ref : c)) as { sheet: string; row: number; col: number }[];
  return {
    ...init,
    value: v,
    interval: Interval.exact(v),
    decimals: 0,
    unit: "count",
    countWord: "个",
    shown: v,
    sources: refs.slice(0, 1).map((r) => ({ sheet: r.sheet, cell: refA1(r), label })),
    formula: `${label}：${refs.length ? `${refs[0].sheet}!${refA1(refs[0])}${refs.length > 1 ? ` 至 ${refA1(refs[refs.length - 1])}` : ""}，` : ""}共 ${n} 个`,
    kind: "sum",
  };
}


/** Indicator groups as named in narratives: 一级 (产出指标, 效益指标…) and 二级 (数量指标, 质量指标…). */
function groupsOf(t: PerfTable): Map<string, PerfIndicator[]> {
  const m = new Map<string, PerfIndicator[]>();
  for (const i of t.indicators?.indicators ?? []) {
    for (const name of [i.level1Name, i.level2Name]) {
      const k = norm(name ?? "").replace(/[（(].*$/, "");
      if (!k) continue;
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    }
  }
  return m;
}

function tableFacts(t: PerfTable, id: string, requires: RegExp[] | undefined, out: Fact[]): void {
  const sections: Fact["sections"] = ["perf", "project"];
  const base = { requires, sections, reportedBy: "perf.narrative.figures" } as const;
  const total = t.funds?.lines.find((l) => l.key === "total") ?? t.funds?.lines[0];
  const c = total?.cells ?? {};
  const whole = t.kind !== "perfSelfEval";
  if (c.yearStart?.amount) out.push(cellFact({ ...base, id: `${id}.yearStart.budget`, unit: "万元", keys: [/年初预算|预算数|预算/] }, c.yearStart));
  if (c.budget?.amount)
    out.push(cellFact({ ...base, id: whole ? `${id}.budgetTotal` : `${id}.annual.budget`, unit: "万元", keys: whole ? [/预算总额/, /预算/] : [/全年预算|调整后预算|预算数|预算/] }, c.budget));
  if (c.executed?.amount)
    out.push(cellFact({ ...base, id: `${id}.executed`, unit: "万元", keys: [/决算总额|决算数|执行数|实际支出|支出决算|决算/] }, c.executed));
  const score = t.total?.score;
  if (score?.amount)
    out.push({ ...cellFact({ ...base, id: `${id}.score`, unit: "count", keys: [/自评得分|综合得分|得分/], decimals: score.amount.decimals }, score), countWord: "分" });
  for (const [name, inds] of groupsOf(t)) {
    const key = sharedRegExp(escape(name));
    const cells = inds.map((i) => i.level3?.ref ?? i.level2?.ref ?? i.level1?.ref).filter((r): r is NonNullable<typeof r> => !!r);
    out.push(countFact({ id: `${id}.group.${name}.set`, unit: "count", keys: [sharedRegExp(`${escape(name)}.{0,12}设定`), key], requires: requires ? [...requires] : undefined, sections }, inds.length, cells, `${name}个数`));
  }
}

export function perfFacts(tables: Table[]): Fact[] {
  const perf = tables.filter(isPerfTable) as PerfTable[];
  if (!perf.length) return [];
  const out: Fact[] = [];
  const projects = perf.filter((t) => t.kind === "perfSelfEval");
  projects.forEach((t, k) => {
    const key = t.subject?.text ? nameKey(t.subject.text) : undefined;
    if (key) tableFacts(t, `perf.project.${k}`, [key], out);
  });
  for (const [k, t] of perf.filter((x) => x.kind === "perfWhole" && x.stage === "selfeval").entries()) tableFacts(t, `perf.whole.${k}`, [/整体|部门/], out);
  if (projects.length) {
    const sections: Fact["sections"] = ["perf"];
    const byId = new Map(out.map((f) => [f.id, f]));
    const executed = projects.map((t, k) => byId.get(`perf.project.${k}.executed`)).filter((f): f is Fact => !!f);
    out.push(countFact({ id: "perf.projects.count", unit: "count", keys: [/项目支出共|项目共/], sections }, projects.length, projects.map((t) => t.titleRef ?? { sheet: t.sheet, row: t.range.top, col: t.range.left }), "项目支出绩效自评表张数"));
    if (executed.length === projects.length) {
      // Only "决算资金": "涉及资金" often means the budget lines the projects draw on, which need not
      // equal the tables' 执行数 (baotou: 353.47 against 391.04); a mismatch is a warning.
      const sum = { ...sumFact({ id: "perf.projects.executed", unit: "万元", keys: [/决算资金/], sections }, executed), mismatchSeverity: "warning" as const };
      out.push(sum);
      const t03 = tables.find((t) => t.template === "final03") as CodedTable | undefined;
      const proj = t03?.total?.cells.project;
      if (proj?.amount && !proj.amount.value.isZero()) {
        const projFact = cellFact({ id: "perf.projects.base", unit: "万元", keys: [], sections: [] }, proj, "公开03表 合计 项目支出");
        out.push(projFact, ratioFact({ id: "perf.projects.executed.share", unit: "%", keys: [/占.*项目支出/, /占/], sections }, sum, projFact, "share"));
      }
    }
  }
  return out;
}

registerFactProvider((tables) => perfFacts(tables));
