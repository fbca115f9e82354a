import { generateFinalSet } from "../test/support/finalSet";
import { checkWorkbook } from "../src/core/check";
const { workbook } = generateFinalSet({ items: 5000, tails: true, seed: 42 });
const p = require("inspector"); 
const session = new p.Session(); session.connect();
checkWorkbook(workbook);
session.post("Profiler.enable", () => session.post("Profiler.start", () => {
  for (let i = 0; i < 3; i++) checkWorkbook(workbook);
  session.post("Profiler.stop", (err: any, { profile }: any) => { require("fs").mkdirSync("/tmp/prof", { recursive: true }); require("fs").writeFileSync("/tmp/prof/p.cpuprofile", JSON.stringify(profile)); });
}));
