/**
 * Tables with no title: the template told from the header words and row labels,
 * the way a reviewer tells 公开02表 from 公开03表 when the title line was cut off
 * ("表X", a blank line, a sheet called Sheet3). Recognised so, a table gets its
 * template's rules and the cross-table checks, not only the generic structure
 * checks.
 *
 * Decided here (the spec is silent), to stay on the safe side: a sheet is
 * recognised only by words that one template of the document's kind has and
 * the others do not; tables whose headers are the same in several templates
 * (an untitled 科目 | 基本支出 | 项目支出 table of a budget set could be 表3, 5, 8 or 9)
 * are told apart only by the fund they name ("政府性基金", "国有资本经营", in a
 * header or in the "本表无数据" note); otherwise they stay generic tables.
 *
 * The document's kind (决算 or 预算) comes from the workbook's titled tables, else
 * from its header words (决算数, 本年收入合计, 年末结转和结余 against 预算数).
 *
 * Returns a canonical title, which the ordinary title matching turns into the
 * template (so this module holds no parser). When two sheets of a workbook come
 * out as the same template, neither is taken (recognize()): the words did not
 * tell them apart.
 */
import { SheetSnapshot, WorkbookSnapshot } from "../grid/snapshot";
import { norm } from "./normalize";

export type DocStage = "final" | "budget";

/** Rows read for header words and row labels (two-sided summary tables list their lines below the header). */
const ROWS = 60;

function wordsOf(sheet: SheetSnapshot): string[] {
  const b = sheet.bounds;
  if (!b) return [];
  const out: string[] = [];
  for (let r = b.top; r <= Math.min(b.bottom, b.top + ROWS); r++) {
    const row = sheet.rows.get(r);
    if (!row) continue;
    row.forEach((c) => {
      // Header words and row labels are short; a paragraph of text names things, it heads nothing,
      // except a table's own note ("注：本部门没有政府性基金预算拨款收入……故本表无数据").
      if (typeof c.value === "string" && c.text && (c.text.length <= 40 || NOTE.test(c.text.trim()))) out.push(norm(c.text));
    });
  }
  return out;
}

const NOTE = /^(注|说明|备注)[:：\d]|无数据/;

const FINAL_WORDS = /决算|本年收入合计|本年支出合计|年末结转和结余/;
const BUDGET_WORDS = /预算数|预算安排|上年结转/;

/**
 * The kind of document the workbook is: from its recognised tables' family, else by
 * its header words (more 决算 words than budget words); undefined when nothing says.
 */
export function documentStage(wb: WorkbookSnapshot, families: string[]): DocStage | undefined {
  if (families.includes("final")) return "final";
  if (families.includes("budget")) return "budget";
  let f = 0;
  let bud = 0;
  for (const s of wb.sheets)
    for (const w of wordsOf(s)) {
      if (w.length > 40) continue;
      if (FINAL_WORDS.test(w)) f++;
      else if (BUDGET_WORDS.test(w)) bud++;
    }
  if (f > bud) return "final";
  if (bud > f) return "budget";
  return undefined;
}

