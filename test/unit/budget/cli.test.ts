/**
 * `npx disclosure-check` on budget workbooks: the same JSON format as for final
 * accounts. The bin runs build/cli/main.js; to test the current sources (build/
 * is only refreshed by npm install), they are compiled into test-artifacts/ and
 * a copy of bin/disclosure-check.js runs them, exactly as the installed bin does.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, mkdirSync, rmSync } from "fs";
import * as path from "path";
import { FIXTURES } from "../../support/fixtures";

const ROOT = path.join(__dirname, "..", "..", "..");
const OUT = path.join(ROOT, "test-artifacts", "cli-budget");
const BIN = path.join(OUT, "bin", "disclosure-check.js");

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(path.join(OUT, "bin"), { recursive: true });
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json"), "--outDir", path.join(OUT, "build")], { cwd: ROOT, stdio: "ignore" });
  copyFileSync(path.join(ROOT, "bin", "disclosure-check.js"), BIN);
}, 120000);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("a consistent budget workbook: the nine tables, exit 0", () => {
  const file = path.join(FIXTURES, "budget", "consistent-department.xlsx");
  const { code, out } = run([file, "--json", "--no-info"]);
  expect(code).toBe(0);
  const j = JSON.parse(out);
  expect(Object.keys(j).sort()).toEqual(["causeSummary", "causes", "file", "findings", "sheets", "summary", "tables"]);
  expect(j.tables[0]).toEqual({ sheet: "部门收支总表", template: "财务收支预算总表", range: "A2:D21" });
  expect(j.tables.map((t: { template: string }) => t.template)).toEqual([
    "财务收支预算总表",
    "收入预算总表",
    "支出预算总表",
    "财政拨款收支预算总表",
    "一般公共预算支出功能分类预算表",
    "政府性基金预算支出功能分类预算表",
    "国有资本经营预算支出功能分类预算表",
    "一般公共预算基本支出经济分类预算表",
    "“三公”经费和机关运行经费预算表",
  ]);
  expect(j.findings).toEqual([]);
  expect(j.summary).toEqual({ error: 0, warning: 0, info: 0 });
});

test("a budget workbook with a mistake: exit 1, the finding in the documented shape", () => {
  const file = path.join(FIXTURES, "budget", "mistake-b-operating.xlsx");
  const { code, out } = run([file, "--json"]);
  expect(code).toBe(1);
  const j = JSON.parse(out);
  const f = j.findings.find((x: { rule: string }) => x.rule === "budget.sangong-08.operating");
  expect(f).toMatchObject({ severity: "error", cells: [{ sheet: "单位“三公”经费和机关运行费预算表", cell: "G7" }, { sheet: "单位一般公共预算拨款基本支出明细表", cell: expect.stringMatching(/^F\d+$/) }] });
  for (const k of Object.keys(f)) expect(["rule", "severity", "message", "cells", "expected", "actual", "cause"]).toContain(k);
  expect(j.summary.error).toBe(1);
});

test("--rules lists the budget rules", () => {
  const { code, out } = run(["--rules"]);
  expect(code).toBe(0);
  expect(out).toMatch(/budget\.03\.row-sum\s+错误\s+支出预算总表/);
  expect(out).toMatch(/budget\.sangong\.change\s+错误/);
});
