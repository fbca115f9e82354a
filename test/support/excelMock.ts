/**
 * An Excel object model for office-addin-mock, built from a WorkbookSnapshot:
 * worksheets (reached by getItem, as the adapter does), used ranges with values,
 * text, number formats and value types, merged areas, protection, cell fills,
 * and custom XML parts. `syncs` counts context.sync() round trips. As in Excel,
 * a request that names a missing worksheet, or asks a collection of several
 * custom XML parts for its only one, fails as a whole at its sync.
 */
import { OfficeMockObject } from "office-addin-mock";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { a1, parseRangeA1, rangeA1 } from "../../src/core/grid/address";

export interface FillState {
  color: string | null;
  pattern: string;
  patternColor: string | null;
}

export interface MockWorkbook {
  context: Excel.RequestContext;
  syncs: () => number;
  /** Fill of a cell as the mock holds it. */
  fill(sheet: string, address: string): FillState;
  /** Every fill the mock holds, by "Sheet!A1" (to reopen the workbook). */
  fills(): Record<string, FillState>;
  /** Custom XML parts stored (by namespace). */
  parts: { ns: string; xml: string; deleted: boolean }[];
  setProtected(sheet: string, value: boolean): void;
  /** Simulates the clerk changing a cell's fill by hand. */
  paint(sheet: string, address: string, color: string): void;
}

/**
 * `initialFills` and `initialParts` stand for what a saved workbook carries: pass
 * a previous mock's fills and parts to "reopen" it in a fresh context.
 */
export function mockExcel(wb: WorkbookSnapshot, initialFills: Record<string, FillState> = {}, initialParts: MockWorkbook["parts"] = []): MockWorkbook {
  const fills = new Map<string, FillState>();
  const fillOf = (sheet: string, address: string) => {
    const k = `${sheet}!${address}`;
    if (!fills.has(k)) fills.set(k, initialFills[k] ? { ...initialFills[k] } : { color: "#FFFFFF", pattern: "None", patternColor: null });
    return fills.get(k)!;
  };
  const cellsOf = (areas: { top: number; left: number; bottom: number; right: number }[]) => {
    const out: string[] = [];
    for (const r of areas) for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push(a1(i, j));
    return out;
  };
  /** A RangeFill over several cells: setting a property sets it on every cell. */
  const fillSetter = (sheet: string, cells: string[]) => ({
    set color(v: string | null) {
      for (const c of cells) {
        const f = fillOf(sheet, c);
        f.color = v;
        if (f.pattern === "None") f.pattern = "Solid";
      }
    },
    set pattern(v: string) {
      for (const c of cells) fillOf(sheet, c).pattern = v;
    },
    set patternColor(v: string | null) {
      for (const c of cells) fillOf(sheet, c).patternColor = v;
    },
    clear() {
      for (const c of cells) Object.assign(fillOf(sheet, c), { color: "#FFFFFF", pattern: "None", patternColor: null });
    },
  });
  const parts: MockWorkbook["parts"] = initialParts.map((p) => ({ ...p }));
  const byName: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    const b = s.bounds;
    const used = b ? rangeData(s, b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1, true) : nullRange();
    const name = s.name;
    byName[name] = {
      name,
      visibility: s.hidden ? "Hidden" : "Visible",
      used,
      protection: { protected: false },
      getUsedRangeOrNullObject() {
        return (this as unknown as { used: unknown }).used;
      },
      getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
        // A range made by a method call lives outside the mock's tree: a plain object
        // whose properties are readable after the next sync (load is a no-op).
        return {
          ...rangeData(s, row, col, rows, cols, false),
          load() {
            return this;
          },
          /** Range.getCellProperties: the indent level of each cell (the only property the adapter reads this way here). */
          getCellProperties() {
            const value = Array.from({ length: rows }, (_, i) =>
              Array.from({ length: cols }, (_, j) => ({ format: { indentLevel: s.rows.get(row + i)?.get(col + j)?.indent ?? 0 } })),
            );
            return { value };
          },
          /** The used cells inside this range (Range.getUsedRangeOrNullObject(true)). */
          getUsedRangeOrNullObject() {
            const box = usedBox(s, row, col, row + rows - 1, col + cols - 1);
            const r = box ? rangeData(s, box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1, false) : nullRange();
            return { ...r, load() { return this; } };
          },
        };
      },
      getRange(address: string) {
        const r = parseRangeA1(address)!;
        const cells = cellsOf([r]);
        return {
          getCellProperties() {
            // Read when queued (nothing is written between queueing and the sync in the code under test).
            const value = Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
              Array.from({ length: r.right - r.left + 1 }, (_, j) => ({ format: { fill: { ...fillOf(name, a1(r.top + i, r.left + j)) } } })),
            );
            return { value };
          },
          format: { fill: fillSetter(name, cells) },
        };
      },
      getRanges(list: string) {
        const areas = list.split(",").map((a) => parseRangeA1(a.trim())!);
        return { format: { fill: fillSetter(name, cellsOf(areas)) }, select() {} };
      },
    };
  }
  const partsCollection = () => ({
    get items() {
      return parts.filter((p) => !p.deleted).map((p) => ({
        id: String(parts.indexOf(p)),
        getXml: () => ({ value: p.xml }),
        delete: () => {
          p.deleted = true;
        },
      }));
    },
    load() {
      return this;
    },
  });
  let syncs = 0;
  let failure: Error | undefined;
  const failNextSync = (e: Error) => {
    failure = failure ?? e;
  };
  const seed = {
    workbook: {
      worksheets: {
        items: wb.sheets.map((s) => ({ name: s.name, visibility: s.hidden ? "Hidden" : "Visible" })),
        byName,
        getItem(n: string) {
          const ws = (this as unknown as { byName: Record<string, unknown> }).byName[n];
          if (ws) return ws;
          // ItemNotFound: Excel fails the whole request at the next sync.
          failNextSync(new Error(`ItemNotFound: worksheet ${n}`));
          return anything();
        },
      },
      customXmlParts: {
        add(xml: string) {
          parts.push({ ns: /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "", xml, deleted: false });
        },
        getByNamespace(ns: string) {
          const c = partsCollection();
          const inNs = () => c.items.filter((i) => parts[Number(i.id)].ns === ns);
          return {
            load: c.load,
            get items() {
              return inNs();
            },
            getOnlyItem() {
              const items = inNs();
              if (items.length === 1) return items[0];
              // Excel fails the whole request at the next sync.
              failNextSync(new Error(`InvalidOperation: ${items.length} custom XML parts in ${ns}`));
              return { getXml: () => ({ value: undefined }), delete() {} };
            },
          };
        },
      },
    },
  };
  const mock = new OfficeMockObject(seed as unknown as Record<string, unknown>) as unknown as {
    sync: () => Promise<void>;
    workbook: { worksheets: { byName: Record<string, { used: object; protection: { protected: unknown } }> } };
  };
  for (const name of Object.keys(byName)) {
    const ws = mock.workbook.worksheets.byName[name];
    loaded(ws.used);
    // Set directly: the mock keeps a non-error value through load and sync.
    ws.protection.protected = false;
  }
  const sync = mock.sync.bind(mock);
  mock.sync = async () => {
    syncs++;
    const e = failure;
    failure = undefined;
    if (e) throw e;
    await sync();
  };
  return {
    context: mock as unknown as Excel.RequestContext,
    syncs: () => syncs,
    fill: fillOf,
    fills: () => Object.fromEntries([...fills].map(([k, v]) => [k, { ...v }])),
    parts,
    setProtected: (s, v) => {
      mock.workbook.worksheets.byName[s].protection.protected = v;
    },
    paint: (s, a, c) => {
      const f = fillOf(s, a);
      f.color = c;
      f.pattern = "Solid";
    },
  };
}

