/** Generating the 情况说明: acceptance on the anyang publication, traceability, style, outputs. */
import JSZip from "jszip";
import { draftNarrative } from "../../../src/core/narrative/draft";
import { GeneratedNarrative, narrativeToJson, narrativeToText } from "../../../src/core/narrative/generate";
import { linkNarrative } from "../../../src/core/narrative/link";
import { buildFacts } from "../../../src/core/narrative/context";
import { figuresIn, narrativeSheets, paragraphsOf } from "../../../src/core/narrative/text";
import { findSupplementSheet, readSupplement, supplementTemplate, SUPPLEMENT_SECTIONS } from "../../../src/core/narrative/supplement";
import { recognize } from "../../../src/core/recognize/recognize";
import { narrativeDocx } from "../../../src/host/docx/narrative";
import { Decimal } from "../../../src/core/amount/decimal";
import { fixture } from "../../support/fixtures";
import { generateNarrativeSet } from "../../support/narrativeSet";

const SECTIONS_1_TO_7 = ["total", "income", "expense", "fiscal", "gpb", "basic", "sangong"];

describe("anyang 2021 with its 补充信息", () => {
  let gen: GeneratedNarrative;
  let text: string;
  beforeAll(async () => {
    gen = draftNarrative(await fixture("anyang-2021-final-with-supplement.xlsx"));
    text = gen.sections.filter((s) => SECTIONS_1_TO_7.includes(s.id)).flatMap((s) => s.paragraphs.map((p) => p.text)).join("\n");
  });

  test("the sentences the issue quotes", () => {
    expect(text).toContain("收入合计1,923.35万元，其中：财政拨款收入1,442.80万元，占75.02%");
    expect(text).toContain("一般公共预算财政拨款支出2,203.76万元，占本年支出合计的82.10%");
    expect(text).toContain("完成年初预算的161.96%");
  });

  test("sections 一 to 七 reproduce every amount and percentage of the published narrative that is consistent with the tables", async () => {
    const wb = await fixture("anyang-2021-final-with-supplement.xlsx");
    const rec = recognize(wb);
    const supp = readSupplement(findSupplementSheet(wb)!);
    const facts = buildFacts(rec.tables, supp);
    const published = paragraphsOf(narrativeSheets(wb, new Set([...rec.tables.map((t) => t.sheet), "补充信息"]))[0]);
    const links = linkNarrative(published, facts.inSection, facts.facts).filter((l) => l.section && SECTIONS_1_TO_7.includes(l.section));
    const consistent = links.filter((l) => l.status === "ok" || l.status === "tail");
    expect(consistent.length).toBeGreaterThan(90);
    const generated = gen.sections.filter((s) => SECTIONS_1_TO_7.includes(s.id));
    const missing: string[] = [];
    for (const l of consistent) {
      const sec = generated.find((s) => s.id === l.section)!;
      const figs = sec.paragraphs.flatMap((p) => figuresIn(p.text));
      const same = figs.some((g) => g.unit === l.figure.unit && g.value.eq(l.figure.value));
      if (!same) missing.push(`${l.section}: ${l.figure.raw}`);
    }
    expect(missing).toEqual([]);
  });

  test("placeholders in 一 to 七 are only the reasons the published text gave", () => {
    const ph = gen.placeholders.filter((p) => /^[一二三四五六七]、/.test(p.section));
    expect(ph.length).toBe(11);
    for (const p of ph) expect(p.text).toMatch(/原因/);
  });

  test("the 补充信息 figures are used, not guessed: without it, placeholders take their place", async () => {
    const bare = draftNarrative(await fixture("anyang-2021-final.xlsx"));
    const t = narrativeToText(bare);
    expect(t).toContain("【请填写补充信息中的上年收、支总计】");
    expect(t).not.toContain("443.23");
    expect(bare.placeholders.length).toBeGreaterThan(gen.placeholders.length);
  });

  test("a blank 其他收入 in 公开01表 does not become 0 in the text: 公开02表 is used and the choice is noted", () => {
    expect(text).toContain("其他收入480.55万元");
    expect(gen.notes.join("")).toContain("公开02表");
  });
});

