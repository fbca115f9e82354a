/** What the pane lists: causes and info findings grouped by table, severity order, folding, filters, search, the selected cell's findings. */
import { causeCount, cellIndex, groupFindings, visibleRows } from "../../../src/taskpane/model";
import { checkWorkbook } from "../../../src/core/check";
import { Severity } from "../../../src/core/report/finding";
import { fixture } from "../../support/fixtures";

const all = new Set<Severity>(["error", "warning", "info"]);

test("anyang: one group per table in workbook order, causes first (errors before warnings), every finding in its group once", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const groups = groupFindings(r);
  expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(r.findings.length);
  expect(new Set(groups.flatMap((g) => g.findings)).size).toBe(r.findings.length);
  expect(groups.reduce((n, g) => n + g.causes.length, 0)).toBe(r.causes.length);
  expect(groups[0].title).toBe("公开01表 收入支出决算总表");
  for (const g of groups) {
    const ranks = g.causes.map((c) => ({ error: 0, warning: 1, info: 2 })[c.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(g.infos.every((f) => f.severity === "info")).toBe(true);
    expect(g.counts.error + g.counts.warning).toBe(g.causes.length);
    expect(g.counts.info).toBe(g.infos.length);
  }
  // Folded: one row per cause, plus the info findings; unfolded: every finding.
  const rows = visibleRows(groups, { severities: all, search: "" });
  expect(rows.filter((x) => x.kind === "cause" || (x.kind === "finding" && x.cause))).toHaveLength(r.causes.length);
  expect(rows.filter((x) => x.kind === "finding" && !x.cause)).toHaveLength(r.summary.info);
  expect(rows.filter((x) => x.kind === "group")).toHaveLength(groups.length);
  const open = visibleRows(groups, { severities: all, search: "" }, new Set(r.causes.map((c) => c.id)));
  expect(open.filter((x) => x.kind === "finding")).toHaveLength(r.findings.length);
});

test("anyang: the blank C13 is one card with its value and its three findings folded beneath", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const groups = groupFindings(r);
  const rows = visibleRows(groups, { severities: all, search: "" });
  const first = rows.find((x) => x.kind === "cause");
  expect(first && first.kind === "cause" && first.cause.title).toBe("公开01表!C13 应为 480.55（现为空）");
  const id = first!.kind === "cause" ? first!.cause.id : 0;
  const open = visibleRows(groups, { severities: all, search: "" }, new Set([id]));
  const nested = open.filter((x) => x.kind === "finding" && x.nested);
  expect(nested).toHaveLength(3);
  expect(causeCount(r, "error")).toEqual({ causes: 3, findings: 7 });
});

test("filters: severities and search (message, table, cell address)", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const groups = groupFindings(r);
  const errorsOnly = visibleRows(groups, { severities: new Set(["error"]), search: "" }).filter((x) => x.kind !== "group");
  expect(errorsOnly).toHaveLength(r.causeSummary.error);
  const c13 = visibleRows(groups, { severities: all, search: "c13" }).filter((x) => x.kind !== "group");
  expect(c13.length).toBeGreaterThan(0);
  for (const row of c13) {
    const fs = row.kind === "cause" ? row.cause.findings : row.kind === "finding" ? [row.finding] : [];
    expect(fs.some((f) => f.cells.some((c) => c.row === 12 && c.col === 2) || /C13/.test(f.message))).toBe(true);
  }
  expect(visibleRows(groups, { severities: all, search: "没有这样的文字" })).toEqual([]);
  // A group with nothing left is not shown.
  const g07 = visibleRows(groups, { severities: all, search: "公开07表" });
  expect(g07.every((x) => x.kind !== "group" || x.group.findings.length > 0)).toBe(true);
});

test("the selected cell's findings", async () => {
  const r = checkWorkbook(await fixture("anyang-2021-final.xlsx"));
  const idx = cellIndex(r.findings);
  const f = r.findings.find((x) => x.cells.length)!;
  const c = f.cells[0];
  expect(idx.get(`${c.sheet}!${String.fromCharCode(65 + c.col)}${c.row + 1}`)).toContain(f);
});
