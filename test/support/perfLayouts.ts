/**
 * Performance (绩效) tables in layouts not covered by ../shared/fixtures (issue 11):
 *
 * - HEBEI_TARGETS: a 部门预算 workbook whose 项目绩效目标表 are forms, as 河北省
 *   publishes them — title "5.01…专项资金（含专家费）绩效目标表" or "…局2024年…项目
 *   绩效目标表", label/value pairs along one row ("项目名称 | X | 主管部门 | Y",
 *   "预算数 | 5.07 | 其中：财政资金 | 5.07 | 其他资金 | "), a 资金支出计划 by quarter
 *   (一季度…四季度, cumulative percentages or amounts per quarter), a multi-line
 *   年度绩效目标, then 一级/二级/三级指标/指标值;
 * - SICHUAN_EVAL: a 项目支出绩效自评表 and the 项目支出绩效评价表 of the same project
 *   (决策（20分）/过程（20分）/产出（40分）/效益（20分）, 分值, 评分说明 with
 *   "44.36/45=98.58%", 得分), with the same 预算数 / 执行数 in both;
 * - OUTLINE_TARGETS: 项目绩效目标表 with the indicators in one outline-numbered column
 *   ("一、产出指标 / （一）数量指标 / 1.培训人次 | ≥500人次").
 *
 * Figures are invented. Each set has planted mistakes: a change to the rows and
 * the cell the finding must name first. scripts/make-perf-layout-fixtures.ts
 * writes them to test/fixtures/perf-layouts/.
 */
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { CellInput, SheetSpec, buildWorkbook } from "./sheet";

type Rows = CellInput[][];

export interface PerfLayoutPlant {
  id: string;
  what: string;
  rule: string;
  severity: "error" | "warning";
  /** Changes the sheets' rows (copies). */
  apply: (sheets: Record<string, Rows>) => void;
  /** The cell the finding names first: sheet, 0-based row and column. */
  at: [string, number, number];
}

export interface PerfLayoutDoc {
  name: string;
  /** Sheets in order with their rows and merges. */
  sheets: () => { name: string; rows: Rows; merges: string[] }[];
  /** Expected table kinds, in reading order. */
  kinds: string[];
  plants: PerfLayoutPlant[];
}

const A = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
const M = (r1: number, c1: number, r2: number, c2: number) => `${A(r1, c1)}:${A(r2, c2)}`;
const pct = (p: number) => ({ v: p / 100, fmt: "0%" });
const money = (v: number) => ({ v, fmt: "0.00" });

// ---------------------------------------------------------------- 河北 绩效目标表

interface HebeiTarget {
  title: string;
  project: string;
  dept: string;
  unit: string;
  budget: number;
  fiscal: number;
  other: number | null;
  /** Cumulative percentages, or amounts per quarter. */
  plan: { kind: "percent" | "amount"; values: number[] };
  goal: string;
  indicators: [string, string, string, string][];
}