describe("traceability", () => {
  test("every number in the generated text has sources and a formula in the JSON", () => {
    const { narrative } = generateNarrativeSet({ seed: 71, tails: true });
    const json = narrativeToJson(narrative) as { sections: { paragraphs: { text: string; numbers: { start: number; end: number; sources: unknown[]; formula: string }[] }[] }[] };
    let checked = 0;
    for (const s of json.sections)
      for (const p of s.paragraphs) {
        for (const fig of figuresIn(p.text)) {
          const n = p.numbers.find((x) => x.start <= fig.start && fig.end <= x.end);
          expect({ text: p.text, figure: fig.raw, traced: !!n && n.sources.length > 0 && n.formula.length > 0 }).toEqual({ text: p.text, figure: fig.raw, traced: true });
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("style", () => {
  const { narrative } = generateNarrativeSet({ seed: 72, tails: true });
  const para = (id: string, i = 0) => narrative.sections.find((s) => s.id === id)!.paragraphs[i].text;
  const shares = (t: string) => [...t.matchAll(/占(\d+(?:\.\d+)?)%/g)].map((m) => new Decimal(m[1]));
  test("shares of one whole add up to exactly 100.00 %", () => {
    for (const t of [para("income"), para("expense"), narrative.sections.find((s) => s.id === "gpb")!.paragraphs[3].text]) {
      const sum = shares(t).reduce((a, b) => a.plus(b), new Decimal(0));
      expect(sum.toFixed(2)).toBe("100.00");
    }
  });
  test("increase/decrease words follow the sign; zero bases get no percentage", () => {
    expect(para("total")).toMatch(/各增加[\d,.]+万元，增长[\d.]+%/);
    const t = narrativeToText(narrative);
    expect(t).toContain("因公出国（境）费年初未安排预算，本年无此项支出。");
    expect(t).not.toMatch(/完成年初预算的0%/);
  });
});

test("a decrease is written 减少/下降, an unchanged figure 持平", async () => {
  const wb = await fixture("anyang-2021-final-with-supplement.xlsx");
  const t = narrativeToText(draftNarrative(wb));
  expect(t).toContain("财政拨款收、支总计各减少37.32万元，下降1.66%");
});

test("the .docx has a heading per section and highlights the placeholders", async () => {
  const { narrative } = generateNarrativeSet({ seed: 73 });
  const zip = await JSZip.loadAsync(await narrativeDocx(narrative));
  const xml = await zip.file("word/document.xml")!.async("string");
  for (const s of narrative.sections) expect(xml).toContain(s.title.replace(/“|”/g, (q) => q));
  expect((xml.match(/w:pStyle w:val="Heading1"/g) ?? []).length).toBe(narrative.sections.length);
  const withPlaceholder = draftNarrative((await fixture("anyang-2021-final.xlsx")));
  const xml2 = await (await JSZip.loadAsync(await narrativeDocx(withPlaceholder))).file("word/document.xml")!.async("string");
  expect(xml2).toMatch(/<w:highlight w:val="yellow"\/>[^]*【请填写/);
});

test("the blank 补充信息 template lists every entry and the 项 of 公开05表, and reads back", () => {
  const sheet = supplementTemplate([{ code: "2101501", name: "行政运行" }], "测试局", 2021);
  const keys = [...sheet.rows.values()].map((r) => r.get(3)?.text).filter(Boolean);
  for (const sec of SUPPLEMENT_SECTIONS) for (const e of sec.entries) expect(keys).toContain(e.key);
  expect(keys).toContain("budget.item.2101501");
  const blank = readSupplement(sheet);
  expect([...blank.entries.values()].every((e) => e.amount === null)).toBe(true);
  // A clerk fills two rows; the keys in column D find them.
  const row = [...sheet.rows].find(([, r]) => r.get(3)?.text === "prev.grand")![0];
  sheet.rows.get(row)!.set(1, { text: "2,252.49", value: "2,252.49" });
  sheet.rows.get(row)!.set(2, { text: "结转资金本年支出", value: "结转资金本年支出" });
  const filled = readSupplement(sheet);
  expect(filled.entries.get("prev.grand")!.amount!.value.toString()).toBe("2252.49");
  expect(filled.entries.get("prev.grand")!.reason).toBe("结转资金本年支出");
});
