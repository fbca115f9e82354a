/**
 * Narrative text checks that do not compare figures with tables (spec §6):
 * leftover placeholders, years, old class names, 部门/单位 wording, missing
 * reasons, the 五(三) 项 paragraphs, the “主要包括……” lists of 06 items,
 * hygiene, and unreadable 补充信息 rows.
 */
import { refA1 } from "../../tables/types";
import { FUNCTION_CLASSES } from "../../codes/functional";
import { memoByText } from "../../util/memo";
import { norm } from "../../recognize/normalize";
import { Finding } from "../../report/finding";
import { narrativeContext } from "../../narrative/context";
import { narrativeDoc } from "./identities";
import { headingSection } from "../../narrative/link";
import { Paragraph } from "../../narrative/text";
import { SectionId } from "../../narrative/fact";
import { Rule, RuleContext } from "../types";

function where(p: Paragraph): string {
  return `${p.ref.sheet}!${refA1(p.ref)}`;
}

/** Paragraphs with the section each belongs to. */
function withSections(ctx: RuleContext): { p: Paragraph; section: SectionId | null; heading: boolean }[] {
  let section: SectionId | null = null;
  return narrativeContext(ctx).paragraphs.map((p) => {
    const h = headingSection(p.text);
    if (h) section = h;
    return { p, section, heading: !!h };
  });
}

const PLACEHOLDERS: [RegExp, string][] = [
  [/增加[（(]减少[）)]|减少[（(]增加[）)]/, "“增加（减少）”"],
  [/增长[（(]下降[）)]|下降[（(]增长[）)]/, "“增长（下降）”"],
  [/大于[（(]小于[）)]|小于[（(]大于[）)]/, "“大于（小于）”"],
  [/[（(]持平[）)]/, "“（持平）”"],
  [/[xX]{2,}|ＸＸ/, "“XX”"],
  [/待填写|请填写|此处填写/, "“待填写”"],
  [/【[^】]*】/, "“【……】”"],
  [/…{2,}|\.{6,}/, "“……”"],
];

export const leftoverPlaceholder: Rule = {
  id: "narrative.placeholder",
  title: "情况说明不应留有模板占位符（XX、……、待填写、【…】、“增加（减少）”等）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    for (const p of narrativeContext(ctx).paragraphs) {
      const hits = PLACEHOLDERS.filter(([re]) => re.test(p.text)).map(([, n]) => n);
      if (!hits.length) continue;
      out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(p)}）留有未替换的模板内容：${hits.join("、")}。`, cells: [p.ref] });
    }
    return out;
  },
};

export const documentYear: Rule = {
  id: "narrative.year",
  title: "标题和正文中的年度应为本文件的年度（与其他年度比较的句子除外）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const n = narrativeContext(ctx);
    if (!n.year) return [];
    // A budget reports on the year before it ("二、2021年“三公”经费决算情况" in a 2022 budget).
    const budget = narrativeDoc(ctx).kind === "budget";
    const out: Finding[] = [];
    for (const p of n.paragraphs) {
      for (const m of p.text.matchAll(/(20\d{2})\s*年度/g)) {
        const y = parseInt(m[1], 10);
        if (y === n.year || (budget && y === n.year - 1)) continue;
        const around = p.text.slice(Math.max(0, m.index! - 8), m.index! + 12);
        if (/上年|比|相比|较|以前|以来|至|—|-|延迟|结转/.test(around)) continue;
        out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(p)}）写的是“${m[0]}”，本文件为 ${n.year} 年度。`, cells: [p.ref], expected: `${n.year}年度`, actual: m[0] });
      }
    }
    return out;
  },
};

/**
 * When each old 类 name was replaced (政府收支分类科目): 医疗卫生支出 became 医疗卫生与计划生育支出
 * in 2014; that name, 文化体育与传媒支出, 资源勘探信息等支出 and 国土海洋气象等支出 were replaced in 2019.
 */