const HEBEI: HebeiTarget[] = [
  {
    title: "5.01 食品安全抽检专项资金（含专家费）绩效目标表",
    project: "食品安全抽检专项资金（含专家费）",
    dept: "某某县市场监督管理局",
    unit: "某某县食品药品检验所",
    budget: 5.07,
    fiscal: 5.07,
    other: null,
    plan: { kind: "percent", values: [20, 50, 80, 100] },
    goal: "目标1：完成全县食品安全监督抽检任务，抽检批次不少于300批次。\n目标2：不合格食品核查处置率达到100%，守住不发生系统性食品安全风险的底线。",
    indicators: [
      ["产出指标", "数量指标", "食品抽检批次", "≥300批次"],
      ["产出指标", "数量指标", "专家评审次数", "≥4次"],
      ["产出指标", "质量指标", "不合格食品核查处置率", "=100%"],
      ["产出指标", "时效指标", "抽检任务完成时间", "2024年11月底前"],
      ["产出指标", "成本指标", "抽检及专家费用", "≤5.07万元"],
      ["效益指标", "社会效益指标", "食品安全风险隐患发现能力", "逐步提升"],
      ["效益指标", "可持续影响指标", "食品安全监管长效机制", "长期有效"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ],
  },
  {
    title: "某某县市场监督管理局2024年智慧监管平台运维项目绩效目标表",
    project: "智慧监管平台运维项目",
    dept: "某某县市场监督管理局",
    unit: "某某县市场监督管理局",
    budget: 18.6,
    fiscal: 15.6,
    other: 3,
    plan: { kind: "amount", values: [4.65, 4.65, 4.65, 4.65] },
    goal: "保障智慧监管平台全年稳定运行，\n系统故障响应及时，数据安全可控。",
    indicators: [
      ["产出指标", "数量指标", "运维系统数量", "=3套"],
      ["产出指标", "质量指标", "系统正常运行率", "≥99%"],
      ["产出指标", "时效指标", "故障响应时间", "≤2小时"],
      ["产出指标", "成本指标", "年度运维费用", "≤18.6万元"],
      ["效益指标", "社会效益指标", "监管信息化水平", "明显提升"],
      ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥95%"],
    ],
  },
  {
    title: "5.03 特种设备安全监察专项资金绩效目标表",
    project: "特种设备安全监察专项资金",
    dept: "某某县市场监督管理局",
    unit: "某某县特种设备检验站",
    budget: 12,
    fiscal: 12,
    other: null,
    plan: { kind: "percent", values: [25, 50, 75, 100] },
    goal: "开展特种设备安全监督检查，\n全年检查在用特种设备不少于600台，重大事故发生率为0。",
    indicators: [
      ["产出指标", "数量指标", "检查特种设备台数", "≥600台"],
      ["产出指标", "质量指标", "隐患整改完成率", "≥95%"],
      ["产出指标", "时效指标", "隐患整改期限", "≤30天"],
      ["产出指标", "成本指标", "单台设备检查成本", "≤200元"],
      ["效益指标", "社会效益指标", "特种设备重大事故起数", "=0起"],
      ["效益指标", "可持续影响指标", "安全监管覆盖率", "≥98%"],
      ["满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%"],
    ],
  },
  {
    title: "5.04 消费者权益保护专项资金绩效目标表",
    project: "消费者权益保护专项资金",
    dept: "某某县市场监督管理局",
    unit: "某某县消费者协会",
    budget: 8.4,
    fiscal: 8.4,
    other: null,
    plan: { kind: "percent", values: [30, 60, 80, 100] },
    goal: "受理消费投诉举报，\n投诉按时办结率不低于98%，为消费者挽回经济损失。",
    indicators: [
      ["产出指标", "数量指标", "受理投诉举报件数", "≥1200件"],
      ["产出指标", "质量指标", "投诉按时办结率", "≥98%"],
      ["产出指标", "时效指标", "投诉办理时限", "≤7个工作日"],
      ["产出指标", "成本指标", "宣传及办案费用", "≤8.4万元"],
      ["效益指标", "经济效益指标", "为消费者挽回经济损失", "≥50万元"],
      ["效益指标", "社会效益指标", "消费环境满意度", "稳步提升"],
      ["满意度指标", "服务对象满意度指标", "投诉人满意度", "≥90%"],
    ],
  },
];

interface HebeiLayout {
  rows: Rows;
  merges: string[];
  /** Row of each named part, relative to the block. */
  at: { budget: number; plan: number; header: number; firstIndicator: number };
}

/** One 河北 项目绩效目标表 (columns A–F). */
function hebeiBlock(t: HebeiTarget): HebeiLayout {
  const rows: Rows = [];
  const merges: string[] = [];
  rows.push([t.title]);
  merges.push(M(0, 0, 0, 5));
  rows.push(["填报单位（盖章）：" + t.dept, null, null, null, null, "单位：万元"]);
  rows.push(["项目名称", t.project, null, "主管部门", t.dept]);
  merges.push(M(2, 1, 2, 2), M(2, 4, 2, 5));
  rows.push(["实施单位", t.unit, null, "项目属性", "经常性项目"]);
  merges.push(M(3, 1, 3, 2), M(3, 4, 3, 5));
  const budget = rows.length;
  rows.push(["预算数", money(t.budget), "其中：财政资金", money(t.fiscal), "其他资金", t.other === null ? null : money(t.other)]);
  const plan = rows.length;
  rows.push(["资金支出计划", "一季度", "二季度", "三季度", "四季度"]);
  rows.push([null, ...t.plan.values.map((v) => (t.plan.kind === "percent" ? pct(v) : money(v)))]);
  merges.push(M(plan, 0, plan + 1, 0));
  rows.push(["年度绩效目标", t.goal]);
  merges.push(M(rows.length - 1, 1, rows.length - 1, 5));
  const header = rows.length;
  rows.push(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]);
  merges.push(M(header, 4, header, 5));
  const first = rows.length;
  for (const [l1, l2, l3, v] of t.indicators) {
    const r = rows.length;
    rows.push([null, l1, l2, l3, v]);
    merges.push(M(r, 4, r, 5));
  }
  merges.push(M(header, 0, rows.length - 1, 0));
  // 一级指标 merged down its rows.
  let s = first;
  for (let r = first + 1; r <= rows.length; r++) {
    const cur = r < rows.length ? t.indicators[r - first][0] : null;
    if (cur !== t.indicators[s - first][0]) {
      if (r - 1 > s) merges.push(M(s, 1, r - 1, 1));
      for (let k = s + 1; k < r; k++) rows[k][1] = null;
      s = r;
    }
  }
  return { rows, merges, at: { budget, plan: plan + 1, header, firstIndicator: first } };
}

