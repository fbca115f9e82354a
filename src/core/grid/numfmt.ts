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

function renderNumeric(abs: DecimalBase, p: NumericPattern): string {
  let v = abs;
  for (let i = 0; i < p.percent; i++) v = v.times(100);
  for (let i = 0; i < p.scaleCommas; i++) v = v.div(1000);
  if (p.scientific) return v.toExponential(p.decimals).toUpperCase().replace(/E\+?(-?)(\d)$/, "E+$10$2");
  let fixed = v.toDecimalPlaces(p.decimals, DecimalBase.ROUND_HALF_UP).toFixed(p.decimals);
  let [int, frac = ""] = fixed.split(".");
  if (p.optionalDecimals > 0 && frac) {
    const mandatory = p.decimals - p.optionalDecimals;
    while (frac.length > mandatory && frac.endsWith("0")) frac = frac.slice(0, -1);
  }
  const minInt = (p.intPattern.match(/0/g) || []).length;
  if (int === "0" && minInt === 0) int = "";
  while (int.length < minInt) int = "0" + int;
  if (p.grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  fixed = frac ? `${int}.${frac}` : p.decimals > 0 && p.optionalDecimals === p.decimals ? `${int}.` : int;
  return fixed;
}

/** Displayed text of a numeric value under an Excel number format. */
export function formatNumberWithFormat(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format.trim())) return formatGeneral(value);
  if (format.trim() === "@") return formatGeneral(value);
  const sections = splitSections(format);
  let section = sections[0];
  let useAbs = false;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    useAbs = true;
  } else if (value === 0 && sections.length > 2) {
    section = sections[2];
  }
  if (/^general$/i.test(section.replace(/\[[^\]]*\]/g, "").trim())) return formatGeneral(value);
  if (isDateFormat(section)) return formatDate(excelSerialToDate(value), section);
  const p = parsePattern(section);
  if (!p.intPattern && p.decimals === 0 && !p.scientific) return p.prefix; // e.g. "-" for zero
  const abs = new D(Math.abs(value).toPrecision(15));
  const body = renderNumeric(abs, p);
  const sign = value < 0 && !useAbs && !/^0*\.?0*$/.test(body.replace(/[,.]/g, "")) ? "-" : "";
  return `${sign}${p.prefix}${body}${p.suffix}`.trim();
}

export function formatDateValue(d: Date, format: string | undefined): string {
  const f = format && isDateFormat(splitSections(format)[0]) ? splitSections(format)[0] : "yyyy/m/d";
  return formatDate(d, f);
}
