/**
 * Outline structure of row labels, shared by every table whose rows are labelled
 * lines (two-sided summary tables, list-style tables, records by unit or project).
 *
 * Official documents number their outline levels in a fixed order (党政机关公文格式):
 * "一、" above "（一）" above "1." above "（1）" above "①"; 科目 codes nest by length (类 3
 * digits above 款 5 above 项 7, as in every 功能分类/经济分类 table). "其中：" introduces a part of
 * the line above it (not a full split: its parts need not add up to that line), and an
 * unnumbered, indented line right after a "其中：" line continues that list
 * ("其中：公务用车购置费" / "      公务用车运行费").
 *
 * Unnumbered lines (合计, 收入总计, 上年结转, or every line of an unnumbered layout) are
 * top-level. An unnumbered line is the parent of the numbered lines below it only when it
 * does not itself close a list of deeper lines: "合计" written above its parts heads them,
 * "本年收入合计" written below "一、… 八、…" sums the lines above it and heads nothing.
 *
 * The one rule every sum follows: a parent is never added together with its own
 * children. A total written above its parts ("一、本年收入" over "（一）…（四）") is the sum
 * of its direct children — the lines one level below it, up to the next line of its
 * level or higher; a total written below its parts is the sum of the top-level lines
 * above it (nested lines, "其中" lines and their continuations left out).
 */
import { norm } from "../recognize/normalize";

export type OutlineMark = "cn" | "cnParen" | "num" | "numParen" | "circled" | "code" | "among" | "none";

/** Rank of each numbering style: smaller is higher in the outline. */
export const MARK_RANK: Record<Exclude<OutlineMark, "among" | "none" | "code">, number> = {
  cn: 1,
  cnParen: 2,
  num: 3,
  numParen: 4,
  circled: 5,
};

const CN = "一二三四五六七八九十百零〇";
/**
 * The numbering styles, tried in this order. Each pattern reads a label as written
 * (full- or half-width brackets, spaces around the number, the 、 after "（一）" some
 * clerks add) as well as its norm() form, and takes the spaces after the mark with it.
 */
const MARKS: [OutlineMark, RegExp][] = [
  ["among", /^其中\s*[:：]?\s*/],
  ["cnParen", new RegExp(`^[(（]\\s*[${CN}]+\\s*[)）]\\s*[、.．]?\\s*`)],
  ["numParen", /^[(（]\s*[0-9０-９]+\s*[)）]\s*[、.．]?\s*/],
  ["cn", new RegExp(`^[${CN}]+\\s*[、.．,，]\\s*`)],
  ["num", /^[0-9０-９]+\s*[、.．)）](?![0-9０-９])\s*/],
  ["circled", /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/],
];

/** A 科目 code at the start of a label: 类 3, 款 5, 项 7 digits ("208", "2080505 机关事业单位…"). */
const CODE = /^(\d{3}(?:\d{2}){0,2})(?!\d)/;