const HEBEI_SHEET = "项目绩效目标表";

function hebeiSheets(targets: HebeiTarget[]): { name: string; rows: Rows; merges: string[] }[] {
  const rows: Rows = [];
  const merges: string[] = [];
  for (const t of targets) {
    const off = rows.length;
    const b = hebeiBlock(t);
    rows.push(...b.rows);
    for (const m of b.merges) merges.push(m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${parseInt(r, 10) + off}`));
    rows.push([], []);
  }
  return [{ name: HEBEI_SHEET, rows, merges }];
}

/** Row offsets of the blocks in the Hebei sheet (with the layout of each block). */
function hebeiOffsets(): { off: number; at: HebeiLayout["at"]; t: HebeiTarget }[] {
  const out: { off: number; at: HebeiLayout["at"]; t: HebeiTarget }[] = [];
  let off = 0;
  for (const t of HEBEI) {
    const b = hebeiBlock(t);
    out.push({ off, at: b.at, t });
    off += b.rows.length + 2;
  }
  return out;
}

/** Absolute row of the indicator of block `k` whose 三级指标 is `name`. */
function hebeiIndicatorRow(k: number, name: string): number {
  const { off, at, t } = hebeiOffsets()[k];
  const i = t.indicators.findIndex((x) => x[2] === name);
  if (i < 0) throw new Error(`no indicator ${name}`);
  return off + at.firstIndicator + i;
}

export const HEBEI_TARGETS: PerfLayoutDoc = {
  name: "hebei-targets",
  sheets: () => hebeiSheets(HEBEI),
  kinds: ["perfTarget", "perfTarget", "perfTarget", "perfTarget"],
  plants: [
    {
      id: "cost-above-funds",
      what: "成本指标（6.2万元）超过项目预算数 5.07 万元",
      rule: "perf.target.cost-ceiling",
      severity: "warning",
      apply: (s) => {
        s[HEBEI_SHEET][hebeiIndicatorRow(0, "抽检及专家费用")][4] = "≤6.2万元";
      },
      at: [HEBEI_SHEET, hebeiIndicatorRow(0, "抽检及专家费用"), 4],
    },
    {
      id: "bare-unit",
      what: "指标值只写了“%”，没有数值",
      rule: "perf.target.value-parse",
      severity: "error",
      apply: (s) => {
        s[HEBEI_SHEET][hebeiIndicatorRow(1, "系统正常运行率")][4] = "%";
      },
      at: [HEBEI_SHEET, hebeiIndicatorRow(1, "系统正常运行率"), 4],
    },
    {
      id: "direction",
      what: "隐患整改完成率写成了上限（≤95%）",
      rule: "perf.target.direction",
      severity: "warning",
      apply: (s) => {
        s[HEBEI_SHEET][hebeiIndicatorRow(2, "隐患整改完成率")][4] = "≤95%";
      },
      at: [HEBEI_SHEET, hebeiIndicatorRow(2, "隐患整改完成率"), 4],
    },
    {
      id: "no-satisfaction",
      what: "第四张表删去了满意度指标",
      rule: "perf.target.categories",
      severity: "warning",
      apply: (s) => {
        const r = hebeiIndicatorRow(3, "投诉人满意度");
        s[HEBEI_SHEET][r] = [];
      },
      at: [HEBEI_SHEET, hebeiOffsets()[3].off + hebeiOffsets()[3].at.header, 1],
    },
    {
      id: "plan-decreasing",
      what: "累计支出进度三季度（40%）低于二季度（50%）",
      rule: "perf.target.spending-plan",
      severity: "error",
      apply: (s) => {
        const { off, at } = hebeiOffsets()[0];
        s[HEBEI_SHEET][off + at.plan][3] = pct(40);
      },
      at: [HEBEI_SHEET, hebeiOffsets()[0].off + hebeiOffsets()[0].at.plan, 3],
    },
    {
      id: "plan-amounts",
      what: "按季度金额编列的支出计划合计（18.00）不等于预算数 18.6",
      rule: "perf.target.spending-plan",
      severity: "error",
      apply: (s) => {
        const { off, at } = hebeiOffsets()[1];
        s[HEBEI_SHEET][off + at.plan][4] = money(4.05);
      },
      at: [HEBEI_SHEET, hebeiOffsets()[1].off + hebeiOffsets()[1].at.plan, 4],
    },
    {
      id: "funds-sum",
      what: "预算数误写为 5.70，不等于财政资金 5.07 与其他资金（空）之和",
      rule: "perf.target.funds-sum",
      severity: "error",
      apply: (s) => {
        const { off, at } = hebeiOffsets()[0];
        s[HEBEI_SHEET][off + at.budget][1] = money(5.7);
      },
      at: [HEBEI_SHEET, hebeiOffsets()[0].off + hebeiOffsets()[0].at.budget, 1],
    },
  ],
};

// ---------------------------------------------------------------- 四川 自评表 + 评价表

const SC_PROJECT = "乡村公路养护补助资金";
const SC_BUDGET = 45;
const SC_EXECUTED = 44.36;
const SELF = "项目支出绩效自评表";
const EVAL = "项目支出绩效评价表";

/** 项目支出绩效自评表 (四川 layout, columns A–I): funds matrix, 年度总体目标, indicators, 总分. */
function sichuanSelfEval(): { rows: Rows; merges: string[] } {
  const rows: Rows = [];
  const merges: string[] = [];
  rows.push(["项目支出绩效自评表"]);
  merges.push(M(0, 0, 0, 8));
  rows.push(["（2023年度）"]);
  merges.push(M(1, 0, 1, 8));
  rows.push(["项目名称", null, SC_PROJECT]);
  merges.push(M(2, 0, 2, 1), M(2, 2, 2, 8));
  rows.push(["主管部门", null, "某某县交通运输局", null, null, "实施单位", "某某县公路养护中心"]);
  merges.push(M(3, 0, 3, 1), M(3, 2, 3, 4), M(3, 6, 3, 8));
  // 预算执行率 分值 10, rate 98.58% → 9.86.
  rows.push(["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  rows.push([null, "年度资金总额", money(SC_BUDGET), money(SC_BUDGET), money(SC_EXECUTED), 10, "98.58%", 9.86]);
  rows.push([null, "其中：当年财政拨款", money(40), money(40), money(39.36), "—", null, "—"]);
  rows.push([null, "上年结转资金", money(5), money(5), money(5), "—", null, "—"]);
  rows.push([null, "其他资金", null, null, null, "—", null, "—"]);
  merges.push(M(4, 0, 8, 0));
  rows.push(["年度总体目标", "预期目标", null, null, null, "实际完成情况"]);
  rows.push([null, "完成县乡公路日常养护120公里，\n路况优良率不低于85%。", null, null, null, "完成日常养护126公里，\n路况优良率87%。"]);
  merges.push(M(9, 0, 10, 0), M(9, 1, 9, 4), M(9, 5, 9, 8), M(10, 1, 10, 4), M(10, 5, 10, 8));
  const header = rows.length;
  rows.push(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const inds: [string, string, string, string, string, number, number, string | null][] = [
    ["产出指标（50分）", "数量指标", "日常养护里程", "≥120公里", "126公里", 15, 15, null],
    ["产出指标（50分）", "质量指标", "路况优良率", "≥85%", "87%", 15, 15, null],
    ["产出指标（50分）", "时效指标", "养护任务完成时间", "2023年12月底前", "2023年12月底前", 10, 10, null],
    ["产出指标（50分）", "成本指标", "每公里养护补助", "≤3750元", "3520元", 10, 10, null],
    ["效益指标（30分）", "社会效益指标", "农村群众出行条件", "明显改善", "明显改善", 15, 15, null],
    ["效益指标（30分）", "可持续影响指标", "养护长效机制", "逐步健全", "基本健全", 15, 12, "部分乡镇养护责任尚未落实到人，下一年度纳入考核"],
    ["满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 10, 10, null],
  ];
  const first = rows.length;
  let s = first;
  inds.forEach((x, k) => {
    const newL1 = k === 0 || inds[k - 1][0] !== x[0];
    if (newL1 && k > 0 && rows.length - 1 > s) merges.push(M(s, 1, rows.length - 1, 1));
    if (newL1) s = rows.length;
    rows.push([null, newL1 ? x[0] : null, x[1], x[2], x[3], x[4], x[5], x[6], x[7]]);
  });
  if (rows.length - 1 > s) merges.push(M(s, 1, rows.length - 1, 1));
  merges.push(M(header, 0, rows.length - 1, 0));
  // 9.86 + 87 = 96.86
  rows.push(["总分", null, null, null, null, null, 100, 96.86]);
  merges.push(M(rows.length - 1, 0, rows.length - 1, 5));
  rows.push(["评价等次", null, "优"]);
  merges.push(M(rows.length - 1, 0, rows.length - 1, 1));
  void first;
  return { rows, merges };
}

/** 项目支出绩效评价表 (四川 scored layout, columns A–F). */
function sichuanEvaluation(): { rows: Rows; merges: string[] } {
  const rows: Rows = [];
  const merges: string[] = [];
  rows.push(["项目支出绩效评价表"]);
  merges.push(M(0, 0, 0, 5));
  rows.push(["项目名称", SC_PROJECT, null, "主管部门", "某某县交通运输局"]);
  merges.push(M(1, 1, 1, 2), M(1, 4, 1, 5));
  rows.push(["预算数（万元）", money(SC_BUDGET), null, "执行数（万元）", money(SC_EXECUTED)]);
  merges.push(M(2, 1, 2, 2), M(2, 4, 2, 5));
  rows.push(["一级指标", "二级指标", "三级指标", "分值", "评分说明", "得分"]);
  const items: [string, string, string, number, string, number][] = [
    ["决策（20分）", "项目立项", "立项依据充分性", 5, "立项依据充分，符合县级交通发展规划", 5],
    ["决策（20分）", "项目立项", "立项程序规范性", 5, "按规定程序申报审批", 5],
    ["决策（20分）", "绩效目标", "绩效目标合理性", 5, "目标与养护任务匹配", 5],
    ["决策（20分）", "资金投入", "预算编制科学性", 5, "预算依据养护里程测算，个别单价偏高", 4],
    ["过程（20分）", "资金管理", "预算执行率", 10, "44.36/45=98.58%", 9.86],
    ["过程（20分）", "资金管理", "资金使用合规性", 5, "未发现违规使用资金", 5],
    ["过程（20分）", "组织实施", "管理制度执行有效性", 5, "养护台账个别月份记录不全", 4],
    ["产出（40分）", "产出数量", "日常养护里程完成率", 15, "126/120=105%，以分值为限", 15],
    ["产出（40分）", "产出质量", "路况优良率达标情况", 10, "路况优良率87%，达到目标", 10],
    ["产出（40分）", "产出时效", "完成及时性", 5, "按期完成", 5],
    ["产出（40分）", "产出成本", "成本节约情况", 10, "每公里补助低于标准", 10],
    ["效益（20分）", "项目效益", "社会效益", 10, "群众出行条件明显改善", 10],
    ["效益（20分）", "项目效益", "可持续影响", 5, "长效机制基本健全", 4],
    ["效益（20分）", "满意度", "服务对象满意度", 5, "满意度93%", 5],
  ];
  let s = rows.length;
  items.forEach((it, k) => {
    const newL1 = k === 0 || items[k - 1][0] !== it[0];
    if (newL1 && k > 0 && rows.length - 1 > s) merges.push(M(s, 0, rows.length - 1, 0));
    if (newL1) s = rows.length;
    rows.push([newL1 ? it[0] : null, it[1], it[2], it[3], it[4], it[5]]);
  });
  if (rows.length - 1 > s) merges.push(M(s, 0, rows.length - 1, 0));
  // 19 + 18.86 + 40 + 19 = 96.86
  rows.push(["合计", null, null, 100, null, 96.86]);
  merges.push(M(rows.length - 1, 0, rows.length - 1, 2));
  rows.push(["评价等次", "优"]);
  return { rows, merges };
}

/** Row of the 评价表 item whose 三级指标 is `name`. */
function evalRow(name: string): number {
  const i = sichuanEvaluation().rows.findIndex((r) => r[2] === name);
  if (i < 0) throw new Error(`no item ${name}`);
  return i;
}
const evalTotalRow = () => sichuanEvaluation().rows.findIndex((r) => r[0] === "合计");
const selfRow = (label: string) => sichuanSelfEval().rows.findIndex((r) => r[1] === label || r[0] === label);

export const SICHUAN_EVAL: PerfLayoutDoc = {
  name: "sichuan-selfeval-evaluation",
  sheets: () => [
    { name: SELF, ...sichuanSelfEval() },
    { name: EVAL, ...sichuanEvaluation() },
  ],
  kinds: ["perfSelfEval", "perfFramework"],
  plants: [
    {
      id: "group-points",
      what: "“过程（25分）”标明的分值与其下各指标分值之和（20）不符",
      rule: "perf.framework.group-points",
      severity: "error",
      apply: (s) => {
        s[EVAL][evalRow("预算执行率")][0] = "过程（25分）";
      },
      at: [EVAL, evalRow("预算执行率"), 0],
    },
    {
      id: "rubric",
      what: "预算执行率完成比例 44.36/45=98.58%，按比例应得 9.86 分，表中给了 10 分（合计随之改为 97）",
      rule: "perf.framework.rubric",
      severity: "warning",
      apply: (s) => {
        s[EVAL][evalRow("预算执行率")][5] = 10;
        s[EVAL][evalTotalRow()][5] = 97;
      },
      at: [EVAL, evalRow("预算执行率"), 5],
    },
    {
      id: "executed-differs",
      what: "评价表的执行数（43.36）与自评表的全年执行数（44.36）不同",
      rule: "perf.project.same-figures",
      severity: "error",
      apply: (s) => {
        s[EVAL][2][4] = money(43.36);
      },
      at: [EVAL, 2, 4],
    },
    {
      id: "selfeval-total",
      what: "自评表总分（97.86）不等于各项得分之和（96.86）",
      rule: "perf.selfeval.total",
      severity: "error",
      apply: (s) => {
        s[SELF][selfRow("总分")][7] = 97.86;
      },
      at: [SELF, selfRow("总分"), 7],
    },
    {
      id: "framework-total",
      what: "评价表合计得分（95.86）不等于各项得分之和（96.86）",
      rule: "perf.framework.total",
      severity: "error",
      apply: (s) => {
        s[EVAL][evalTotalRow()][5] = 95.86;
      },
      at: [EVAL, evalTotalRow(), 5],
    },
  ],
};

// ---------------------------------------------------------------- 湖北 outline 绩效目标表

/**
 * OUTLINE_TARGETS: 项目绩效目标表 whose indicators sit in one column, their levels
 * written as an outline ("一、产出指标" / "（一）数量指标" / "1.培训人次"), with a 指标值
 * column beside it — the simplified form several 市/县 publish. Two tables on one
 * sheet, 年度资金总额 as a label/value line.
 */
interface OutlineTarget {
  title: string;
  project: string;
  total: number;
  fiscal: number;
  goal: string;
  /** [一级, [二级, [name, value][]][]][] */
  tree: [string, [string, [string, string][]][]][];
}

const OUTLINE: OutlineTarget[] = [
  {
    title: "某某市人力资源和社会保障局2025年职业技能提升培训项目绩效目标表",
    project: "职业技能提升培训项目",
    total: 20,
    fiscal: 20,
    goal: "全年开展职业技能提升培训不少于500人次，培训合格率不低于95%，提升劳动者就业能力。",
    tree: [
      ["产出指标", [
        ["数量指标", [["培训人次", "≥500人次"], ["培训班期数", "≥10期"]]],
        ["质量指标", [["培训合格率", "≥95%"]]],
        ["时效指标", [["培训完成时间", "2025年11月底前"]]],
        ["成本指标", [["人均培训成本", "≤400元"], ["培训总成本", "≤20万元"]]],
      ]],
      ["效益指标", [["社会效益指标", [["参训人员就业率", "≥70%"]]], ["可持续影响指标", [["培训长效机制", "逐步完善"]]]]],
      ["满意度指标", [["服务对象满意度指标", [["参训学员满意度", "≥90%"]]]]],
    ],
  },
  {
    title: "某某市人力资源和社会保障局2025年劳动保障监察执法项目绩效目标表",
    project: "劳动保障监察执法项目",
    total: 12.5,
    fiscal: 12.5,
    goal: "依法查处劳动保障违法案件，结案率不低于95%，为劳动者追讨欠薪。",
    tree: [
      ["产出指标", [
        ["数量指标", [["检查用人单位户数", "≥300户"]]],
        ["质量指标", [["案件结案率", "≥95%"]]],
        ["时效指标", [["案件办理时限", "≤60个工作日"]]],
        ["成本指标", [["执法办案经费", "≤12.5万元"]]],
      ]],
      ["效益指标", [["社会效益指标", [["为劳动者追讨欠薪金额", "≥200万元"]]]]],
      ["满意度指标", [["服务对象满意度指标", [["投诉人满意度", "≥90%"]]]]],
    ],
  },
];

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function outlineBlock(t: OutlineTarget): { rows: Rows; merges: string[]; indicatorRow: Record<string, number>; header: number } {
  const rows: Rows = [];
  const merges: string[] = [];
  rows.push([t.title]);
  merges.push(M(0, 0, 0, 3));
  rows.push(["单位：万元"]);
  rows.push(["项目名称", t.project, "主管部门", "某某市人力资源和社会保障局"]);
  rows.push(["年度资金总额", money(t.total), "其中：财政拨款", money(t.fiscal)]);
  rows.push(["年度绩效目标", t.goal]);
  merges.push(M(rows.length - 1, 1, rows.length - 1, 3));
  const header = rows.length;
  rows.push(["绩效指标", null, "指标值"]);
  merges.push(M(header, 0, header, 1), M(header, 2, header, 3));
  const indicatorRow: Record<string, number> = {};
  t.tree.forEach(([l1, subs], i) => {
    rows.push([`${CN[i]}、${l1}`]);
    merges.push(M(rows.length - 1, 0, rows.length - 1, 3));
    subs.forEach(([l2, inds], j) => {
      rows.push([`（${CN[j]}）${l2}`]);
      merges.push(M(rows.length - 1, 0, rows.length - 1, 3));
      inds.forEach(([name, v], k) => {
        indicatorRow[name] = rows.length;
        rows.push([`${k + 1}.${name}`, null, v]);
        merges.push(M(rows.length - 1, 0, rows.length - 1, 1), M(rows.length - 1, 2, rows.length - 1, 3));
      });
    });
  });
  return { rows, merges, indicatorRow, header };
}

const OUTLINE_SHEET = "绩效目标表";

function outlineSheets(): { name: string; rows: Rows; merges: string[] }[] {
  const rows: Rows = [];
  const merges: string[] = [];
  for (const t of OUTLINE) {
    const off = rows.length;
    const b = outlineBlock(t);
    rows.push(...b.rows);
    for (const m of b.merges) merges.push(m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${parseInt(r, 10) + off}`));
    rows.push([], []);
  }
  return [{ name: OUTLINE_SHEET, rows, merges }];
}

