/**
 * What an indicator measures, read from its 一级/二级/三级 names: its category
 * (产出 数量/质量/时效/成本, 效益, 满意度) and the direction a good result goes
 * (more is better, or less is better), with the reason in Chinese for messages.
 *
 * The direction is known only when the names say so (满意度, 覆盖率, 落实率, 违规率,
 * 成本, 时限, a 数量指标 count…); otherwise it is undefined and nothing is
 * asserted about it.
 */
import { IndicatorValue } from "./indicator";
import { memoByText } from "../util/memo";

export type TopCategory = "产出" | "效益" | "满意度" | "成本" | "其他";
export type SubCategory = "数量" | "质量" | "时效" | "成本" | "经济效益" | "社会效益" | "生态效益" | "可持续影响" | "满意度" | "其他";

export interface IndicatorNames {
  level1Name: string;
  level2Name: string;
  name: string;
}

/** The category a 一级指标 name gives (tested once per distinct name: every indicator of every form asks). */
export const topCategory = memoByText((level1: string): TopCategory => {
  if (/产出/.test(level1)) return "产出";
  if (/效益|效果/.test(level1)) return "效益";
  if (/满意/.test(level1)) return "满意度";
  if (/成本/.test(level1)) return "成本";
  return "其他";
});

export function subCategory(level2: string, level1 = ""): SubCategory {
  return subCategoryOf(level2 || level1);
}

const subCategoryOf = memoByText((s: string): SubCategory => {
  if (/数量/.test(s)) return "数量";
  if (/质量/.test(s)) return "质量";
  if (/时效|进度/.test(s)) return "时效";
  if (/成本/.test(s)) return "成本";
  if (/经济效益/.test(s)) return "经济效益";
  if (/社会效益/.test(s)) return "社会效益";
  if (/生态/.test(s)) return "生态效益";
  if (/可持续/.test(s)) return "可持续影响";
  if (/满意/.test(s)) return "满意度";
  return "其他";
});

export function isCostIndicator(n: IndicatorNames): boolean {
  return topCategory(n.level1Name) === "成本" || subCategory(n.level2Name) === "成本";
}

export type Direction = "higher" | "lower";

export interface DirectionHint {
  direction: Direction;
  /** Why, as a clerk would say it: "满意度类指标越高越好". */
  reason: string;
  /** A rate that must be high (满意度, 覆盖率, 落实率…). */
  highRate?: boolean;
}

const REDUCTION = /^(减轻|降低|减少|节约|节省|压缩|压减|下降|缩短)|减轻|节约|节省|挽回/;
const ENFORCEMENT = /受理|调处|调解|查处|查实|拒付|追回|追缴|追讨|讨回|清欠|排查|处理|打击|整改|化解|核查|检查|曝光|办结|纠正|处罚|移交|通报/;
const NEGATIVE = /违规|违纪|违法|差错|错误|失误|投诉|事故|超支|损失|不合格|逾期|延误|结余率|结转结余|空置|流失|死亡|辍学|返工|误差|发生率|滞留|拖欠|积压|漏报|缺陷|故障|欺诈|闲置/;
const HIGH_RATE = /(满意度|满意率|知晓率|知晓度|认可度|覆盖率|覆盖面|落实率|及时率|合格率|完成率|到位率|执行率|达标率|准确率|正确率|通过率|使用率|利用率|出勤率|足额率|发放率|参保率|办结率|运行率|符合率|受益率|达成率|优良率|入学率|普及率|完好率|结案率|回复率|响应率|处理率|兑现率|支付率|拨付率|上线率|联网率|接通率|成功率|有效率|采纳率|验收率|建成率|开工率|实施率|公开率|规范率|完整率|可用率|在线率|到岗率|报告率|检出率)$/;
const COST_NAME = /成本|费用|单价|均价|价格|经费|支出|投入|造价|开支|金额|资金/;
const STRONG_COST = /成本|费用|单价|均价|造价|开支/;
const TIME_NAME = /时限|期限|时长|用时|耗时|周期|所需时间|办理时间|报销时间|完成时间|工作日|天数/;
const TIME_UNITS = new Set(["天", "个工作日", "小时", "分钟", "秒", "周", "月", "个月", "年"]);