/** The numbering style a label starts with ("（一）一般公共预算拨款" → cnParen, "20805 行政事业单位养老支出" → code). */
export function outlineMark(text: string): OutlineMark {
  const s = norm(text).replace(/^[*＊#]+/, "");
  for (const [mark, re] of MARKS) if (re.test(s)) return mark;
  if (CODE.test(s)) return "code";
  return "none";
}

/**
 * A label split into its outline number and the rest, as written: "（一）数量指标" →
 * cnParen and "数量指标", "1. 培训人次" → num and "培训人次". A 科目 code is not
 * a number to strip (it is part of the line's name): such labels come back whole, as "none".
 */
export function splitOutlineMark(text: string): { mark: OutlineMark; rest: string } {
  const t = text.trim().replace(/^[*＊#]+/, "");
  for (const [mark, re] of MARKS) {
    const m = re.exec(t);
    if (m) return { mark, rest: t.slice(m[0].length) };
  }
  return { mark: "none", rest: t };
}

/** Depth of a code label: 类 1, 款 2, 项 3 (a 类 heads its 款, a 款 its 项). */
function codeDepth(text: string): number {
  const m = CODE.exec(norm(text).replace(/^[*＊#]+/, ""));
  const n = m ? m[1].length : 3;
  return n === 3 ? 1 : n === 5 ? 2 : 3;
}

export interface OutlineRow {
  /** The label as written (numbering kept). */
  text: string;
  /** The label was written with leading spaces (a sub-line in an unnumbered layout). */
  indented?: boolean;
  /**
   * Indent level (indentLevel()), for layouts whose outline is told by indentation
   * alone: when given, an unnumbered line indented deeper than the unnumbered line
   * above it is that line's child ("工资福利支出" over "　基本工资", "　津贴补贴").
   */
  indent?: number;
}

export interface OutlineNode {
  mark: OutlineMark;
  /** Depth in the outline: 0 for top-level unnumbered lines, the mark's rank otherwise, parent + ½ for "其中". */
  depth: number;
  /** Index of the parent row, -1 for a top-level row. */
  parent: number;
  /** A "其中：" line or its continuation: a part of its parent, not one of a full split. */
  among: boolean;
}

/** Parent of every row, from the numbering of the labels (rows in reading order). */
export function outline(rows: readonly OutlineRow[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  // Open rows that may head the rows below them, outermost first.
  const stack: number[] = [];
  const popTo = (depth: number) => {
    while (stack.length && nodes[stack[stack.length - 1]].depth >= depth) stack.pop();
  };
  for (let i = 0; i < rows.length; i++) {
    const mark = outlineMark(rows[i].text);
    const prev = i > 0 ? nodes[i - 1] : undefined;
    // Told by indentation alone: the nearest line above indented less (not a "其中" part).
    const indentedUnder = mark === "none" && (rows[i].indent ?? 0) > 0 ? indentParent(rows, nodes, i) : -1;
    let node: OutlineNode;
    if (mark === "among") {
      // Part of the nearest line above that is not itself a part.
      let subject = i - 1;
      while (subject >= 0 && nodes[subject].among) subject = nodes[subject].parent;
      const depth = subject >= 0 ? nodes[subject].depth + 0.5 : 0.5;
      popTo(depth);
      node = { mark, depth, parent: subject, among: true };
    } else if (mark === "none" && rows[i].indented && prev?.among) {
      node = { mark, depth: prev.depth, parent: prev.parent, among: true };
    } else if (indentedUnder >= 0) {
      nodes.push({ mark, depth: nodes[indentedUnder].depth + 0.1, parent: indentedUnder, among: false });
      continue;
    } else if (mark === "none") {
      stack.length = 0;
      node = { mark, depth: 0, parent: -1, among: false };
      nodes.push(node);
      // Heads the numbered lines below unless it closes a list of deeper lines above.
      if (!prev || prev.depth === 0) stack.push(i);
      continue;
    } else {
      const depth = mark === "code" ? codeDepth(rows[i].text) : MARK_RANK[mark];
      popTo(depth);
      node = { mark, depth, parent: stack.length ? stack[stack.length - 1] : -1, among: false };
    }
    nodes.push(node);
    stack.push(i);
  }
  return nodes;
}

/** The nearest row above `i` indented less than it and not a "其中" part, or -1. */
function indentParent(rows: readonly OutlineRow[], nodes: readonly OutlineNode[], i: number): number {
  const level = rows[i].indent ?? 0;
  for (let j = i - 1; j >= 0; j--) {
    if (nodes[j].among) continue;
    if ((rows[j].indent ?? 0) < level) return j;
  }
  return -1;
}

/** Indices of the direct children of row `i` (one level below it, up to the next row of its level or higher). */
export function childrenIn(nodes: readonly OutlineNode[], i: number, includeAmong = false): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < nodes.length; j++) {
    if (nodes[j].depth <= nodes[i].depth && nodes[j].parent !== i) break;
    if (nodes[j].parent === i && (includeAmong || !nodes[j].among)) out.push(j);
  }
  return out;
}

/** True when row `j` lies below row `i` in the outline (child, grandchild…). */
export function isDescendant(nodes: readonly OutlineNode[], j: number, i: number): boolean {
  for (let p = nodes[j].parent; p >= 0; p = nodes[p].parent) if (p === i) return true;
  return false;
}

/**
 * The rows of `candidates` (indices) that are not below another candidate, nor a
 * "其中" part: the rows a total written below them adds up.
 */
export function topLevelOf(nodes: readonly OutlineNode[], candidates: readonly number[]): number[] {
  const set = new Set(candidates);
  return candidates.filter((j) => {
    if (nodes[j].among) return false;
    for (let p = nodes[j].parent; p >= 0; p = nodes[p].parent) if (set.has(p) || nodes[p].among) return false;
    return true;
  });
}

/** Leading spaces (ASCII, full-width or non-breaking) before the label text. */
export function isIndented(raw: string): boolean {
  return /^[ \t\u3000\u00a0]+\S/.test(raw);
}

/**
 * Indent level of a label: Excel's indent format when set; else its leading
 * spaces — one level per full-width space, tab or non-breaking space, or per two
 * ASCII spaces (one stray ASCII space is not an indent: clerks type them by accident).
 */
export function indentLevel(raw: string, formatIndent?: number): number {
  if (formatIndent && formatIndent > 0) return formatIndent;
  const m = /^[ \t\u3000\u00a0]+(?=\S)/.exec(raw);
  if (!m) return 0;
  const ascii = m[0].split(" ").length - 1;
  return m[0].length - ascii + Math.floor(ascii / 2);
}
