/**
 * 评价等次 from a total score. The national scheme (财政部): 优 ≥ 90, 良 80–90,
 * 中 60–80, 差 < 60. Names differ by place (Shanghai: 优/良/合格/不合格), so a
 * scheme is data: thresholds from the top, and the words a clerk may write for
 * each grade.
 */
import { Decimal } from "../amount/decimal";
import { norm } from "../recognize/normalize";

export interface GradeLevel {
  /** Canonical name: "优". */
  name: string;
  /** Lowest score of the grade (inclusive). */
  min: number;
  /** Other ways to write it: "优秀". */
  aliases?: string[];
}

export interface GradeScheme {
  name: string;
  /** From the highest grade down; the last has min 0. */
  levels: GradeLevel[];
}

export const NATIONAL_GRADES: GradeScheme = {
  name: "优/良/中/差",
  levels: [
    { name: "优", min: 90, aliases: ["优秀", "A"] },
    { name: "良", min: 80, aliases: ["良好", "B"] },
    { name: "中", min: 60, aliases: ["中等", "一般", "合格", "C"] },
    { name: "差", min: 0, aliases: ["较差", "不合格", "D"] },
  ],
};

export const SHANGHAI_GRADES: GradeScheme = {
  name: "优/良/合格/不合格",
  levels: [
    { name: "优", min: 90, aliases: ["优秀"] },
    { name: "良", min: 80, aliases: ["良好"] },
    { name: "合格", min: 60, aliases: ["中"] },
    { name: "不合格", min: 0, aliases: ["差"] },
  ],
};

/** The grade a score earns under a scheme. */
export function gradeOf(score: Decimal, scheme: GradeScheme = NATIONAL_GRADES): GradeLevel {
  for (const l of scheme.levels) if (score.gte(l.min)) return l;
  return scheme.levels[scheme.levels.length - 1];
}

/** The grade a clerk wrote ("优", "优秀", "“优”"), or undefined when it names none. */
export function readGrade(text: string, scheme: GradeScheme = NATIONAL_GRADES): GradeLevel | undefined {
  const t = norm(text).replace(/[()（）。.等级次]/g, "");
  for (const l of scheme.levels) if (t === l.name || l.aliases?.includes(t)) return l;
  return undefined;
}

/** "优 ≥ 90，良 80–90，中 60–80，差 < 60". */
export function describeScheme(scheme: GradeScheme = NATIONAL_GRADES): string {
  const ls = scheme.levels;
  return ls
    .map((l, i) => (i === 0 ? `${l.name} ≥ ${l.min}` : i === ls.length - 1 ? `${l.name} < ${ls[i - 1].min}` : `${l.name} ${l.min}–${ls[i - 1].min}`))
    .join("，");
}

/** The scheme a clerk's grade word belongs to: 合格/不合格 are Shanghai's names, the rest national. */
export function schemeOf(text: string): GradeScheme {
  const t = norm(text).replace(/[()（）。.“”"]/g, "");
  return t === "合格" || t === "不合格" ? SHANGHAI_GRADES : NATIONAL_GRADES;
}