/** An object that accepts any property read or call (what the code queues on an object Excel will not find). */
function anything(): unknown {
  return new Proxy(function () {}, { get: (_t, k) => (k === "then" ? undefined : anything()), apply: () => anything(), set: () => true });
}

/** Bounding box of the sheet's cells inside a rectangle, or null when there is none. */
function usedBox(s: WorkbookSnapshot["sheets"][number], top: number, left: number, bottom: number, right: number) {
  let box: { top: number; left: number; bottom: number; right: number } | null = null;
  for (const [r, row] of s.rows) {
    if (r < top || r > bottom) continue;
    for (const c of row.keys()) {
      if (c < left || c > right) continue;
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else box = { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) };
    }
  }
  return box;
}

/** The values of a rectangle of a sheet, as Range properties. */
function rangeData(s: WorkbookSnapshot["sheets"][number], top: number, left: number, rows: number, cols: number, withMerges: boolean) {
  const values: unknown[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const valueTypes: string[][] = [];
  for (let r = top; r < top + rows; r++) {
    const vr: unknown[] = [];
    const tr: string[] = [];
    const fr: string[] = [];
    const yr: string[] = [];
    for (let c = left; c < left + cols; c++) {
      const cell = s.rows.get(r)?.get(c);
      vr.push(cell ? (cell.error ? cell.error : cell.value ?? "") : "");
      tr.push(cell ? cell.text : "");
      fr.push(cell?.numberFormat ?? "General");
      yr.push(!cell ? "Empty" : cell.error ? "Error" : typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String");
    }
    values.push(vr);
    text.push(tr);
    numberFormat.push(fr);
    valueTypes.push(yr);
  }
  const merges = withMerges ? s.merges : [];
  return {
    isNullObject: false,
    address: `${s.name}!${rangeA1({ top, left, bottom: top + rows - 1, right: left + cols - 1 })}`,
    rowIndex: top,
    columnIndex: left,
    rowCount: rows,
    columnCount: cols,
    values,
    text,
    numberFormat,
    valueTypes,
    merged: { isNullObject: merges.length === 0, address: merges.map((m) => `${s.name}!${rangeA1(m)}`).join(", ") },
    getMergedAreasOrNullObject() {
      return (this as unknown as { merged: unknown }).merged;
    },
  };
}

function nullRange() {
  return { isNullObject: true, address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [], text: [], numberFormat: [], valueTypes: [], merged: { isNullObject: true, address: "" }, getMergedAreasOrNullObject() { return (this as unknown as { merged: unknown }).merged; } };
}

/**
 * office-addin-mock treats every scalar as needing load(); Office.js makes
 * `isNullObject` readable after any sync. Mark it readable on a range and its merges.
 */
function loaded<T extends object>(range: T): T {
  const r = range as unknown as { _properties: Map<string, { _valueBeforeLoaded: unknown }>; isNullObject: unknown; merged: { _properties: Map<string, { _valueBeforeLoaded: unknown }>; isNullObject: unknown } };
  r.isNullObject = r._properties.get("isNullObject")!._valueBeforeLoaded;
  r.merged.isNullObject = r.merged._properties.get("isNullObject")!._valueBeforeLoaded;
  return range;
}

export { a1 };
