/**
 * Builds test/fixtures/anyang-2021-final-with-supplement.xlsx: the anyang
 * publication plus a 补充信息 sheet holding the figures its published narrative
 * states that the tables do not (previous year, 年初预算, 三公 counts, 政府采购,
 * 国有资产), taken from that narrative. No reasons are filled in: the published
 * text's reasons are exactly where the generator must leave placeholders.
 * Run: npx tsx scripts/make-anyang-supplement.ts
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { supplementTemplate } from "../src/core/narrative/supplement";

const VALUES: Record<string, number | string> = {
  "unit.type": "行政单位",
  "unit.scope": "部门",
  "unit.year": 2021,
  "prev.grand": 2252.49, // 2,695.72 − 增加 443.23
  "prev.fiscalGrand": 2252.49, // 2,215.17 + 减少 37.32
  "prev.gpbExpense": 1446.39, // 2,203.76 − 增加 757.37
  "budget.gpb": 1360.68,
  "budget.operating": 187.03,
  "budget.item.2019999": 150,
  "budget.item.2080505": 73.11,
  "budget.item.2101101": 33.36,
  "budget.item.2101501": 984.21,
  "budget.item.2101505": 120,
  "budget.item.2101599": 0,
  "sg.abroad.groups": 0,
  "sg.abroad.people": 0,
  "sg.car.purchased": 0,
  "sg.car.fleet": 2,
  "sg.car.use": "公车燃料费、维修费及过路过桥费",
  "sg.reception.foreign": 0,
  "sg.reception.foreign.groups": 0,
  "sg.reception.foreign.people": 0,
  "sg.reception.domestic": 1.97,
  "sg.reception.domestic.groups": 18,
  "sg.reception.domestic.people": 150,
  "proc.total": 641.92,
  "proc.goods": 299.95,
  "proc.works": 0,
  "proc.services": 341.97,
  "proc.sme": 641.92,
  "proc.micro": 0,
  "assets.vehicles": 2,
  "assets.vehicles.leaders": 0,
  "assets.vehicles.main": 0,
  "assets.vehicles.confidential": 0,
  "assets.vehicles.emergency": 2,
  "assets.vehicles.enforcement": 0,
  "assets.vehicles.special": 0,
  "assets.vehicles.retired": 0,
  "assets.vehicles.other": 0,
  "assets.equip50": 0,
  "assets.equip100": 0,
};

const ITEMS = [
  { code: "2019999", name: "其他一般公共服务支出" },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出" },
  { code: "2101101", name: "行政单位医疗" },
  { code: "2101501", name: "行政运行" },
  { code: "2101505", name: "医疗保障政策管理" },
  { code: "2101599", name: "其他医疗保障管理事务支出" },
];

async function main(): Promise<void> {
  const dir = path.join(__dirname, "..", "test", "fixtures");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "anyang-2021-final.xlsx"));
  const tpl = supplementTemplate(ITEMS, "安阳市医疗保障局", 2021);
  const ws = wb.addWorksheet("补充信息");
  for (const [r, cols] of tpl.rows) for (const [c, cell] of cols) ws.getCell(r + 1, c + 1).value = cell.text;
  for (const [r, cols] of tpl.rows) {
    const key = cols.get(3)?.text;
    if (key && key in VALUES) {
      const v = VALUES[key];
      const cell = ws.getCell(r + 1, 2);
      cell.value = v;
      if (typeof v === "number" && !key.startsWith("unit.") && !/groups|people|vehicles|equip|fleet|purchased/.test(key)) cell.numFmt = "#,##0.00";
    }
  }
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 40;
  ws.getColumn(4).width = 26;
  await wb.xlsx.writeFile(path.join(dir, "anyang-2021-final-with-supplement.xlsx"));
  console.log("written");
}

main();