const REPLACED_IN: Record<string, { year: number; by?: string }> = {
  医疗卫生支出: { year: 2014, by: "医疗卫生与计划生育支出" },
  医疗卫生与计划生育支出: { year: 2019 },
  文化体育与传媒支出: { year: 2019 },
  资源勘探信息等支出: { year: 2019 },
  国土海洋气象等支出: { year: 2019 },
};

/** The name of the class in `year` (the current one when the year is unknown or not before a rename). */
function nameInYear(current: string, old: string, year: number | undefined): string {
  const r = REPLACED_IN[old];
  if (!year || !r) return current;
  if (year < r.year) return old;
  // Replaced by a name that was itself replaced later: the one valid in the document's year.
  if (r.by && REPLACED_IN[r.by] && year < REPLACED_IN[r.by].year) return r.by;
  return current;
}

/** A class's old name, normalised once. */
const normName = memoByText(norm, 500);

export const oldClassName: Rule = {
  id: "narrative.old-name",
  title: "科目名称应使用当年的名称（如“卫生健康支出”而非“医疗卫生与计划生育支出”）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    const n = narrativeContext(ctx);
    for (const p of n.paragraphs) {
      const text = norm(p.text);
      for (const e of Object.values(FUNCTION_CLASSES)) {
        for (const old of e.oldNames ?? []) {
          if (!text.includes(normName(old))) continue;
          // A name is old only from the year it was replaced; the name to use is the one of the document's year.
          const valid = nameInYear(e.name, old, n.year);
          if (valid === old) continue;
          out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(p)}）使用了旧科目名称“${old}”，${n.year && valid !== e.name ? `${n.year}年度` : "现行"}名称为“${valid}”。`, cells: [p.ref], expected: valid, actual: old });
        }
      }
    }
    return out;
  },
};

export const scopeWording: Rule = {
  id: "narrative.wording",
  title: "部门决算（预算）通篇用“部门”的说法，单位决算（预算）通篇用“单位”的说法",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const n = narrativeContext(ctx);
    const other = n.scope === "部门" ? /(本|我)单位/ : /(本|我)部门/;
    const out: Finding[] = [];
    for (const p of n.paragraphs) {
      const m = other.exec(p.text);
      if (!m) continue;
      out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(p)}）是${n.scope}文件，却写了“${m[0]}”，应统一为“${m[0][0]}${n.scope}”。`, cells: [p.ref], expected: `${m[0][0]}${n.scope}`, actual: m[0] });
    }
    return out;
  },
};

