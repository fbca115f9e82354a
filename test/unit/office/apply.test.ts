/**
 * 采用建议值 / 撤销 through Office.js (office-addin-mock): 1 read + 1 write round
 * trip each; refused without any change on a protected sheet (unless the cell is
 * unlocked), on a formula cell, and on a cell whose value changed since the check;
 * 撤销 restores exactly what the cell held and refuses to overwrite a later edit.
 */
import { OfficeMockObject } from "office-addin-mock";
import { applyValueOffice, undoValueOffice } from "../../../src/host/office/apply";
import { HostError } from "../../../src/host/host";
import { CellRef } from "../../../src/core/tables/types";

interface MockCell {
  value: string | number | boolean;
  formula?: string;
  text: string;
  numberFormat?: string;
  locked?: boolean;
}

/** One sheet, a few cells; `writes` counts cells written. */
function mockBook(cells: Record<string, MockCell>, opts: { protectedSheet?: boolean } = {}) {
  let syncs = 0;
  const writes: { address: string; value: unknown }[] = [];
  const rangeOf = (address: string) => {
    const c = () => cells[address] ?? { value: "", text: "" };
    return {
      load() {
        return this;
      },
      get values() {
        return [[c().value]];
      },
      set values(v: unknown[][]) {
        const x = v[0][0];
        writes.push({ address, value: x });
        // Excel: a number is stored as is; "'text" keeps the text; "" clears.
        const cell = { ...c(), formula: undefined as string | undefined };
        if (typeof x === "string" && x.startsWith("'")) Object.assign(cell, { value: x.slice(1), text: x.slice(1) });
        else Object.assign(cell, { value: x, text: x === "" ? "" : String(x) });
        cells[address] = cell as MockCell;
      },
      get formulas() {
        return [[c().formula ?? c().value]];
      },
      get text() {
        return [[c().text]];
      },
      get numberFormat() {
        return [[c().numberFormat ?? "General"]];
      },
      get valueTypes() {
        const v = c().value;
        return [[v === "" ? "Empty" : typeof v === "number" ? "Double" : "String"]];
      },
      format: { protection: { locked: c().locked ?? true, load() { return this; } } },
    };
  };
  const seed = {
    workbook: {
      worksheets: {
        getItem() {
          return { protection: { protected: !!opts.protectedSheet, load() { return this; } }, getRange: rangeOf };
        },
      },
    },
  };
  const mock = new OfficeMockObject(seed as unknown as Record<string, unknown>) as unknown as { sync: () => Promise<void> };
  const sync = mock.sync.bind(mock);
  mock.sync = async () => {
    syncs++;
    await sync();
  };
  return { context: mock as unknown as Excel.RequestContext, syncs: () => syncs, writes, cells };
}

const C13: CellRef = { sheet: "公开01表", row: 12, col: 2 };

async function refusal(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("not refused");
}

test("a blank cell: 1 read + 1 write; 撤销 restores the blank in 1 + 1", async () => {
  const m = mockBook({});
  const edit = await applyValueOffice(m.context, C13, "480.55", "");
  expect(m.syncs()).toBe(2);
  expect(m.writes).toEqual([{ address: "C13", value: 480.55 }]);
  expect(m.cells.C13.value).toBe(480.55);
  await undoValueOffice(m.context, edit);
  expect(m.syncs()).toBe(4);
  expect(m.writes[1]).toEqual({ address: "C13", value: "" });
  expect(m.cells.C13.value).toBe("");
});

test("a wrong figure is replaced and restored exactly, text figures stay text", async () => {
  const m = mockBook({ C13: { value: "1,200.00", text: "1,200.00" } });
  const edit = await applyValueOffice(m.context, C13, "1480.55", "1200");
  expect(m.cells.C13.value).toBe(1480.55);
  await undoValueOffice(m.context, edit);
  // Written back with an apostrophe so Excel keeps it as the text it was.
  expect(m.writes[1].value).toBe("'1,200.00");
  expect(m.cells.C13.value).toBe("1,200.00");
});

test("a cell formatted as text gets the figure as text", async () => {
  const m = mockBook({ C13: { value: "", text: "", numberFormat: "@" } });
  await applyValueOffice(m.context, C13, "480.55", "");
  expect(m.writes[0].value).toBe("480.55");
});

test("refused on a protected sheet: 1 round trip, nothing written", async () => {
  const m = mockBook({}, { protectedSheet: true });
  const e = await refusal(applyValueOffice(m.context, C13, "480.55", ""));
  expect(e.code).toBe("protected");
  expect(e.message).toContain("受保护");
  expect(m.syncs()).toBe(1);
  expect(m.writes).toEqual([]);
});

test("an unlocked cell of a protected sheet may be written, as the clerk could", async () => {
  const m = mockBook({ C13: { value: "", text: "", locked: false } }, { protectedSheet: true });
  await applyValueOffice(m.context, C13, "480.55", "");
  expect(m.writes).toHaveLength(1);
});

test("refused on a formula cell, saying where to fix", async () => {
  const m = mockBook({ C13: { value: 0, text: "0.00", formula: "=SUM(C14:C15)" } });
  const e = await refusal(applyValueOffice(m.context, C13, "480.55", "0"));
  expect(e.code).toBe("formula");
  expect(e.message).toContain("=SUM(C14:C15)");
  expect(e.message).toContain("公式引用的单元格");
  expect(m.syncs()).toBe(1);
  expect(m.writes).toEqual([]);
});

test("refused when the cell changed since the check", async () => {
  const m = mockBook({ C13: { value: 300, text: "300.00" } });
  const e = await refusal(applyValueOffice(m.context, C13, "480.55", ""));
  expect(e.code).toBe("changed");
  expect(e.message).toContain("重新校验");
  expect(m.writes).toEqual([]);
  // The same figure written differently is not a change.
  const same = mockBook({ C13: { value: "1,200.0", text: "1,200.0" } });
  await applyValueOffice(same.context, C13, "1480.55", "1200.00");
  expect(same.writes).toHaveLength(1);
});

test("撤销 refuses to overwrite a value the clerk typed after the suggestion", async () => {
  const m = mockBook({});
  const edit = await applyValueOffice(m.context, C13, "480.55", "");
  m.cells.C13 = { value: 500, text: "500.00" };
  const e = await refusal(undoValueOffice(m.context, edit));
  expect(e.code).toBe("changed");
  expect(m.cells.C13.value).toBe(500);
  expect(m.writes).toHaveLength(1);
});
