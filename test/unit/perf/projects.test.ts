/**
 * One project, one set of figures (rule "perf.project.same-figures"): the anyang
 * self-evaluation tables next to a 项目资金 table that lists the same projects
 * under slightly different names.
 */
import { checkWorkbook } from "../../../src/core/check";
import { projectKey, sameProject } from "../../../src/core/rules/perf/projects";
import { fixture, addr } from "../../support/fixtures";
import { PROJECT_FUNDS, genericWorkbook } from "../../support/genericTables";

test.each([
  ["基金监管专项", "医保基金监管专项", true],
  ["第三方审核平台基础性服务", "2023年第三方审核平台基础性服务项目", true],
  ["医保信息化建设(启动DRGs)", "医保信息化建设", true],
  ["医保信息化建设", "医保基金监管专项", false],
  ["培训", "业务培训费", false], // too short to be an abbreviation
  ["项目10", "项目100", false], // numbers tell projects apart
  ["农田建设一期", "农田建设二期", false],
])("“%s” and “%s” are the same project: %s", (a, b, same) => {
  expect(sameProject(a, b)).toBe(same);
  expect(projectKey(a).length).toBeGreaterThan(0);
});

test("200 generated self-evaluation tables of different projects: no cross-table finding", async () => {
  const { generatePerfSet } = await import("../../support/perfSet");
  const r = checkWorkbook(generatePerfSet({ tables: 200 }));
  expect(r.findings.filter((f) => f.rule === "perf.project.same-figures")).toEqual([]);
});

test("the same figures in the 自评表 and the 项目资金 table: no finding; one changed: one error naming both cells, first cause", async () => {
  const anyang = await fixture("anyang-2021-final.xlsx");
  const withFunds = (plant?: (typeof PROJECT_FUNDS.plants)[number]) => ({ ...anyang, sheets: [...anyang.sheets, ...genericWorkbook(PROJECT_FUNDS, plant).sheets] });
  const ok = checkWorkbook(withFunds());
  expect(ok.findings.filter((f) => f.rule === "perf.project.same-figures")).toEqual([]);
  expect(ok.findings.filter((f) => f.cells[0]?.sheet === "项目资金" && f.severity !== "info")).toEqual([]);
  const wrong = checkWorkbook(withFunds({ id: "x", what: "执行数抄错", at: [4, 3], value: 76.5, rule: "" }));
  const f = wrong.findings.filter((x) => x.rule === "perf.project.same-figures");
  expect(f).toHaveLength(1);
  expect(f[0].cells.map(addr).sort()).toEqual(["项目自评-第三方审核平台!H10", "项目资金!D5"]);
  const cause = wrong.causes.find((c) => c.findings.includes(f[0]))!;
  expect(addr(cause.cells[0])).toBe("项目资金!D5");
  expect(cause.suggested?.plain).toBe("67.50");
});
