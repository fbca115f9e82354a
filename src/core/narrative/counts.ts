/**
 * Counts the 情况说明 states as evidence: vehicles and their kinds, the 公务用车
 * fleet and purchases, 因公出国（境）团组 and 人次, 国内公务接待 批次 and 人次,
 * and the 单价50万元/100万元以上 equipment — each a statement "concept · year ·
 * stage · scope · value", so that one count stated in two paragraphs can be
 * compared (rules/narrative/identities.ts, narrative.consistency).
 *
 * How a count is read (decisions where the spec is silent):
 * - Only figures written with a count word (辆, 个, 批次, 人次, 台（套）…) are
 *   counts; the concept is the last count word-name of the clause before the
 *   figure (since the last ，；。： — "一般公务用车1辆、执法执勤用车2辆" gives each
 *   its own), and the count word picks between 批次 and 人次 of the same thing.
 * - A clause with no name ("上年为15批次") belongs to the previous count of the
 *   sentence with the same count word, in its own year. A change ("比上年减少4
 *   批次") is not a count and is left out.
 * - Year and stage as for amounts (narrative/statements.ts): "截至2021年12月31日"
 *   dates the count; in a budget every count is the budget's.
 * - Scope: a fleet, a purchase or a vehicle kind stated in the “三公” section is
 *   the 财政拨款 fleet, which is not the whole department's vehicles stated under
 *   国有资产: the two are never compared.
 * - Counts in 绩效, 项目 and 名词解释 sections are about projects, not the
 *   department: they are not read.
 */
import { Decimal } from "../amount/decimal";
import { SectionId } from "./fact";
import { headingSection } from "./link";
import { DocInfo, SCOPE_WORDS, Stage, YearKey, yearOf } from "./statements";
import { LIST_SEP, Paragraph, TextFigure, clauseBefore, figuresIn } from "./text";
import { hitsInOrder, lastHit, nameHits } from "./names";
import { otherEntity } from "./entity";

export type CountConcept =
  | "vehicles"
  | "generalCar"
  | "lawCar"
  | "specialCar"
  | "carFleet"
  | "carBought"
  | "carDisposed"
  | "abroadGroups"
  | "abroadPeople"
  | "receptionBatches"
  | "receptionPeople"
  | "equipGeneral"
  | "equipSpecial"
  | "equipBought";

export const COUNT_NAME: Record<CountConcept, string> = {
  vehicles: "车辆总数",
  generalCar: "一般公务用车数量",
  lawCar: "执法执勤用车数量",
  specialCar: "特种专业技术用车数量",
  carFleet: "公务用车保有量",
  carBought: "购置（更新）公务用车数量",
  carDisposed: "处置（报废）车辆数量",
  abroadGroups: "因公出国（境）团组数",
  abroadPeople: "因公出国（境）人次",
  receptionBatches: "国内公务接待批次",
  receptionPeople: "国内公务接待人次",
  equipGeneral: "单价50万元以上通用设备数量",
  equipSpecial: "单价100万元以上专用设备数量",
  equipBought: "购置设备数量",
};

export interface CountStatement {
  concept: CountConcept;
  year: YearKey;
  stage: Stage;
  /** "fiscal" for the fleet, purchases and vehicle kinds of the “三公” section; else "all". */
  scope: "fiscal" | "all";
  value: Decimal;
  figure: TextFigure;
  para: Paragraph;
  paraIndex: number;
  sentence: number;
  section: SectionId | null;
}

type Kind = "vehicle" | "people" | "batch" | "equipment";

function kindOf(countWord: string | undefined): Kind | undefined {
  if (!countWord) return undefined;
  if (countWord === "辆") return "vehicle";
  if (countWord === "人次" || countWord === "人") return "people";
  if (countWord === "批次" || countWord === "批" || countWord === "次" || countWord === "个") return "batch";
  if (/^(台|套)/.test(countWord)) return "equipment";
  return undefined;
}

