/**
 * Damaged files for the reader (src/host/xlsx/read.ts), seeded: used by the
 * unit sample (test/unit/host/bytes-fuzz.test.ts) and by `npm run fuzz`'s byte
 * stage. Whatever the bytes, reading must give a workbook that checks without
 * throwing, or an UnreadableWorkbookError naming the file; never another error.
 */
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readXlsxBuffer, UnreadableWorkbookError } from "../../src/host/xlsx/read";
import { checkWorkbook } from "../../src/core/check";
import { FIXTURES } from "./fixtures";
import { rng } from "./random";

export const BYTE_BASE_FILES = [
  "anyang-2021-final.xlsx",
  "other-formats/charts-and-chart-sheets.xlsx",
  "other-formats/comment-in-subfolder.xlsx",
  "other-formats/excel-97-2003.xls",
  "other-formats/password-1234.xlsx",
  "other-formats/opendocument.ods",
  "other-formats/html-table.xls",
];

export interface ByteBase {
  f: string;
  bytes: Uint8Array;
}

export function byteBases(): ByteBase[] {
  return BYTE_BASE_FILES.map((f) => ({ f, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, f))) }));
}

/** One damage of a file: bytes changed, a range zeroed, cut short, or a piece repeated. */
export function damage(bytes: Uint8Array, seed: number): Uint8Array {
  const r = rng(seed);
  const out = bytes.slice();
  const at = () => Math.floor(r() * out.length);
  switch (seed % 4) {
    case 0:
      for (let k = 0, n = 1 + Math.floor(r() * 8); k < n; k++) out[at()] = Math.floor(r() * 256);
      return out;
    case 1: {
      const a = at();
      out.fill(0, a, Math.min(out.length, a + 1 + Math.floor(r() * 512)));
      return out;
    }
    case 2:
      return out.subarray(0, at());
    default: {
      const a = at();
      const piece = out.subarray(a, Math.min(out.length, a + 64 + Math.floor(r() * 2048)));
      const b = at();
      const grown = new Uint8Array(out.length + piece.length);
      grown.set(out.subarray(0, b));
      grown.set(piece, b);
      grown.set(out.subarray(b), b + piece.length);
      return grown;
    }
  }
}

/** One XML part of the zip garbled (a span cut, repeated, or its characters changed), the zip written again. */
export async function garbleXml(bytes: Uint8Array, seed: number): Promise<Uint8Array> {
  const r = rng(seed * 7 + 3);
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  const name = parts[Math.floor(r() * parts.length)];
  const xml = await zip.file(name)!.async("string");
  const a = Math.floor(r() * xml.length);
  const b = Math.min(xml.length, a + 1 + Math.floor(r() * 200));
  const kind = Math.floor(r() * 3);
  const out = kind === 0 ? xml.slice(0, a) + xml.slice(b) : kind === 1 ? xml.slice(0, b) + xml.slice(a, b) + xml.slice(b) : xml.slice(0, a) + '<"&>9x'.repeat(1 + Math.floor(r() * 3)) + xml.slice(b);
  zip.file(name, out);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The damaged file of a seed: half damaged as bytes, half (the zips) with one XML part garbled inside. */
export async function byteCase(bases: ByteBase[], seed: number): Promise<{ base: string; bytes: Uint8Array }> {
  const base = bases[seed % bases.length];
  const zipped = base.bytes[0] === 0x50 && base.bytes[1] === 0x4b;
  return { base: base.f, bytes: zipped && seed % 2 === 0 ? await garbleXml(base.bytes, seed) : damage(base.bytes, seed) };
}

/** Reads and checks one damaged file: "read", "refused", or throws an Error that says what went wrong. */
export async function runByteCase(bases: ByteBase[], seed: number): Promise<"read" | "refused"> {
  const { base, bytes } = await byteCase(bases, seed);
  const name = `case-${seed}.xlsx`;
  let wb;
  try {
    wb = await readXlsxBuffer(bytes, name);
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError)) throw new Error(`种子 ${seed}（${base}）：读取时抛出的不是“无法读取”：${e instanceof Error ? e.stack : String(e)}`);
    if (!e.message.startsWith(`${name}：`)) throw new Error(`种子 ${seed}（${base}）：原因没有写文件名：${e.message}`);
    return "refused";
  }
  try {
    checkWorkbook(wb);
  } catch (e) {
    throw new Error(`种子 ${seed}（${base}）：校验时出错：${e instanceof Error ? e.stack : String(e)}`);
  }
  return "read";
}
