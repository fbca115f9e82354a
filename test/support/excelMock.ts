/**
 * An Excel object model for office-addin-mock, built from a WorkbookSnapshot:
 * worksheets (reached by getItem, as the adapter does), used ranges with values,
 * text, number formats and value types, merged areas, protection, cell fills,
 * and custom XML parts. `syncs` counts context.sync() round trips.
 */
import { OfficeMockObject } from "office-addin-mock";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { a1, rangeA1 } from "../../src/core/grid/address";

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
        return { ...rangeData(s, row, col, rows, cols, false), load() { return this; } };
      },
      getRange(address: string) {
        const f = fillOf(name, address);
        return {
          format: {
            fill: {
              get color() {
                return f.color;
              },
              set color(v: string | null) {
                f.color = v;
                if (f.pattern === "None") f.pattern = "Solid";
              },
              get pattern() {
                return f.pattern;
              },
              set pattern(v: string) {
                f.pattern = v;
              },
              get patternColor() {
                return f.patternColor;
              },
              set patternColor(v: string | null) {
                f.patternColor = v;
              },
              load() {
                return this;
              },
              clear() {
                f.color = "#FFFFFF";
                f.pattern = "None";
                f.patternColor = null;
              },
            },
          },
        };
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
  const seed = {
    workbook: {
      worksheets: {
        items: wb.sheets.map((s) => ({ name: s.name, visibility: s.hidden ? "Hidden" : "Visible" })),
        byName,
        getItem(n: string) {
          return (this as unknown as { byName: Record<string, unknown> }).byName[n];
        },
      },
      customXmlParts: {
        add(xml: string) {
          parts.push({ ns: /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "", xml, deleted: false });
        },
        getByNamespace(ns: string) {
          const c = partsCollection();
          return { load: c.load, get items() { return c.items.filter((i) => parts[Number(i.id)].ns === ns); } };
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
