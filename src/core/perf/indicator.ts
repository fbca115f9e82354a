/**
 * Performance indicator values (指标值 / 实际完成值) as clerks write them:
 *
 *   "≥95%"  ">=3次"  "≤1天"  "=1套"  "<1.5万"  "20000人次"  "6 万册"  "不低于800万"
 *   "10%以内"  "5项以上"  "90%-100%"  "较上年提高2个百分点"
 *   "12月底前"  "2022年12月31日前"  "每月10日前"  "每季度第一个月15日内"  "=10月份"
 *   "有效提高"  "明显遏制"  "持续保障"  "按时完成"  "普遍知晓"
 *
 * parseIndicatorValue() returns a structured value: a quantity (comparator,
 * number as a Decimal with the decimals written, multiplier 万/亿, unit), a range,
 * a deadline, a qualitative phrase, or a problem (empty, a bare unit such as
 * "%", text that cannot be read). Pure: no cell, no table, no floating point.
 */
import { Decimal } from "../amount/decimal";

export type Comparator = ">=" | "<=" | "=" | ">" | "<";
export type ValueKind = "quantity" | "range" | "deadline" | "qualitative" | "empty" | "invalid";

export interface Quantity {
  /** The number as written (before the multiplier): 6 in "6万册". */
  value: Decimal;
  /** Decimals written. */
  decimals: number;
}

export interface Deadline {
  year?: number;
  month?: number;
  day?: number;
  /** "12月底", "12月末". */
  endOfMonth?: boolean;
  /** "年底", "2022年底". */
  endOfYear?: boolean;
  /** A period that repeats: "每月10日前", "每季度第一个月15日内". */
  recurring?: "每月" | "每季度" | "每半年" | "每年" | "每周";
  /** Month within the recurring period ("每季度第一个月" → 1). */
  periodMonth?: number;
  /** 前 / 之前 / 不晚于 → before; 内 / 以内 → within; otherwise at. */
  bound: "before" | "within" | "at";
  /** Words after the deadline ("每月10日内上报上月报" → "上报上月报"). */
  note?: string;
}

export type ProblemCode = "empty" | "bare-unit" | "unparseable";

export interface IndicatorValue {
  /** Text as written in the cell (trimmed). */
  raw: string;
  kind: ValueKind;
  comparator?: Comparator;
  /** The comparator as written: "≥", ">=", "不低于", "以上"… */
  comparatorText?: string;
  /** Quantity (and lower bound of a range). */
  number?: Quantity;
  /** Upper bound of a range ("90%-100%"). */
  upper?: Quantity;
  /** 万 → 10000, 亿 → 100000000, 千 → 1000 (1 when none). */
  multiplier?: Decimal;
  multiplierText?: string;
  /** Unit after the multiplier: "元" for "万元", "册" for "万册", "%", "个工作日"…; undefined when none was written. */
  unit?: string;
  /** Everything written after the number: "万元", "%", "人次". */
  unitText?: string;
  /** A number with no unit at all ("20", "90"). */
  noUnit?: boolean;
  /** Relative target: "较上年提高2个百分点" (increase) or "下降5%" (decrease). */
  relative?: "increase" | "decrease";
  deadline?: Deadline;
  /** Qualitative words after a figure ("100%完成" → "完成"). */
  note?: string;
  /** Qualitative phrase (normalised text). */
  phrase?: string;
  problem?: { code: ProblemCode; message: string };
}

const PLACEHOLDERS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "…", "……", "...", "......", "无数据", "空"]);

