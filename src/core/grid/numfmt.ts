/**
 * Renders a number through an Excel number format, to recover the text Excel
 * displays. Office.js gives that text directly (Range.text); .xlsx readers give
 * only the value and the format, so the .xlsx host uses this.
 *
 * Covers what disclosure workbooks use: General, fixed decimals, thousands
 * separators, percent, literal text and quoted strings, `_x` padding, `*x` fill,
 * colours/conditions in brackets, up to four sections, scaling commas,
 * scientific notation, and plain date formats. Rounding is half away from zero
 * on the decimal digits, as Excel does (1.005 → "1.01", not binary "1.00").
 */
import DecimalBase from "decimal.js";

const D = DecimalBase.clone({ precision: 40 });

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') inQuote = !inQuote;
    if (ch === "\\" && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ";" && !inQuote) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Excel's General format: up to 11 characters, 10 significant digits. */
export function formatGeneral(v: number): string {
  if (!isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    return v.toExponential(5).replace(/\.?0+e/, "E").replace(/E([+-])(\d)$/, "E$10$2").toUpperCase();
  }
  const s = new D(v.toPrecision(10)).toString();
  return s.includes("e") ? v.toExponential(5).toUpperCase() : s;
}

const DATE_TOKENS = /(yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|AM\/PM)/gi;

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/[ymdhs]/gi, ""));
}

function excelSerialToDate(serial: number): Date {
  // 1900 date system; Excel's fictitious 1900-02-29 is skipped by the 25569 offset.
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms);
}

function formatDate(d: Date, section: string): string {
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  let out = "";
  let i = 0;
  const s = section.replace(/\[[^\]]*\]/g, "");
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      const j = s.indexOf('"', i + 1);
      out += s.slice(i + 1, j < 0 ? s.length : j);
      i = j < 0 ? s.length : j + 1;
      continue;
    }
    if (ch === "\\") {
      out += s[i + 1] ?? "";
      i += 2;
      continue;
    }
    DATE_TOKENS.lastIndex = i;
    const m = DATE_TOKENS.exec(s);
    if (m && m.index === i) {
      const t = m[1].toLowerCase();
      const map: Record<string, string> = {
        yyyy: String(d.getUTCFullYear()),
        yy: pad(d.getUTCFullYear() % 100),
        mmmm: String(d.getUTCMonth() + 1),
        mmm: String(d.getUTCMonth() + 1),
        mm: pad(d.getUTCMonth() + 1),
        m: String(d.getUTCMonth() + 1),
        dd: pad(d.getUTCDate()),
        d: String(d.getUTCDate()),
        hh: pad(d.getUTCHours()),
        h: String(d.getUTCHours()),
        ss: pad(d.getUTCSeconds()),
        s: String(d.getUTCSeconds()),
        "am/pm": d.getUTCHours() < 12 ? "AM" : "PM",
      };
      out += map[t] ?? m[1];
      i += m[1].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

interface NumericPattern {
  prefix: string;
  suffix: string;
  intPattern: string;
  decimals: number;
  optionalDecimals: number;
  grouping: boolean;
  percent: number;
  scaleCommas: number;
  scientific: boolean;
}

function literalize(part: string): string {
  let out = "";
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '"') {
      const j = part.indexOf('"', i + 1);
      out += part.slice(i + 1, j < 0 ? part.length : j);
      i = j < 0 ? part.length : j;
    } else if (ch === "\\") {
      out += part[++i] ?? "";
    } else if (ch === "_") {
      out += " ";
      i++;
    } else if (ch === "*") {
      i++;
    } else out += ch;
  }
  return out;
}