/** Names of counted things, matched on normalised text; the last one before the figure wins (at the same end, the longer). */
const NAMES: { re: RegExp; pick: (k: Kind) => CountConcept | undefined }[] = [
  { re: /一般公务用车/g, pick: (k) => (k === "vehicle" ? "generalCar" : undefined) },
  { re: /执法执勤用车/g, pick: (k) => (k === "vehicle" ? "lawCar" : undefined) },
  { re: /特种专业技术用车/g, pick: (k) => (k === "vehicle" ? "specialCar" : undefined) },
  { re: /(公务用车|车辆)?保有量|(共有|现有|实有|拥有)公务用车/g, pick: (k) => (k === "vehicle" ? "carFleet" : undefined) },
  { re: /(购置|更新|购买|新增)(更新)?(了)?[^，,；;。、]{0,8}?(公务用车|车辆|公车)?/g, pick: (k) => (k === "vehicle" ? "carBought" : undefined) },
  { re: /(报废|处置|拍卖|调出|划转|上缴)(了)?[^，,；;。、]{0,8}?(公务用车|车辆|公车)?/g, pick: (k) => (k === "vehicle" ? "carDisposed" : undefined) },
  { re: /车辆(总数|总计|合计)?/g, pick: (k) => (k === "vehicle" ? "vehicles" : undefined) },
  { re: /通用设备/g, pick: (k) => (k === "equipment" ? "equipGeneral" : undefined) },
  { re: /专用设备/g, pick: (k) => (k === "equipment" ? "equipSpecial" : undefined) },
  // Equipment bought in the year is not the equipment held ("购置单价50万元以上的通用设备1台（套）").
  { re: /(购置|购买|新增)[^，,；;。、]{0,16}?(通用|专用)?设备/g, pick: (k) => (k === "equipment" ? "equipBought" : undefined) },
  // 团组 alone is not named: "出国（境）团组" goes abroad, "接待国内来访团组" is a reception.
  { re: /出国\(?境\)?|因公出境/g, pick: (k) => (k === "people" ? "abroadPeople" : k === "batch" ? "abroadGroups" : undefined) },
  { re: /接待|来访/g, pick: (k) => (k === "people" ? "receptionPeople" : k === "batch" ? "receptionBatches" : undefined) },
];

/** Foreign visitors received (外宾接待, 国（境）外来访) are not the 国内公务接待 counts. */
const FOREIGN_RECEPTION = /外宾|国\(?境\)?外|境外|外事/;

/** A 批次 and its 人次 (a 团组 and its 人次) are written side by side with one name. */
const COUNTERPART: Partial<Record<CountConcept, { concept: CountConcept; kind: Kind }>> = {
  receptionBatches: { concept: "receptionPeople", kind: "people" },
  receptionPeople: { concept: "receptionBatches", kind: "batch" },
  abroadGroups: { concept: "abroadPeople", kind: "people" },
  abroadPeople: { concept: "abroadGroups", kind: "batch" },
};

/** Counts of what is held at a date (not of what happened in the year). */
const HELD = new Set<CountConcept>(["vehicles", "generalCar", "lawCar", "specialCar", "carFleet", "equipGeneral", "equipSpecial"]);

const SKIPPED_SECTIONS = new Set<SectionId>(["perf", "project", "terms"]);
const CHANGE_TAIL = /(增加|减少|增长|下降|上升|降低|多|少)(了|为|达)?$/;
const FISCAL_IN_SANGONG = new Set<CountConcept>(["carFleet", "carBought", "generalCar", "lawCar", "specialCar"]);

const RESPECTIVELY = /分别(为|是)?$|各(为|是)$/;

/** Figures right after `f` joined to it by 、，和 only (the rest of a list). */
function countFollowing(text: string, figs: readonly TextFigure[], f: TextFigure): number {
  let n = 0;
  let end = f.end;
  for (let k = figs.indexOf(f) + 1; k < figs.length && LIST_SEP.test(text.slice(end, figs[k].start)); k++) {
    n++;
    end = figs[k].end;
  }
  return n;
}

const countHits = (clause: string, kind: Kind) => nameHits(clause, NAMES, (n) => n.re, (n) => n.pick(kind));

/** Every counted thing named in a clause, in the order written. */
function namesInOrder(clause: string, kind: Kind): CountConcept[] {
  const out: CountConcept[] = [];
  for (const h of hitsInOrder(countHits(clause, kind))) if (!out.includes(h.value)) out.push(h.value);
  return out;
}

/** The counted thing named last in a clause (nearest the figure). */
function lastName(clause: string, kind: Kind): CountConcept | undefined {
  return lastHit(countHits(clause, kind))?.value;
}

/** A fleet, a purchase or a vehicle kind of the “三公” section is the 财政拨款 one. */
function scopeOfCount(section: SectionId | null, concept: CountConcept): CountStatement["scope"] {
  return section === "sangong" && FISCAL_IN_SANGONG.has(concept) ? "fiscal" : "all";
}