/** Comparator words written before the figure, longest first. */
const PREFIX_COMPARATORS: [string, Comparator][] = (
  [
    ["大于或等于", ">="],
    ["小于或等于", "<="],
    ["大于等于", ">="],
    ["小于等于", "<="],
    [">=", ">="],
    ["≥=", ">="],
    ["=>", ">="],
    ["<=", "<="],
    ["≤=", "<="],
    ["=<", "<="],
    ["≥", ">="],
    ["≧", ">="],
    ["⩾", ">="],
    ["≤", "<="],
    ["≦", "<="],
    ["⩽", "<="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["不小于", ">="],
    ["至少", ">="],
    ["达到", ">="],
    ["不高于", "<="],
    ["不超过", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["不晚于", "<="],
    ["最多", "<="],
    ["控制在", "<="],
    ["大于", ">"],
    ["高于", ">"],
    ["多于", ">"],
    ["超过", ">"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
    ["等于", "="],
    ["==", "="],
    [">", ">"],
    ["<", "<"],
    ["=", "="],
    ["约", "="],
  ] as [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length);

/** Comparator words written after the figure. */
const SUFFIX_COMPARATORS: [string, Comparator][] = (
  [
    ["及以上", ">="],
    ["以上", ">="],
    ["及以下", "<="],
    ["以下", "<="],
    ["以内", "<="],
    ["之内", "<="],
    ["内", "<="],
    ["之前", "<="],
    ["以前", "<="],
    ["前", "<="],
    ["左右", "="],
  ] as [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length);

/** The comparator words by their first (prefixes) or last (suffixes) character, each list in the order above. */
function indexBy(list: [string, Comparator][], at: (w: string) => string): Map<string, [string, Comparator][]> {
  const m = new Map<string, [string, Comparator][]>();
  for (const e of list) {
    const k = at(e[0]);
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  }
  return m;
}
const PREFIX_BY_FIRST = indexBy(PREFIX_COMPARATORS, (w) => w.charAt(0));
const SUFFIX_BY_LAST = indexBy(SUFFIX_COMPARATORS, (w) => w.charAt(w.length - 1));
const NO_COMPARATORS: [string, Comparator][] = [];

const RELATIVE_RE = /^(?:较上年|比上年|较去年|比去年|同比|较上年度|比上年度|较\d{4}年)?(增长|提高|提升|增加|上升|下降|降低|减少|缩短|压缩|压减)了?/;

/** Units a figure may carry (after an optional multiplier). Longest first when matching. */
const UNITS = [
  "个百分点", "百分点", "个工作日", "工作日", "个月", "人次", "人天", "人日", "户次", "家次", "件次", "批次", "班次", "台套", "台(套)",
  "课时", "学时", "学分", "小时", "分钟", "平方米", "平米", "立方米", "公顷", "公里", "千米", "千克", "公斤", "个点",
  "元", "人", "户", "家", "个", "次", "项", "条", "套", "册", "本", "份", "篇", "场", "期", "批", "班", "天", "日", "周", "月", "年",
  "秒", "辆", "台", "件", "处", "所", "座", "间", "张", "部", "名", "位", "床", "株", "棵", "亩", "吨", "斤", "米", "倍", "宗",
  "单", "例", "起", "轮", "类", "种", "村", "镇", "区", "县", "校", "节", "门", "支", "队", "组", "点", "盏", "根", "块", "只", "头", "羽", "片",
  "GB", "TB", "M", "km", "m2", "㎡", "kg", "t", "%", "‰", "分", "元/人", "元/次",
].sort((a, b) => b.length - a.length);

const UNIT_SET = new Set(UNITS);

const MULTIPLIERS: [string, string][] = [
  ["百万", "1000000"],
  ["千万", "10000000"],
  ["万", "10000"],
  ["亿", "100000000"],
  ["千", "1000"],
];

/**
 * Words that make a text a qualitative target or outcome ("有效提高", "明显遏制",
 * "持续保障", "按时完成", "普遍知晓", "得到提升", "全年开展"…).
 */
const QUALITATIVE_WORDS = [
  "提高", "提升", "改善", "增强", "加强", "强化", "完善", "优化", "规范", "保障", "保证", "确保", "落实", "实现", "完成", "达到",
  "达标", "达成", "满足", "符合", "合格", "良好", "优良", "优秀", "有效", "明显", "显著", "持续", "稳定", "稳步", "逐步", "不断",
  "进一步", "全面", "基本", "普遍", "按时", "按期", "及时", "准时", "如期", "足额", "降低", "减少", "减轻", "遏制", "控制", "节约",
  "节省", "促进", "推动", "推进", "带动", "发挥", "营造", "形成", "建立", "健全", "开展", "覆盖", "公开", "知晓", "满意", "认可",
  "好评", "安全", "正常", "顺利", "平稳", "可持续", "长效", "长期", "杜绝", "避免", "畅通", "便捷", "便利", "高效", "全年", "当年",
  "年度", "较好", "较高", "较大", "一定", "大幅", "得到", "有所", "逐年", "增加", "扩大", "丰富", "规定时限", "规定时间", "按规定",
  "按要求", "曝光", "宣传", "恢复", "改进", "巩固", "维护", "维持", "增进", "深化", "加快", "支持", "服务", "发展", "上升", "下降",
  "预算", "标准", "规定", "要求", "计划", "范围", "合同", "批复", "无", "未发生", "零", "是", "否", "好", "高", "优", "良", "强", "达到预期", "预期", "效果", "效益", "影响", "作用", "水平", "能力",
];

const QUAL_RE = new RegExp(QUALITATIVE_WORDS.sort((a, b) => b.length - a.length).map(escapeRe).join("|"));

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** Folds full-width characters (digits, ％, ＞, ＝, brackets), removes spaces and thousands separators inside numbers. */
const NEEDS_NFKC = /[\u2000-\u206f\u2150-\u218f\u2460-\u24ff\u3000-\u303f\u3200-\u33ff\uff00-\uffef]/;

export function foldIndicatorText(text: string): string {
  let s = text ?? "";
  if (NEEDS_NFKC.test(s)) s = s.normalize("NFKC");
  s = s.replace(/[\s\u3000\u00a0\u200b]+/g, "");
  // The replacements below change nothing in most values ("≥95%", "12月底前"): skipped then.
  if (!FOLDED_CHARS.test(s)) return s;
  // Full-width comma between digit groups ("1，000") and thousands separators.
  s = s.replace(/(\d)[,，](?=\d{3}(?!\d))/g, "$1");
  s = s.replace(/。/g, ".").replace(/[～〜]/g, "~").replace(/[—–－]/g, "-");
  return s;
}

/** The characters the last replacements of foldIndicatorText() act on. */
const FOLDED_CHARS = /[,，。～〜—–－]/;

function quantity(text: string): Quantity {
  const dot = text.indexOf(".");
  // Digits only (the pattern that found the figure): up to 15 of them are an exact integer, which decimal.js takes directly.
  const value = dot < 0 && text.length <= 15 ? new Decimal(parseInt(text, 10)) : new Decimal(text);
  return { value, decimals: dot < 0 ? 0 : text.length - dot - 1 };
}

/** Reads a unit (with optional multiplier) that must make up all of `rest`. */
function readUnit(rest: string): { multiplier?: [string, string]; unit?: string; ok: boolean } {
  if (rest === "") return { ok: true };
  if (isUnit(rest)) return { unit: canonicalUnit(rest), ok: true };
  for (const m of MULTIPLIERS) {
    if (!rest.startsWith(m[0])) continue;
    const after = rest.slice(m[0].length);
    if (after === "") return { multiplier: m, ok: true };
    if (isUnit(after)) return { multiplier: m, unit: canonicalUnit(after), ok: true };
  }
  return { ok: false };
}

/** A unit at the start of `rest` followed by qualitative words ("%完成", "次以上完成"). */
function readUnitLoose(rest: string): { unit: ReturnType<typeof readUnit>; note: string } | undefined {
  for (let i = Math.min(rest.length - 1, 6); i >= 1; i--) {
    const head = rest.slice(0, i);
    const tail = rest.slice(i);
    if (!/^[\u4e00-\u9fa5]+$/.test(tail) || !QUAL_RE.test(tail)) continue;
    const u = readUnit(head);
    if (u.ok && (u.unit || u.multiplier)) return { unit: u, note: tail };
  }
  return undefined;
}

/** A known unit, a compound of known units ("元/人/年", "次/年"), or a short unknown measure word (1 CJK character). */
function isUnit(s: string): boolean {
  if (UNIT_SET.has(s)) return true;
  if (s.includes("/")) {
    const parts = s.split("/");
    return parts.every((p, i) => UNIT_SET.has(p) || (i === 0 && readUnitNoCompound(p)));
  }
  return false;
}

function readUnitNoCompound(p: string): boolean {
  for (const m of MULTIPLIERS) if (p.startsWith(m[0]) && UNIT_SET.has(p.slice(m[0].length))) return true;
  return false;
}

function canonicalUnit(u: string): string {
  if (u === "工作日") return "个工作日";
  if (u === "百分点" || u === "个点") return "个百分点";
  if (u === "台(套)" || u === "台套") return "台套";
  if (u === "平米" || u === "m2" || u === "㎡") return "平方米";
  if (u === "公斤" || u === "kg") return "千克";
  if (u === "日") return "天";
  return u;
}

const DATE_SUFFIX: [string, Deadline["bound"]][] = [
  ["之前", "before"],
  ["以前", "before"],
  ["前", "before"],
  ["以内", "within"],
  ["之内", "within"],
  ["内", "within"],
  ["止", "before"],
];

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  return CN_DIGITS[s];
}

/** Deadlines and dates: "12月底前", "2022年12月31日前", "每月10日前", "每季度第一个月15日内", "10月份", "年底前". */
export function parseDeadline(body: string, comparator?: Comparator): Deadline | undefined {
  let s = body;
  let bound: Deadline["bound"] = comparator === "<=" || comparator === "<" ? "before" : "at";
  const d: Deadline = { bound };
  // Recurring periods.
  const rec = /^(每月|每季度|每季|每半年|每年|每周)(?:第([一二三1-3])个?月)?/.exec(s);
  if (rec) {
    d.recurring = (rec[1] === "每季" ? "每季度" : rec[1]) as Deadline["recurring"];
    if (rec[2]) d.periodMonth = cnNumber(rec[2]);
    s = s.slice(rec[0].length);
    const rest = /^(\d{1,2})月/.exec(s);
    if (rest && d.recurring === "每年") {
      d.month = parseInt(rest[1], 10);
      s = s.slice(rest[0].length);
    }
    const day = /^(\d{1,2})(?:日|号)/.exec(s);
    if (day) {
      d.day = parseInt(day[1], 10);
      s = s.slice(day[0].length);
    } else if (/^(底|末)/.test(s)) {
      d.endOfMonth = true;
      s = s.slice(1);
    } else if (!d.periodMonth && !d.month) return undefined;
  } else {
    const full = /^(?:(\d{4})年)?(?:(\d{1,2})月(?:份)?)?(?:(\d{1,2})(?:日|号))?/.exec(s);
    const year = full && full[1] ? parseInt(full[1], 10) : undefined;
    const month = full && full[2] ? parseInt(full[2], 10) : undefined;
    const day = full && full[3] ? parseInt(full[3], 10) : undefined;
    if (full && (year !== undefined || month !== undefined) && (month === undefined || (month >= 1 && month <= 12)) && (day === undefined || (day >= 1 && day <= 31))) {
      if (day !== undefined && month === undefined) return undefined;
      d.year = year;
      d.month = month;
      d.day = day;
      s = s.slice(full[0].length);
      if (month !== undefined && day === undefined && /^(底|末)/.test(s)) {
        d.endOfMonth = true;
        s = s.slice(1);
      } else if (month === undefined && /^(底|末)/.test(s)) {
        d.endOfYear = true;
        s = s.slice(1);
      } else if (month === undefined && /^(内|度内)/.test(s)) {
        d.endOfYear = true;
        d.bound = "within";
        bound = "within";
        s = s.slice(/^度内/.test(s) ? 2 : 1);
      } else if (/^(上旬|中旬|下旬)/.test(s)) {
        d.day = s.startsWith("上") ? 10 : s.startsWith("中") ? 20 : 31;
        s = s.slice(2);
      }
    } else {
      const ye = /^(?:年底|年末|年终)/.exec(s);
      if (!ye) return undefined;
      d.endOfYear = true;
      s = s.slice(ye[0].length);
    }
  }
  for (const [w, b] of DATE_SUFFIX) {
    if (s.startsWith(w)) {
      bound = b;
      s = s.slice(w.length);
      break;
    }
  }
  d.bound = bound;
  if (s) {
    // Words after a deadline are a note ("上报上月报"); digits there mean something else.
    if (/\d/.test(s) || !/^[\u4e00-\u9fa5]+$/.test(s)) return undefined;
    d.note = s;
  }
  return d;
}

function problem(raw: string, code: ProblemCode, message: string): IndicatorValue {
  return { raw, kind: code === "empty" ? "empty" : "invalid", problem: { code, message } };
}

/** A whole text that is only a unit ("%", "万元", "人次"), possibly with a comparator ("≥%"). */
function isBareUnit(s: string): boolean {
  if (s === "") return false;
  const r = readUnit(s);
  return r.ok && (r.unit !== undefined || r.multiplier !== undefined);
}

/**
 * Parses one indicator value. Never throws; anything it cannot read comes back
 * with a `problem`.
 */
export function parseIndicatorValue(text: string | number | null | undefined): IndicatorValue {
  const raw = (text === null || text === undefined ? "" : String(text)).trim();
  let s = foldIndicatorText(raw);
  s = s.replace(/[。.,;；、]+$/, "");
  if (PLACEHOLDERS.has(s)) return problem(raw, "empty", "指标值为空");

  // Comparator before the figure.
  let comparator: Comparator | undefined;
  let comparatorText: string | undefined;
  for (const [w, c] of PREFIX_BY_FIRST.get(s.charAt(0)) ?? NO_COMPARATORS) {
    if (s.startsWith(w)) {
      comparator = c;
      comparatorText = w;
      s = s.slice(w.length);
      break;
    }
  }
  // Relative targets: "较上年提高2个百分点", "下降5%".
  let relative: IndicatorValue["relative"];
  const rel = RELATIVE_RE.exec(s);
  if (rel && /\d/.test(s.slice(rel[0].length, rel[0].length + 1))) {
    relative = /下降|降低|减少|缩短|压缩|压减/.test(rel[1]) ? "decrease" : "increase";
    s = s.slice(rel[0].length);
    if (!comparator) {
      comparator = ">=";
      comparatorText = rel[0];
    }
  }
  if (s === "") return problem(raw, "bare-unit", `指标值“${raw}”只有比较符，没有数值和单位`);
  if (isBareUnit(s)) return problem(raw, "bare-unit", `指标值“${raw}”只有单位，没有数值`);

  // Deadlines and dates.
  if (/月|年底|年末|年终|日前|号前|每周/.test(s) && !/^\d+(\.\d+)?个月/.test(s) && !/^\d+(\.\d+)?(年|月|天|日)$/.test(s)) {
    const dl = parseDeadline(s, comparator);
    if (dl) {
      if (comparator === ">=" || comparator === ">") {
        // "不早于…" is unusual but legal: keep the comparator.
      }
      return { raw, kind: "deadline", comparator: comparator ?? (dl.bound === "at" ? undefined : "<="), comparatorText, deadline: dl };
    }
  }

  // Quantities and ranges.
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(s);
  if (m) {
    const first = m[1];
    let rest = m[2];
    // Suffix comparator ("5项以上", "10%以内", "1天内").
    let suffixCmp: [string, Comparator] | undefined;
    for (const sc of SUFFIX_BY_LAST.get(rest.charAt(rest.length - 1)) ?? NO_COMPARATORS) {
      if (rest.endsWith(sc[0])) {
        suffixCmp = sc;
        rest = rest.slice(0, rest.length - sc[0].length);
        break;
      }
    }
    // Range: "90%-100%", "5~10个", "3至5次".
    const range = /^([^\d]*?)(?:-|~|至|到)(\d+(?:\.\d+)?)(.*)$/.exec(rest);
    if (range && !comparator && !suffixCmp) {
      const u1 = readUnit(range[1]);
      const u2 = readUnit(range[3]);
      if (u1.ok && u2.ok) {
        const unitSpec = u2.unit || u2.multiplier ? u2 : u1;
        const lo = quantity(first);
        const hi = quantity(range[2]);
        return {
          raw,
          kind: "range",
          number: lo,
          upper: hi,
          multiplier: new Decimal(unitSpec.multiplier?.[1] ?? 1),
          multiplierText: unitSpec.multiplier?.[0],
          unit: unitSpec.unit,
          unitText: range[3] || range[1] || undefined,
          noUnit: !unitSpec.unit && !unitSpec.multiplier,
        };
      }
    }
    let u = readUnit(rest);
    let note: string | undefined;
    if (!u.ok) {
      const loose = readUnitLoose(rest);
      if (loose) {
        u = loose.unit;
        note = loose.note;
      }
    }
    if (u.ok) {
      if (suffixCmp && !comparator) {
        comparator = suffixCmp[1];
        comparatorText = suffixCmp[0];
      }
      return {
        raw,
        kind: "quantity",
        comparator,
        comparatorText,
        number: quantity(first),
        multiplier: new Decimal(u.multiplier?.[1] ?? 1),
        multiplierText: u.multiplier?.[0],
        unit: u.unit,
        unitText: rest || undefined,
        noUnit: !u.unit && !u.multiplier,
        relative,
        note,
      };
    }
    return problem(raw, "unparseable", `指标值“${raw}”无法识别：数值后的“${m[2]}”不是计量单位`);
  }

  // Qualitative phrases: no digits, and a known qualitative word.
  if (!/\d/.test(s)) {
    if (QUAL_RE.test(s)) return { raw, kind: "qualitative", comparator, comparatorText, phrase: foldIndicatorText(raw) };
    return problem(raw, "unparseable", `指标值“${raw}”既不是“比较符＋数值＋单位”，也不是可判断的定性表述`);
  }
  return problem(raw, "unparseable", `指标值“${raw}”无法识别（应写成“比较符＋数值＋单位”，如“≥95%”“≤1天”“=1套”）`);
}

/**
 * The value in base units (number × multiplier), for a quantity. Values are shared
 * by every form that writes the same text and never modified, so the product is
 * worked out once per value.
 */
export function baseValue(v: IndicatorValue, which: "number" | "upper" = "number"): Decimal | undefined {
  const q = which === "number" ? v.number : v.upper;
  if (!q) return undefined;
  if (!v.multiplier) return q.value;
  let known = baseValues.get(v);
  if (!known) {
    known = {};
    baseValues.set(v, known);
  }
  return (known[which] ??= q.value.times(v.multiplier));
}

const baseValues = new WeakMap<IndicatorValue, { number?: Decimal; upper?: Decimal }>();

/** Money in 元 when the value is an amount: "万元", "元", or a bare "万"/"亿" (read as 万元 where money is meant). */
export function moneyInYuan(v: IndicatorValue, moneyContext: boolean): Decimal | undefined {
  if (v.kind !== "quantity" && v.kind !== "range") return undefined;
  const hi = v.kind === "range" ? baseValue(v, "upper") : baseValue(v);
  if (!hi) return undefined;
  if (v.unit === "元") return hi;
  if (!v.unit && v.multiplier && !v.multiplier.eq(1) && moneyContext) return hi;
  return undefined;
}

/** Whether two values carry the same unit (after the multiplier), so their base values compare. */
export function sameUnit(a: IndicatorValue, b: IndicatorValue): boolean {
  if (a.unit === b.unit) return true;
  return false;
}

export function comparatorSymbol(c: Comparator | undefined): string {
  switch (c) {
    case ">=":
      return "≥";
    case "<=":
      return "≤";
    case ">":
      return ">";
    case "<":
      return "<";
    case "=":
      return "=";
    default:
      return "";
  }
}

/** Whether a qualitative outcome says the target was only partly met or not met. */
export function qualitativeOutcome(phrase: string): "met" | "partial" | "unmet" | "unknown" {
  if (/未达成|未完成|未实现|未达到|没有完成|没有达到|未能|不达标|不合格|未开展|未落实/.test(phrase)) return "unmet";
  if (/部分|基本|初步|大部|一定程度|有待|尚未全部|未全部/.test(phrase)) return "partial";
  if (/达成|完成|实现|达到|达标|已|按时|按期|如期|是|合格|满足|符合/.test(phrase)) return "met";
  return "unknown";
}

/** Ordinal of a non-recurring deadline (year × 10000 + month × 100 + day), for comparing two dates; undefined when not comparable. */
export function deadlineOrdinal(d: Deadline, defaultYear?: number): number | undefined {
  if (d.recurring) return undefined;
  const year = d.year ?? defaultYear ?? 0;
  if (d.endOfYear) return year * 10000 + 1231;
  if (d.month === undefined) return undefined;
  const day = d.day ?? (d.endOfMonth || d.bound !== "before" ? 31 : 0);
  return year * 10000 + d.month * 100 + day;
}

/** Same recurring deadline written twice ("每月10日前" / "每月10日前"). */
export function sameDeadline(a: Deadline, b: Deadline): boolean {
  return a.recurring === b.recurring && a.periodMonth === b.periodMonth && a.month === b.month && a.day === b.day && !!a.endOfMonth === !!b.endOfMonth && (a.year ?? 0) === (b.year ?? 0);
}

/** A short Chinese description of what was read, for messages and tests. */
export function describeValue(v: IndicatorValue): string {
  switch (v.kind) {
    case "quantity":
      return `${comparatorSymbol(v.comparator)}${v.number!.value.toFixed(v.number!.decimals)}${v.unitText ?? ""}`;
    case "range":
      return `${v.number!.value.toFixed(v.number!.decimals)}～${v.upper!.value.toFixed(v.upper!.decimals)}${v.unitText ?? ""}`;
    case "deadline":
      return `期限 ${v.raw}`;
    case "qualitative":
      return `定性 ${v.phrase}`;
    default:
      return v.problem?.message ?? v.raw;
  }
}