function outlineRow(k: number, name: string): number {
  let off = 0;
  for (let i = 0; i < k; i++) off += outlineBlock(OUTLINE[i]).rows.length + 2;
  const r = outlineBlock(OUTLINE[k]).indicatorRow[name];
  if (r === undefined) throw new Error(`no indicator ${name}`);
  return off + r;
}

export const OUTLINE_TARGETS: PerfLayoutDoc = {
  name: "outline-targets",
  sheets: outlineSheets,
  kinds: ["perfTarget", "perfTarget"],
  plants: [
    {
      id: "cost-above-funds",
      what: "成本指标“培训总成本”（≤26万元）超过年度资金总额 20 万元",
      rule: "perf.target.cost-ceiling",
      severity: "warning",
      apply: (s) => {
        s[OUTLINE_SHEET][outlineRow(0, "培训总成本")][2] = "≤26万元";
      },
      at: [OUTLINE_SHEET, outlineRow(0, "培训总成本"), 2],
    },
    {
      id: "bare-unit",
      what: "指标值只写了“%”，没有数值",
      rule: "perf.target.value-parse",
      severity: "error",
      apply: (s) => {
        s[OUTLINE_SHEET][outlineRow(1, "案件结案率")][2] = "%";
      },
      at: [OUTLINE_SHEET, outlineRow(1, "案件结案率"), 2],
    },
    {
      id: "direction",
      what: "满意度写成了上限（≤90%）",
      rule: "perf.target.direction",
      severity: "warning",
      apply: (s) => {
        s[OUTLINE_SHEET][outlineRow(0, "参训学员满意度")][2] = "≤90%";
      },
      at: [OUTLINE_SHEET, outlineRow(0, "参训学员满意度"), 2],
    },
  ],
};

export const PERF_LAYOUT_DOCS = [HEBEI_TARGETS, SICHUAN_EVAL, OUTLINE_TARGETS];

export function perfLayoutWorkbook(doc: PerfLayoutDoc, plant?: PerfLayoutPlant): WorkbookSnapshot {
  const sheets = doc.sheets().map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  if (plant) {
    const byName: Record<string, Rows> = {};
    for (const s of sheets) byName[s.name] = s.rows;
    plant.apply(byName);
  }
  const specs: SheetSpec[] = sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges, numberFormat: "General" }));
  return buildWorkbook(`${doc.name}${plant ? `--${plant.id}` : ""}.xlsx`, specs);
}