/** The canonical title of an untitled sheet's table, or undefined when its words do not single one out. */
export function headerTitle(sheet: SheetSnapshot, stage: DocStage): string | undefined {
  const words = wordsOf(sheet);
  if (!words.length) return undefined;
  const has = (re: RegExp) => words.some((w) => re.test(w));
  const final = stage === "final";
  const gov = has(/政府性基金/);
  const soe = has(/国有资本经营/);
  const oneFund = gov !== soe ? (gov ? "gov" : "soe") : undefined;

  if (has(/因公出国/) && has(/公务接待/) && has(/公务用车/)) return final ? "一般公共预算财政拨款“三公”经费支出决算表" : "一般公共预算“三公”经费支出表";
  if (has(/^人员经费/) && has(/^公用经费/) && has(/^30[12]\d*$|^工资福利支出$|^商品和服务支出$/)) return final ? "一般公共预算财政拨款基本支出决算表" : "一般公共预算基本支出表";

  const twoSided = has(/^(本年|财政拨款)?收入(项目|预算)?$/) && has(/^(本年|财政拨款)?支出(项目|预算)?$/) && has(/总计$/);
  if (twoSided) {
    const fundColumns = has(/^一般公共预算(财政拨款)?$/) && has(/^政府性基金预算(财政拨款)?$/);
    if (fundColumns) return final ? "财政拨款收入支出决算总表" : "财政拨款收支总表";
    // The department's whole income: lines other than 财政拨款 (上级补助, 事业, 经营, 其他收入).
    if (has(/上级补助收入|事业收入|经营收入|其他收入/)) return final ? "收入支出决算总表" : "部门收支总表";
    return undefined;
  }

  const coded = has(/科目编码|科目名称|^科目$/);
  if (!coded) return undefined;
  if (has(/^事业收入$/) && has(/拨款(收入)?$|^财政拨款收入$/)) return final ? "收入决算表" : "部门收入总表";
  if (has(/上缴上级支出/) && has(/^基本支出$/)) return final ? "支出决算表" : "部门支出总表";
  const basicProject = has(/^基本支出$/) && has(/^项目支出$/);
  if (!basicProject) return undefined;
  const balances = has(/年初结转和结余/) && has(/年末结转和结余/);
  if (oneFund) {
    if (final) return oneFund === "gov" ? "政府性基金预算财政拨款收入支出决算表" : "国有资本经营预算财政拨款收入支出决算表";
    return oneFund === "gov" ? "政府性基金预算支出表" : "国有资本经营预算支出表";
  }
  if (gov || soe) return undefined;
  if (final) return balances ? undefined : "一般公共预算财政拨款支出决算表";
  // In a budget set the 一般公共预算支出表 names its fund in the header ("一般公共预算支出");
  // the one such table naming none is the 部门支出总表 (two of them: see recognize()).
  return has(/一般公共预算/) ? "一般公共预算支出表" : "部门支出总表";
}

/** A form of an untitled sheet of performance tables: its canonical title and rows. */
export interface PerfRegion {
  title: string;
  top: number;
  bottom: number;
}

const SUBJECT = /^(项目名称|部门\(单位\)名称|部门名称|单位名称|预算部门|预算单位)[:：]?/;
/** Lines that open a form above its subject line ("填报单位（盖章）：…", "单位：万元", "（2023年度）"). */
const FORM_HEAD = /^(填报单位|编制单位|申报单位|单位[:：]|金额单位|\(?\d{4}年度?\)?$)/;

/**
 * The performance forms of a sheet without titles, told by their indicator
 * header rows ("一级指标 | 二级指标 | 三级指标 | 指标值", or an outline's "绩效指标 |
 * 指标值"). Forms stacked on one sheet are split at each form's subject line
 * (项目名称, 部门名称) and the lines just above it; a second header with no subject
 * line between is not split off. The kind comes from the value columns: 实际完成值
 * → 自评表, only 分值 / 得分 → 评价表, otherwise 绩效目标表; 部门/单位 as subject → 整体.
 */
export function perfRegions(sheet: SheetSnapshot, isHeaderRow: (row: number) => boolean, rowWords: (row: number) => string[]): PerfRegion[] {
  const b = sheet.bounds;
  if (!b) return [];
  const headers: number[] = [];
  for (let r = b.top; r <= b.bottom; r++) if (sheet.rows.has(r) && isHeaderRow(r)) headers.push(r);
  if (!headers.length) return [];
  const out: PerfRegion[] = [];
  let from = b.top;
  headers.forEach((h, i) => {
    let top = i === 0 ? b.top : -1;
    if (i > 0) {
      let subject = -1;
      for (let r = from; r < h; r++) if (rowWords(r).some((w) => SUBJECT.test(w))) {
        subject = r;
        break;
      }
      if (subject < 0) return;
      top = subject;
      while (top - 1 >= from && rowWords(top - 1).length && rowWords(top - 1).every((w) => FORM_HEAD.test(w))) top--;
      out[out.length - 1].bottom = top - 1;
    }
    const head = [...rowWords(h), ...rowWords(h + 1)].join("|");
    const subjectWords = [];
    for (let r = top; r < h; r++) subjectWords.push(...rowWords(r).filter((w) => SUBJECT.test(w)));
    const whole = subjectWords.some((w) => /^(部门|单位|预算部门|预算单位)/.test(w)) && !subjectWords.some((w) => /^项目名称/.test(w));
    const values = /实际完成|完成值/.test(head);
    const scored = /分值|得分|自评分/.test(head);
    const title = whole
      ? values || scored
        ? "部门整体支出绩效自评表"
        : "部门整体绩效目标表"
      : values
        ? "项目支出绩效自评表"
        : scored
          ? "项目支出绩效评价表"
          : "项目绩效目标表";
    out.push({ title, top, bottom: b.bottom });
    from = h + 1;
  });
  return out;
}
