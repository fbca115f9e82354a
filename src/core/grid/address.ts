/**
 * A1 address helpers. Rows and columns are 0-based everywhere in the core;
 * only the strings shown to people are 1-based A1 addresses.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. Returns -1 for anything that is not letters. */
export function colIndex(name: string): number {
  const up = name.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) return -1;
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export function rangeA1(r: RangePos): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Parses "B7" (also "$B$7") into a 0-based position; null when malformed. */
export function parseA1(addr: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) return null;
  const col = colIndex(m[1]);
  const row = parseInt(m[2], 10) - 1;
  if (col < 0 || row < 0) return null;
  return { row, col };
}

/** Parses "A1:C3" or a single cell "B2"; null when malformed. */
export function parseRangeA1(addr: string): RangePos | null {
  const bare = addr.includes("!") ? addr.slice(addr.lastIndexOf("!") + 1) : addr;
  const [a, b] = bare.split(":");
  const p = parseA1(a);
  if (!p) return null;
  const q = b === undefined ? p : parseA1(b);
  if (!q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeContains(r: RangePos, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Sheet-qualified address as Excel writes it: 'My sheet'!B7 (quotes only when needed). */
export function qualified(sheet: string, addr: string): string {
  const needsQuotes = !/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet);
  const name = needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${addr}`;
}