export const missingReason: Rule = {
  id: "narrative.missing-reason",
  title: "与上年相比有增减、或决算数与预算数不同时，应说明原因（“主要原因是”后不能为空）",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const out: Finding[] = [];
    const links = narrativeContext(ctx).links;
    const paras = narrativeContext(ctx).paragraphs;
    paras.forEach((p, pi) => {
      const empty = /(主要原因(是|为)?|原因[：:是])\s*([。；]|$)/.exec(p.text);
      if (empty) {
        out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(p)}）“${p.text.slice(Math.max(0, empty.index - 12), empty.index + empty[0].length)}”：原因没有写。`, cells: [p.ref] });
        return;
      }
      // "……少2.88万元，主要是厉行节约": a reason given after a comma with 主要是 / 主要在于.
      if (/原因|由于|因为|系|[，,；;]\s*主要(是|在于)/.test(p.text)) return;
      // A paragraph that ends with "其中：" introduces items, which carry their own reasons.
      if (/其中[:：]?\s*$/.test(p.text)) return;
      // The budget template gives the reason of the 财政拨款 changes in a paragraph of its own, just after
      // ("财政拨款收入支出增加的主要原因是……").
      if (paras.slice(pi + 1, pi + 3).some((q) => /增加|减少|增减/.test(q.text) && /主要原因是\s*[^。；\s]/.test(q.text))) return;
      const here = links.filter((l) => l.para === p && l.fact);
      const changed = here.find((l) => l.fact!.kind === "change" && !l.fact!.shown.isZero());
      // A rate needs a reason only where the paragraph states the budget it compares with.
      const statesBudget = here.some((l) => /budget$/.test(l.fact!.id) || l.fact!.id === "sg.budget");
      const differs = statesBudget ? here.find((l) => l.fact!.kind === "rate" && !l.fact!.zeroBase && !l.fact!.shown.eq(100) && l.figure.unit === "%") : undefined;
      const hit = changed ?? differs;
      if (!hit) return;
      out.push({
        rule: this.id,
        severity: "warning",
        message: `情况说明（${where(p)}）${changed ? "写了与上年的增减" : "的决算数与预算数不同"}（“${p.text.slice(Math.max(0, hit.figure.start - 12), hit.figure.end)}”），但没有说明原因。`,
        cells: [p.ref],
      });
    });
    return out;
  },
};

/** Every 05表 项 with a budget or an outcome has its own paragraph in 五(三); no paragraph names a 项 absent from 05表. */
export const itemParagraphs: Rule = {
  id: "narrative.items",
  title: "一般公共预算财政拨款支出“具体情况”应逐项说明公开05表的每个项级科目",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const n = narrativeContext(ctx);
    if (!n.facts.items.length) return [];
    const gpb = withSections(ctx).filter((x) => x.section === "gpb" && !x.heading);
    if (!gpb.length) return [];
    const text = gpb.map((x) => norm(x.p.text)).join("\n");
    const out: Finding[] = [];
    for (const it of n.facts.items) {
      const fin = n.facts.get(`gpb.item.${it.code}`);
      const b = n.facts.get(`gpb.item.${it.code}.budget`);
      if ((!fin || fin.value.isZero()) && (!b || b.value.isZero())) continue;
      const name = norm(it.name).replace(/支出$/, "");
      if (new RegExp(`${name.replace(/[()（）]/g, ".")}(支出)?\\(项\\)|${it.code}`).test(text)) continue;
      out.push({ rule: this.id, severity: "warning", message: `公开05表的项级科目“${it.code} ${it.name}”有支出，但情况说明的“一般公共预算财政拨款支出决算情况说明”中没有说明这一项。`, cells: [gpb[0].p.ref, ...(fin ? [] : [])] });
    }
    const known = new Set(n.facts.items.map((i) => norm(i.name).replace(/支出$/, "")));
    for (const x of gpb) {
      for (const m of norm(x.p.text).matchAll(/([\u4e00-\u9fa5、()]{2,30}?)(支出)?\(项\)/g)) {
        const name = m[1].replace(/.*\(款\)/, "").replace(/支出$/, "");
        if (!name || known.has(name)) continue;
        out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(x.p)}）说明了“${name}（项）”，但公开05表中没有这个项级科目。`, cells: [x.p.ref] });
      }
    }
    return out;
  },
};

