/** What the pane lists: groups by table, severity order, filters, search, the selected cell's findings. */
import { cellIndex, groupFindings, visibleRows } from "../../../src/taskpane/model";
import { checkWorkbook } from "../../../src/core/check";
import { Severity } from "../../../src/core/report/finding";
import { fixture } from "../../support/fixtures";

const all = new Set<Severity>(["error", "warning", "info"]);

test("anyang: one group per table in workbook order, errors first inside a group, every finding listed once", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const groups = groupFindings(r);
  expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(r.findings.length);
  expect(groups[0].title).toBe("公开01表 收入支出决算总表");
  for (const g of groups) {
    const ranks = g.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(g.counts.error + g.counts.warning + g.counts.info).toBe(g.findings.length);
  }
  const rows = visibleRows(groups, { severities: all, search: "" });
  expect(rows.filter((x) => x.kind === "finding")).toHaveLength(r.findings.length);
  expect(rows.filter((x) => x.kind === "group")).toHaveLength(groups.length);
});

test("filters: severities and search (message, table, cell address)", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const groups = groupFindings(r);
  const errorsOnly = visibleRows(groups, { severities: new Set(["error"]), search: "" }).filter((x) => x.kind === "finding");
  expect(errorsOnly).toHaveLength(r.summary.error);
  const c13 = visibleRows(groups, { severities: all, search: "c13" }).filter((x) => x.kind === "finding");
  expect(c13.length).toBeGreaterThan(0);
  for (const row of c13) if (row.kind === "finding") expect(row.finding.cells.some((c) => c.row === 12 && c.col === 2) || /C13/.test(row.finding.message)).toBe(true);
  expect(visibleRows(groups, { severities: all, search: "没有这样的文字" })).toEqual([]);
  // A group with nothing left is not shown.
  const g07 = visibleRows(groups, { severities: all, search: "公开07表" });
  expect(g07.every((x) => x.kind === "finding" || x.group.findings.length > 0)).toBe(true);
});

test("the selected cell's findings", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const idx = cellIndex(r.findings);
  const f = r.findings.find((x) => x.cells.length)!;
  const c = f.cells[0];
  expect(idx.get(`${c.sheet}!${String.fromCharCode(65 + c.col)}${c.row + 1}`)).toContain(f);
});
