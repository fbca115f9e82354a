/**
 * The 部门预算公开 (budget) table set: descriptors.
 *
 * Ids follow the order of the Shanghai 2026 templates (spec §2, domain notes §2):
 *
 *   budget01       财务收支预算总表            (收支总表 / 部门收支总体情况表)
 *   budget02       收入预算总表                (收入总表 / 部门收入总体情况表)
 *   budget03       支出预算总表                (支出总表 / 部门支出总体情况表)
 *   budget04       财政拨款收支预算总表        (财政拨款收支总表 / 财政拨款收支总体情况表)
 *   budget05       一般公共预算支出功能分类预算表 (一般公共预算支出表 / …情况表)
 *   budget06       政府性基金预算支出功能分类预算表
 *   budget07       国有资本经营预算支出功能分类预算表
 *   budget08       一般公共预算基本支出部门预算经济分类预算表 (一般公共预算基本支出表)
 *   budgetSangong  “三公”经费和机关运行经费预算表 (一般公共预算“三公”经费支出表)
 *   budgetProcurement 政府采购预算表
 *
 * Budget tables carry no official code: Shanghai numbers them 1–9 only in the
 * 目录, other provinces 表1–表8 in another order. So `code` is empty and every
 * message names a table by its name, as clerks do (“支出预算总表”); rule ids use
 * the Shanghai numbers (budget.03.row-sum) and "sangong" / "procurement".
 *
 * Units: no default is safe (Shanghai publishes in 元, most provinces in 万元);
 * a table without a "单位：" line is read in 万元, like the rest of the engine.
 */
import { TemplateInfo } from "../base";

const info = (id: string, name: string): TemplateInfo => ({ id, code: "", name, family: "budget", defaultUnit: "万元" });

export const BUDGET01 = info("budget01", "财务收支预算总表");
export const BUDGET02 = info("budget02", "收入预算总表");
export const BUDGET03 = info("budget03", "支出预算总表");
export const BUDGET04 = info("budget04", "财政拨款收支预算总表");
export const BUDGET05 = info("budget05", "一般公共预算支出功能分类预算表");
export const BUDGET06 = info("budget06", "政府性基金预算支出功能分类预算表");
export const BUDGET07 = info("budget07", "国有资本经营预算支出功能分类预算表");
export const BUDGET08 = info("budget08", "一般公共预算基本支出经济分类预算表");
export const BUDGET_SANGONG = info("budgetSangong", "“三公”经费和机关运行经费预算表");
export const BUDGET_PROCUREMENT = info("budgetProcurement", "政府采购预算表");

/** Every budget template id, in set order. */
export const BUDGET_IDS = [
  "budget01",
  "budget02",
  "budget03",
  "budget04",
  "budget05",
  "budget06",
  "budget07",
  "budget08",
  "budgetSangong",
  "budgetProcurement",
] as const;
export type BudgetTemplateId = (typeof BUDGET_IDS)[number];
