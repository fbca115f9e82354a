/**
 * The 情况说明 as a docx Document (the docx package, a large module): loaded by
 * ./narrative.ts only when a Word file is written.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { GeneratedNarrative, GenParagraph } from "../../core/narrative/generate";

const FONT = { name: "仿宋_GB2312", eastAsia: "仿宋_GB2312" };
const HEAD_FONT = { name: "黑体", eastAsia: "黑体" };

function runs(p: GenParagraph): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  const marks = p.spans.filter((s) => s.placeholder).sort((a, b) => a.start - b.start);
  for (const m of marks) {
    if (m.start > at) out.push(new TextRun({ text: p.text.slice(at, m.start), font: FONT, size: 32 }));
    out.push(new TextRun({ text: p.text.slice(m.start, m.end), font: FONT, size: 32, highlight: "yellow", color: "C00000" }));
    at = m.end;
  }
  if (at < p.text.length) out.push(new TextRun({ text: p.text.slice(at), font: FONT, size: 32 }));
  return out;
}

export function narrativeDocument(n: GeneratedNarrative): Document {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: n.title, font: { name: "方正小标宋简体", eastAsia: "方正小标宋简体" }, size: 44 })] }),
  ];
  for (const s of n.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.title, font: HEAD_FONT, size: 32 })] }));
    for (const p of s.paragraphs) {
      const sub = /^（[一二三四五六七八九十]+）/.test(p.text) && p.text.length < 40;
      children.push(new Paragraph({ heading: sub ? HeadingLevel.HEADING_2 : undefined, indent: { firstLine: 640 }, spacing: { line: 560 }, children: runs(p) }));
    }
  }
  return new Document({ creator: "披露表校验助手", title: n.title, sections: [{ children }] });
}

export async function documentBytes(n: GeneratedNarrative): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(narrativeDocument(n)));
}
