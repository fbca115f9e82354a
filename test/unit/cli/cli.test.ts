/**
 * The command line as a reviewer uses it: the installed bin, real files,
 * JSON on stdout, messages on stderr, exit codes 0 / 1 / 2.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from "fs";
import * as os from "os";
import * as path from "path";
import { snapshotToXlsxBuffer } from "../../../src/host/xlsx/write";
import { generateFinalSet } from "../../support/finalSet";
import { FIXTURES } from "../../support/fixtures";

const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "disclosure-check.js");
const ANYANG = path.join(FIXTURES, "anyang-2021-final.xlsx");
let dir: string;
let good: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "build", "cli", "main.js"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(path.join(os.tmpdir(), "disclosure-cli-"));
  good = path.join(dir, "consistent.xlsx");
  writeFileSync(good, await snapshotToXlsxBuffer(generateFinalSet({ seed: 51, tails: true }).workbook));
}, 120000);

test("--json: one object per file, in the documented shape; exit 1 on errors", () => {
  const { code, out } = run([ANYANG, "--json"]);
  expect(code).toBe(1);
  const j = JSON.parse(out);
  expect(Object.keys(j).sort()).toEqual(["causeSummary", "causes", "file", "findings", "sheets", "summary", "tables"]);
  expect(j.file).toBe(ANYANG);
  expect(j.tables[0]).toEqual({ sheet: "公开01表", template: "公开01表 收入支出决算总表", range: "A1:F37" });
  // Every sheet says what became of it.
  expect(j.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "整体绩效自评", "项目自评-基金监管专项", "项目自评-第三方审核平台", "项目自评-医保信息化DRGs", "情况说明"]);
  expect(j.sheets[12]).toEqual({ sheet: "情况说明", status: "narrative", detail: expect.any(String) });
  for (const f of j.findings) {
    expect(["error", "warning", "info"]).toContain(f.severity);
    expect(typeof f.rule).toBe("string");
    expect(typeof f.message).toBe("string");
    for (const c of f.cells) expect(Object.keys(c).sort()).toEqual(["cell", "sheet"]);
    for (const k of Object.keys(f)) expect(["rule", "severity", "message", "cells", "expected", "actual", "cause"]).toContain(k);
    // Every error or warning belongs to exactly one cause, and that cause lists it.
    if (f.severity !== "info") expect(j.causes[f.cause - 1].findings).toContain(j.findings.indexOf(f));
    else expect(f.cause).toBeUndefined();
  }
  expect(j.summary.error).toBe(j.findings.filter((f: { severity: string }) => f.severity === "error").length);
  const blank = j.findings.find((f: { rule: string; cells: { cell: string }[] }) => f.rule === "final.01.blank-implied" && f.cells[0].cell === "C13");
  expect(blank).toMatchObject({ severity: "error", expected: "480.55", cells: [{ sheet: "公开01表", cell: "C13" }, { sheet: "公开01表", cell: "C32" }] });
  // Causes: the two blank cells of 公开01表 come first, each with the value it should hold.
  expect(j.causes.slice(0, 2).map((c: { cells: unknown; suggested: unknown }) => [c.cells, c.suggested])).toEqual([
    [[{ sheet: "公开01表", cell: "C13" }], { value: "480.55", current: "" }],
    [[{ sheet: "公开01表", cell: "C34" }], { value: "772.37", current: "" }],
  ]);
  expect(j.causes[0].findings.map((i: number) => j.findings[i].rule).sort()).toEqual(["final.01.blank-implied", "final.01.income-total", "final.02-01.totals"]);
  expect(j.causeSummary.error).toBe(j.causes.filter((c: { severity: string }) => c.severity === "error").length);
  expect(j.causeSummary.error).toBeLessThan(j.summary.error);
});

test("a consistent workbook exits 0", () => {
  const { code, out } = run([good, "--json"]);
  expect(code).toBe(0);
  expect(JSON.parse(out).summary.error).toBe(0);
});

test("several files give a JSON array; an unreadable one exits 2 but the others are still checked", () => {
  const bad = path.join(dir, "empty.xlsx");
  writeFileSync(bad, "");
  const { code, out, err } = run([good, bad, ANYANG, "--json"]);
  expect(code).toBe(2);
  const j = JSON.parse(out);
  expect(Array.isArray(j)).toBe(true);
  expect(j.map((x: { file: string }) => x.file)).toEqual([good, bad, ANYANG]);
  expect(j[1].findings[0].rule).toBe("common.unreadable");
  expect(j[2].summary.error).toBeGreaterThan(0);
  expect(err).toContain("文件为空");
});

describe("unreadable input exits 2 with a clear message", () => {
  const cases: [string, () => string, RegExp][] = [
    ["missing file", () => path.join(dir, "nope.xlsx"), /文件不存在/],
    ["a directory", () => {
      const d = path.join(dir, "folder.xlsx");
      mkdirSync(d, { recursive: true });
      return d;
    }, /文件夹/],
    ["random bytes", () => {
      const f = path.join(dir, "random.xlsx");
      writeFileSync(f, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
      return f;
    }, /不是 \.xlsx 文件/],
    ["an old .xls (OLE) file", () => {
      const f = path.join(dir, "old.xls");
      writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
      return f;
    }, /旧版 \.xls/],
    ["a truncated zip", () => {
      const f = path.join(dir, "truncated.xlsx");
      const full = require("fs").readFileSync(ANYANG) as Buffer;
      writeFileSync(f, full.subarray(0, Math.floor(full.length / 2)));
      return f;
    }, /损坏|不是有效/],
    ["a zip that is not a workbook", () => {
      const f = path.join(dir, "notbook.xlsx");
      // A minimal empty zip archive (end-of-central-directory record only).
      writeFileSync(f, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Array(18).fill(0)]));
      return f;
    }, /损坏|不是有效|无法读取/],
  ];
  test.each(cases)("%s", (_label, make, re) => {
    const { code, err } = run([make()]);
    expect(code).toBe(2);
    expect(err).toMatch(re);
  });
});

test("human output groups findings by sheet with cell addresses", () => {
  const { code, out } = run([ANYANG, "--no-info"]);
  expect(code).toBe(1);
  expect(out).toContain("【公开01表】");
  // One entry per mistake, its broken relations folded beneath.
  expect(out).toMatch(/✗ 错误 {2}C13 应为 480\.55（现为空） — 由此有 3 处问题：\n {7}· 公开01表：本年收入合计应等于各项收入之和/);
  expect(out).toMatch(/✗ 错误 {2}C34 应为 772\.37（现为空） — 由此有 3 处问题：/);
  // Two blank cells in 公开01表 and the swapped 资金结构 in 整体绩效自评: three things to fix.
  expect(out).toMatch(/合计：错误 3 处（涉及 7 项关系），警告 \d+ 处/);
  expect(out).not.toContain("提示  ");
});

test("--help, no file, unknown option", () => {
  expect(run(["--help"]).code).toBe(0);
  expect(run(["--help"]).out).toContain("用法");
  const none = run([]);
  expect(none.code).toBe(2);
  expect(none.err).toContain("请给出要校验的 .xlsx 文件");
  expect(run(["--bogus", ANYANG]).code).toBe(2);
});