function isMoney(v?: IndicatorValue): boolean {
  if (!v || (v.kind !== "quantity" && v.kind !== "range")) return false;
  return v.unit === "元" || (!v.unit && !!v.multiplier && !v.multiplier.eq(1));
}

/**
 * The direction a good result goes for this indicator, when its names say so.
 * `value` (the target) helps tell a cost amount from a cost share.
 */
/**
 * Hints already worked out, per indicator and value: several rules (direction,
 * cost ceiling, scoring) ask for the same indicator's direction. The hint is a
 * function of the names and the value only, and is never modified.
 */
const hints = new WeakMap<IndicatorNames, Map<IndicatorValue | undefined, DirectionHint | null>>();

export function expectedDirection(n: IndicatorNames, value?: IndicatorValue): DirectionHint | undefined {
  let byValue = hints.get(n);
  if (!byValue) {
    byValue = new Map();
    hints.set(n, byValue);
  }
  const known = byValue.get(value);
  if (known !== undefined) return known ?? undefined;
  const hint = directionOf(n, value);
  byValue.set(value, hint ?? null);
  return hint;
}

function directionOf(n: IndicatorNames, value?: IndicatorValue): DirectionHint | undefined {
  const name = n.name;
  const sub = subCategory(n.level2Name, n.level1Name);
  const top = topCategory(n.level1Name);
  if (REDUCTION.test(name)) return { direction: "higher", reason: "“减少、节约、减轻”的数额越大越好" };
  const share = /率|比例|占比|比重/.test(name);
  const timeUnit = value && (value.kind === "quantity" || value.kind === "range") && value.unit !== undefined && TIME_UNITS.has(value.unit);
  // The limit of a piece of work ("隐患整改期限 ≤30天") and its unit cost ("单台设备检查成本 ≤200元") are ceilings whatever the work is.
  if (timeUnit && TIME_NAME.test(name)) return { direction: "lower", reason: "时限、时长类指标越短越好，应为上限" };
  if (!share && STRONG_COST.test(name) && isMoney(value)) return { direction: "lower", reason: "成本类指标（费用、金额）越低越好，应为上限" };
  // 满意度 is always a rate to raise, even of complainants ("投诉人满意度").
  if (/满意/.test(name)) return { direction: "higher", reason: "满意度类指标越高越好", highRate: true };
  if (ENFORCEMENT.test(name) && !/率$/.test(name)) return { direction: "higher", reason: "查处、追回、整改等工作量越大越好" };
  const rate = HIGH_RATE.exec(name);
  const neg = NEGATIVE.exec(name);
  // "投诉按时办结率": a rate to raise about a negative subject; "不合格率" stays negative (the negative word is part of the rate).
  if (rate && neg && neg.index + neg[0].length <= rate.index && !/[不未非无]$/.test(name.slice(0, rate.index))) return { direction: "higher", reason: `${rate[1]}类指标越高越好`, highRate: true };
  if (neg) return { direction: "lower", reason: "违规、差错、投诉、超支等负面指标越低越好" };
  if (top === "满意度" || sub === "满意度") return { direction: "higher", reason: "满意度类指标越高越好", highRate: true };
  if (rate) return { direction: "higher", reason: `${rate[1]}类指标越高越好`, highRate: true };
  // Money under 效益指标 is a benefit (经济效益: 增收, 节支, 追回), never a cost ceiling.
  if (!share && (top === "成本" || sub === "成本" || (COST_NAME.test(name) && top !== "效益")) && (isMoney(value) || (!value && top === "成本")))
    return { direction: "lower", reason: "成本类指标（费用、金额）越低越好，应为上限" };
  if (timeUnit && (sub === "时效" || TIME_NAME.test(name))) return { direction: "lower", reason: "时限、时长类指标越短越好，应为上限" };
  if (sub === "数量" && !share && value && (value.kind === "quantity" || value.kind === "range") && value.unit !== "%")
    return { direction: "higher", reason: "数量指标是要完成的工作量，应为下限（≥）或定值（=）" };
  return undefined;
}
