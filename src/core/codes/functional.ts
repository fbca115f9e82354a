/**
 * 政府收支分类科目 — 支出功能分类 (expense function classification).
 * 类 3 digits, 款 5 digits, 项 7 digits. This is a partial dictionary: every 类
 * (names valid since 2021, with the names they replaced) and the 款/项 that the
 * disclosure documents of administrative departments use most. A code missing
 * here is simply not name-checked; it is never reported as wrong.
 */
import { norm } from "../recognize/normalize";

export interface CodeEntry {
  name: string;
  /** Names used in earlier years (a narrative or table using one gets a warning). */
  oldNames?: string[];
}

export const FUNCTION_CLASSES: Record<string, CodeEntry> = {
  "201": { name: "一般公共服务支出" },
  "202": { name: "外交支出" },
  "203": { name: "国防支出" },
  "204": { name: "公共安全支出" },
  "205": { name: "教育支出" },
  "206": { name: "科学技术支出" },
  "207": { name: "文化旅游体育与传媒支出", oldNames: ["文化体育与传媒支出"] },
  "208": { name: "社会保障和就业支出" },
  "209": { name: "社会保险基金支出" },
  "210": { name: "卫生健康支出", oldNames: ["医疗卫生与计划生育支出", "医疗卫生支出"] },
  "211": { name: "节能环保支出" },
  "212": { name: "城乡社区支出" },
  "213": { name: "农林水支出" },
  "214": { name: "交通运输支出" },
  "215": { name: "资源勘探工业信息等支出", oldNames: ["资源勘探信息等支出"] },
  "216": { name: "商业服务业等支出" },
  "217": { name: "金融支出" },
  "219": { name: "援助其他地区支出" },
  "220": { name: "自然资源海洋气象等支出", oldNames: ["国土海洋气象等支出"] },
  "221": { name: "住房保障支出" },
  "222": { name: "粮油物资储备支出" },
  "223": { name: "国有资本经营预算支出" },
  "224": { name: "灾害防治及应急管理支出" },
  "227": { name: "预备费" },
  "229": { name: "其他支出" },
  "230": { name: "转移性支出" },
  "231": { name: "债务还本支出" },
  "232": { name: "债务付息支出" },
  "233": { name: "债务发行费用支出" },
  "234": { name: "抗疫特别国债安排的支出" },
};

export const FUNCTION_ITEMS: Record<string, CodeEntry> = {
  "20101": { name: "人大事务" },
  "20102": { name: "政协事务" },
  "20103": { name: "政府办公厅(室)及相关机构事务" },
  "20104": { name: "发展与改革事务" },
  "20105": { name: "统计信息事务" },
  "20106": { name: "财政事务" },
  "2010601": { name: "行政运行" },
  "2010602": { name: "一般行政管理事务" },
  "2010603": { name: "机关服务" },
  "2010607": { name: "信息化建设" },
  "2010608": { name: "财政委托业务支出" },
  "20107": { name: "税收事务" },
  "20108": { name: "审计事务" },
  "20111": { name: "纪检监察事务" },
  "20113": { name: "商贸事务" },
  "20199": { name: "其他一般公共服务支出" },
  "2019999": { name: "其他一般公共服务支出" },
  "20501": { name: "教育管理事务" },
  "20502": { name: "普通教育" },
  "2050201": { name: "学前教育" },
  "2050202": { name: "小学教育" },
  "2050203": { name: "初中教育" },
  "2050204": { name: "高中教育" },
  "2050205": { name: "高等教育" },
  "20799": { name: "其他文化旅游体育与传媒支出", oldNames: ["其他文化体育与传媒支出"] },
  "20801": { name: "人力资源和社会保障管理事务" },
  "20805": { name: "行政事业单位养老支出", oldNames: ["行政事业单位离退休"] },
  "2080501": { name: "行政单位离退休" },
  "2080502": { name: "事业单位离退休" },
  "2080503": { name: "离退休人员管理机构" },
  "2080505": { name: "机关事业单位基本养老保险缴费支出" },
  "2080506": { name: "机关事业单位职业年金缴费支出" },
  "2080507": { name: "对机关事业单位基本养老保险基金的补助" },
  "2080599": { name: "其他行政事业单位养老支出", oldNames: ["其他行政事业单位离退休支出"] },
  "20808": { name: "抚恤" },
  "20899": { name: "其他社会保障和就业支出" },
  "2089999": { name: "其他社会保障和就业支出" },
  "21001": { name: "卫生健康管理事务", oldNames: ["医疗卫生与计划生育管理事务"] },
  "21011": { name: "行政事业单位医疗" },
  "2101101": { name: "行政单位医疗" },
  "2101102": { name: "事业单位医疗" },
  "2101103": { name: "公务员医疗补助" },
  "2101199": { name: "其他行政事业单位医疗支出" },
  "21012": { name: "财政对基本医疗保险基金的补助" },
  "21013": { name: "医疗救助" },
  "2101301": { name: "城乡医疗救助" },
  "2101302": { name: "疾病应急救助" },
  "2101399": { name: "其他医疗救助支出" },
  "21015": { name: "医疗保障管理事务" },
  "2101501": { name: "行政运行" },
  "2101502": { name: "一般行政管理事务" },
  "2101503": { name: "机关服务" },
  "2101504": { name: "信息化建设" },
  "2101505": { name: "医疗保障政策管理" },
  "2101506": { name: "医疗保障经办事务" },
  "2101550": { name: "事业运行" },
  "2101599": { name: "其他医疗保障管理事务支出" },
  "21099": { name: "其他卫生健康支出" },
  "22102": { name: "住房改革支出" },
  "2210201": { name: "住房公积金" },
  "2210202": { name: "提租补贴" },
  "2210203": { name: "购房补贴" },
  "22301": { name: "解决历史遗留问题及改革成本支出" },
  "2230105": { name: "国有企业退休人员社会化管理补助支出" },
  "22908": { name: "彩票发行销售机构业务费安排的支出" },
  "2290804": { name: "福利彩票销售机构的业务费支出" },
  "22999": { name: "其他支出" },
  "2299999": { name: "其他支出" },
};