/** The count statements of a narrative, in reading order (headings set the section). */
export function extractCounts(paragraphs: Paragraph[], doc: DocInfo): CountStatement[] {
  const out: CountStatement[] = [];
  let section: SectionId | null = null;
  paragraphs.forEach((para, paraIndex) => {
    const h = headingSection(para.text);
    if (h) {
      section = h;
      return;
    }
    if (section && SKIPPED_SECTIONS.has(section)) return;
    const text = para.text;
    const figs = figuresIn(text);
    if (!figs.some((f) => f.unit === "count")) return;
    let sentence = 0;
    let scanned = 0;
    let prevInSentence: CountStatement[] = [];
    let prevEnd = 0;
    let foreignBefore = false;
    /** "购置数及保有量分别为1辆和130辆": the concepts of a list, one per figure (or none when they cannot be told). */
    let list: { concepts: CountConcept[]; next: number; end: number } | null = null;
    for (const f of figs) {
      const since = prevEnd;
      prevEnd = f.end;
      // Sentence number: 。；; between the last figure and this one.
      for (; scanned < f.start; scanned++) {
        const ch = text[scanned];
        if (ch === "。" || ch === "；" || ch === ";") {
          sentence++;
          prevInSentence = [];
          foreignBefore = false;
        }
      }
      if (f.unit !== "count") continue;
      const kind = kindOf(f.countWord);
      if (!kind || f.decimals > 0) continue;
      // Since the last boundary or the previous figure: "一般公务用车0辆、其他用车0辆" gives 其他用车 no name.
      const clause = clauseBefore(text, f.start, since);
      if (list && list.end === since && LIST_SEP.test(text.slice(since, f.start))) {
        // The next figure of a list.
        const concept = list.concepts[list.next++];
        list.end = f.end;
        if (!concept) continue;
        const prev = prevInSentence[prevInSentence.length - 1];
        const st: CountStatement = { ...prev, concept, value: f.value, figure: f, scope: scopeOfCount(prev.section, concept) };
        out.push(st);
        prevInSentence.push(st);
        continue;
      }
      list = null;
      if (CHANGE_TAIL.test(clause)) continue;
      // "全区公务用车保有量…辆": a count of the whole region or another level is not the department's.
      if (otherEntity(text, f.start)) continue;
      let sentStart = f.start - 1;
      while (sentStart >= 0 && !/[。；;]/.test(text[sentStart])) sentStart--;
      const prefix = text.slice(sentStart + 1, f.start);
      const named = lastName(clause, kind);
      let concept = named;
      const reception = concept === "receptionBatches" || concept === "receptionPeople";
      // "国(境)外公务接待批次23个,接待人次142人": the 人次 after a foreign 批次 is foreign too.
      if (reception && (FOREIGN_RECEPTION.test(clause) || (foreignBefore && !/国内/.test(clause)))) {
        foreignBefore = true;
        continue;
      }
      foreignBefore = false;
      if (RESPECTIVELY.test(clause)) {
        // A list follows: as many names as figures, in order, or the list is not read.
        const n = 1 + countFollowing(text, figs, f);
        const names = namesInOrder(clause, kind);
        list = { concepts: names.length === n ? names : [], next: 1, end: f.end };
        concept = names.length === n ? names[0] : undefined;
        if (!concept) continue;
      }
      let inherited: CountStatement | undefined;
      if (!concept) {
        const last = prevInSentence[prevInSentence.length - 1];
        const before = [...prevInSentence].reverse().find((p) => kindOf(p.figure.countWord) === kind);
        // "国内公务接待221批次，1768人": the 人次 of the 批次 just counted (and the other way round).
        const other = last && COUNTERPART[last.concept];
        if (other && other.kind === kind && !/上年|去年/.test(clause)) {
          concept = other.concept;
          inherited = last;
        }
        // "上年为15批次": the previous count of the sentence with the same count word.
        else if (before && /上年|去年|本年|\d{4}年/.test(clause)) concept = before.concept;
        else continue;
      }
      const own = clause.replace(SCOPE_WORDS, "");
      const stage: Stage = doc.kind === "budget" ? "budget" : /预算|计划|拟/.test(own) && !/决算|实际/.test(own) ? "budget" : "actual";
      let year = inherited ? inherited.year : named ? yearOf(prefix, doc) : yearOf(clause, doc);
      // What is held at the start of the year ("年初公务用车保有量3辆") is the prior year's end.
      if (year === "cur" && /年初|期初/.test(clause) && HELD.has(concept)) year = "prev";
      const st: CountStatement = {
        concept,
        year,
        stage,
        scope: scopeOfCount(section, concept),
        value: f.value,
        figure: f,
        para,
        paraIndex,
        sentence,
        section,
      };
      out.push(st);
      prevInSentence.push(st);
    }
  });
  return out;
}

export function countKey(s: CountStatement): string {
  return `${s.concept}|${s.year}|${s.stage}|${s.scope}`;
}
