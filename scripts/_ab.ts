import { generateFinalSet } from "../test/support/finalSet";
import { checkWorkbook } from "../src/core/check";
const { workbook } = generateFinalSet({ items: 5000, tails: true, seed: 42 });
const xs: number[] = [];
for (let i = 0; i < 12; i++) { const t = process.hrtime.bigint(); checkWorkbook(workbook); xs.push(Number(process.hrtime.bigint() - t) / 1e6); }
xs.sort((a, b) => a - b); console.log("median", xs[6].toFixed(0), "min", xs[0].toFixed(0), "max", xs[11].toFixed(0));