const classByName = new Map<string, { code: string; old: boolean }>();
for (const [code, e] of Object.entries(FUNCTION_CLASSES)) {
  classByName.set(norm(e.name), { code, old: false });
  classByName.set(norm(e.name).replace(/支出$/, ""), { code, old: false });
  for (const o of e.oldNames ?? []) {
    classByName.set(norm(o), { code, old: true });
    classByName.set(norm(o).replace(/支出$/, ""), { code, old: true });
  }
}

/** 类 code for a class name as written in 公开01/04表 ("九、卫生健康支出" after numbering removal). */
export function classCodeByName(name: string): { code: string; old: boolean } | undefined {
  const n = norm(name).replace(/\((类|款|项)\)/g, "");
  return classByName.get(n) ?? classByName.get(n.replace(/支出$/, ""));
}

export function functionEntry(code: string): CodeEntry | undefined {
  return code.length === 3 ? FUNCTION_CLASSES[code] : FUNCTION_ITEMS[code];
}

function loose(s: string): string {
  return norm(s).replace(/\((类|款|项)\)/g, "").replace(/[()]/g, "").replace(/支出$/, "");
}

/**
 * Compares a written name with a dictionary entry:
 * "ok" (same, allowing brackets, spaces and a missing trailing 支出), "old" (a
 * name of earlier years), "mismatch", or "unknown" (code not in the dictionary).
 */
export function compareName(entry: CodeEntry | undefined, written: string): "ok" | "old" | "mismatch" | "unknown" {
  if (!entry) return "unknown";
  const w = loose(written);
  if (!w) return "unknown";
  const n = loose(entry.name);
  if (w === n || w.includes(n) || n.includes(w)) return "ok";
  for (const o of entry.oldNames ?? []) {
    const lo = loose(o);
    if (w === lo || w.includes(lo)) return "old";
  }
  return "mismatch";
}

/** Retired names by level (类 3, 款 5, 项 7 digits): loose name → the code and its current name. */
const retiredByLevel = new Map<number, { old: string; code: string; entry: CodeEntry }[]>();
{
  const current = new Set<string>();
  const all: [string, CodeEntry][] = [...Object.entries(FUNCTION_CLASSES), ...Object.entries(FUNCTION_ITEMS)];
  for (const [, e] of all) current.add(loose(e.name));
  for (const [code, e] of all)
    for (const o of e.oldNames ?? []) {
      const l = loose(o);
      // A retired name that is some code's current name is not retired.
      if (!l || current.has(l)) continue;
      const list = retiredByLevel.get(code.length) ?? [];
      list.push({ old: l, code, entry: e });
      retiredByLevel.set(code.length, list);
    }
  for (const list of retiredByLevel.values()) list.sort((a, b) => b.old.length - a.old.length);
}

/**
 * A retired 科目 name at the end of `text` (normalised, without its level mark):
 * "…主要用于行政事业单位离退休" with level 款 → 20805 行政事业单位养老支出.
 */
export function retiredNameAtEnd(text: string, level: "类" | "款" | "项"): { written: string; before: string; code: string; entry: CodeEntry } | undefined {
  const digits = level === "类" ? 3 : level === "款" ? 5 : 7;
  const t = loose(text);
  for (const r of retiredByLevel.get(digits) ?? []) if (t.endsWith(r.old)) return { written: r.old, before: t.slice(0, t.length - r.old.length), code: r.code, entry: r.entry };
  return undefined;
}