function parsePattern(section: string): NumericPattern {
  const s = section.replace(/\[[^\]]*\]/g, "");
  // Locate the numeric core: from the first digit placeholder to the last one.
  let first = -1;
  let last = -1;
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && (ch === "\\" || ch === "_" || ch === "*")) i++;
    else if (!inQuote && /[0#?]/.test(ch)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    return { prefix: literalize(s), suffix: "", intPattern: "", decimals: 0, optionalDecimals: 0, grouping: false, percent: 0, scaleCommas: 0, scientific: false };
  }
  let coreEnd = last + 1;
  // Scaling commas right after the last placeholder (e.g. "#,##0,").
  let scaleCommas = 0;
  while (s[coreEnd] === ",") {
    scaleCommas++;
    coreEnd++;
  }
  let core = s.slice(first, last + 1);
  let scientific = false;
  const eIdx = core.search(/E[+-]/i);
  if (eIdx >= 0) {
    scientific = true;
    core = core.slice(0, eIdx);
  }
  const prefixRaw = s.slice(0, first);
  const suffixRaw = s.slice(coreEnd);
  const percent = (prefixRaw + suffixRaw).replace(/"[^"]*"/g, "").split("%").length - 1;
  const dot = core.indexOf(".");
  const intPart = dot >= 0 ? core.slice(0, dot) : core;
  const fracPart = dot >= 0 ? core.slice(dot + 1).replace(/[^0#?]/g, "") : "";
  return {
    prefix: literalize(prefixRaw),
    suffix: literalize(suffixRaw),
    intPattern: intPart.replace(/,/g, ""),
    decimals: fracPart.length,
    optionalDecimals: (fracPart.match(/[#?]/g) || []).length,
    grouping: intPart.includes(","),
    percent,
    scaleCommas,
    scientific,
  };
}

/**
 * Decimal digits of |v| as Excel sees them (15 significant digits), rounded
 * half-up to `dp` decimals, as [integer digits, fraction digits]. String
 * arithmetic: no binary rounding surprises (1.005 → "1.01").
 */
function roundedDigits(v: number, dp: number): [string, string] {
  let s = v.toPrecision(15);
  if (s.includes("e")) s = new D(s).toFixed();
  let [int, frac = ""] = s.split(".");
  frac = frac.replace(/0+$/, "");
  if (frac.length <= dp) return [int.replace(/^0+(?=\d)/, ""), frac + "0".repeat(dp - frac.length)];
  const roundUp = frac.charCodeAt(dp) >= 53;
  let digits = int + frac.slice(0, dp);
  if (roundUp) {
    const arr = digits.split("");
    let i = arr.length - 1;
    while (i >= 0) {
      if (arr[i] === "9") {
        arr[i] = "0";
        i--;
      } else {
        arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
        break;
      }
    }
    digits = (i < 0 ? "1" : "") + arr.join("");
  }
  const intLen = digits.length - dp;
  return [digits.slice(0, intLen).replace(/^0+(?=\d)/, "") || "0", digits.slice(intLen)];
}

function renderNumeric(absValue: number, p: NumericPattern): string {
  if (p.scientific) {
    let d = new D(absValue.toPrecision(15));
    for (let i = 0; i < p.percent; i++) d = d.times(100);
    return d.toExponential(p.decimals).toUpperCase().replace(/E\+?(-?)(\d)$/, "E+$10$2");
  }
  let [int, frac] = p.percent || p.scaleCommas ? scaledDigits(absValue, p) : roundedDigits(absValue, p.decimals);
  if (p.optionalDecimals > 0 && frac) {
    const mandatory = p.decimals - p.optionalDecimals;
    while (frac.length > mandatory && frac.endsWith("0")) frac = frac.slice(0, -1);
  }
  const minInt = (p.intPattern.match(/0/g) || []).length;
  if (int === "0" && minInt === 0) int = "";
  while (int.length < minInt) int = "0" + int;
  if (p.grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${int}.${frac}` : p.decimals > 0 && p.optionalDecimals === p.decimals ? `${int}.` : int;
}

/** Percent and scaling commas: exact decimal scaling, then the same half-up rounding. */
function scaledDigits(absValue: number, p: NumericPattern): [string, string] {
  let d = new D(absValue.toPrecision(15));
  for (let i = 0; i < p.percent; i++) d = d.times(100);
  for (let i = 0; i < p.scaleCommas; i++) d = d.div(1000);
  const fixed = d.toDecimalPlaces(p.decimals, D.ROUND_HALF_UP).toFixed(p.decimals);
  const [int, frac = ""] = fixed.split(".");
  return [int, frac];
}

interface CompiledFormat {
  general: boolean;
  sections: string[];
  patterns: (NumericPattern | null)[];
  dates: boolean[];
  generalSections: boolean[];
}

const compiled = new Map<string, CompiledFormat>();

function compile(format: string): CompiledFormat {
  let c = compiled.get(format);
  if (c) return c;
  const trimmed = format.trim();
  const general = /^general$/i.test(trimmed) || trimmed === "@";
  const sections = general ? [] : splitSections(format);
  const generalSections = sections.map((s) => /^general$/i.test(s.replace(/\[[^\]]*\]/g, "").trim()));
  const dates = sections.map((s) => isDateFormat(s));
  const patterns = sections.map((s, i) => (generalSections[i] || dates[i] ? null : parsePattern(s)));
  c = { general, sections, patterns, dates, generalSections };
  if (compiled.size < 500) compiled.set(format, c);
  return c;
}

/** Displayed text of a numeric value under an Excel number format. */
export function formatNumberWithFormat(value: number, format: string | undefined): string {
  if (!format) return formatGeneral(value);
  const cf = compile(format);
  if (cf.general) return formatGeneral(value);
  const sections = cf.sections;
  let si = 0;
  let useAbs = false;
  if (value < 0 && sections.length > 1) {
    si = 1;
    useAbs = true;
  } else if (value === 0 && sections.length > 2) {
    si = 2;
  }
  const section = sections[si];
  if (cf.generalSections[si]) return formatGeneral(value);
  if (cf.dates[si]) return formatDate(excelSerialToDate(value), section);
  const p = cf.patterns[si]!;
  if (!p.intPattern && p.decimals === 0 && !p.scientific) return p.prefix; // e.g. "-" for zero
  const body = renderNumeric(Math.abs(value), p);
  const sign = value < 0 && !useAbs && !/^0*\.?0*$/.test(body.replace(/[,.]/g, "")) ? "-" : "";
  return `${sign}${p.prefix}${body}${p.suffix}`.trim();
}

export function formatDateValue(d: Date, format: string | undefined): string {
  const f = format && isDateFormat(splitSections(format)[0]) ? splitSections(format)[0] : "yyyy/m/d";
  return formatDate(d, f);
}