/** The “主要包括……” lists of 人员经费 / 公用经费 name the non-zero items of 公开06表. */
export const mainItems: Rule = {
  id: "narrative.main-items",
  title: "人员经费、公用经费“主要包括”的项目应是公开06表中有支出的项目",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const n = narrativeContext(ctx);
    const t06 = ctx.one("final06");
    if (!t06) return [];
    const out: Finding[] = [];
    const items = (t06 as unknown as { items: { code: string; name: string; level: number; group: string; amount: { amount: { value: { isZero(): boolean; gt(x: unknown): boolean } } | null } }[] }).items.filter((i) => i.level === 2);
    // Each item's name normalised once (every listed name is compared with every item).
    const names = new Map<object, string>();
    const itemName = (i: { name: string }) => {
      let n = names.get(i);
      if (n === undefined) {
        n = norm(i.name);
        names.set(i, n);
      }
      return n;
    };
    for (const x of withSections(ctx)) {
      if (x.section !== "basic" || x.heading) continue;
      for (const [group, label] of [
        ["personnel", "人员经费"],
        ["public", "公用经费"],
      ] as const) {
        const m = new RegExp(`${label}[^；。]*?主要包括[:：]?([^；。]*)`).exec(x.p.text);
        if (!m) continue;
        const listed = m[1].split(/[、，,]/).map((s) => norm(s).replace(/\d[\d.,]*\s*万元$/, "")).filter(Boolean);
        const groupItems = items.filter((i) => i.group === group);
        const zero = listed.filter((name) => {
          const it = groupItems.find((i) => itemName(i) === name);
          return it && (!it.amount.amount || it.amount.amount.value.isZero());
        });
        const absent = listed.filter((name) => !groupItems.some((i) => itemName(i) === name) && !items.some((i) => itemName(i) === name));
        const omitted = groupItems.filter((i) => i.amount.amount && !i.amount.amount.value.isZero() && !listed.includes(itemName(i)));
        const problems: string[] = [];
        if (zero.length) problems.push(`列出的 ${zero.join("、")} 在公开06表中为0或空`);
        if (absent.length) problems.push(`列出的 ${absent.join("、")} 不是公开06表${label}的项目`);
        if (omitted.length) problems.push(`公开06表中有支出的 ${omitted.map((i) => i.name).join("、")} 没有列出`);
        if (!problems.length) continue;
        out.push({ rule: this.id, severity: "warning", message: `情况说明（${where(x.p)}）${label}“主要包括”：${problems.join("；")}。`, cells: [x.p.ref] });
      }
    }
    return out;
  },
};

export const hygiene: Rule = {
  id: "narrative.hygiene",
  title: "文字规范：重复标点、中文中的英文逗号、引号括号不配对、百分比超过两位小数",
  severity: "info",
  family: "narrative",
  check(ctx) {
    // One finding per kind of issue, listing every paragraph that has it.
    const kinds: { name: string; test: (t: string) => boolean }[] = [
      { name: "重复标点（如“。。”）", test: (t) => /([。，；、])\1/.test(t) },
      { name: "中文中用了英文逗号", test: (t) => /[\u4e00-\u9fa5],|,[\u4e00-\u9fa5]/.test(t) },
      { name: "引号或括号不配对", test: (t) => [["“", "”"], ["（", "）"], ["《", "》"]].some(([a, b]) => t.split(a).length !== t.split(b).length) },
      { name: "百分比超过两位小数", test: (t) => /\d+\.\d{3,}\s*%/.test(t) },
      { name: "百分比写法不完整（如“0.%”）", test: (t) => /\d\.\s*%/.test(t) },
    ];
    const paragraphs = narrativeContext(ctx).paragraphs;
    const out: Finding[] = [];
    for (const k of kinds) {
      const hit = paragraphs.filter((p) => k.test(p.text));
      if (!hit.length) continue;
      out.push({ rule: this.id, severity: "info", message: `情况说明文字规范：${k.name}（共 ${hit.length} 段：${hit.slice(0, 8).map(where).join("、")}${hit.length > 8 ? "等" : ""}）。`, cells: hit.map((p) => p.ref) });
    }
    return out;
  },
};

export const supplementProblems: Rule = {
  id: "narrative.supplement",
  title: "补充信息中应填数字的地方应为数字",
  severity: "warning",
  family: "narrative",
  check(ctx) {
    const s = narrativeContext(ctx).supplement;
    return (s?.problems ?? []).map((x) => ({ rule: this.id, severity: "warning" as const, message: x.message, cells: [x.ref] }));
  },
};

export const NARRATIVE_TEXT_RULES = [leftoverPlaceholder, documentYear, oldClassName, scopeWording, missingReason, itemParagraphs, mainItems, hygiene, supplementProblems];
