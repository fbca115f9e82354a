/**
 * Damaged files through the reader, byte by byte: whatever the bytes, reading
 * either gives a workbook (and checking it does not throw) or an
 * UnreadableWorkbookError with a Chinese reason naming the file; never another
 * error, never a hang. Seeded: a failing case is found again by its seed.
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { readXlsxBuffer, UnreadableWorkbookError } from "../../../src/host/xlsx/read";
import { checkWorkbook } from "../../../src/core/check";
import { FIXTURES } from "../../support/fixtures";
import { rng } from "../../support/random";

const BASES = [
  "anyang-2021-final.xlsx",
  "other-formats/charts-and-chart-sheets.xlsx",
  "other-formats/comment-in-subfolder.xlsx",
  "other-formats/excel-97-2003.xls",
  "other-formats/password-1234.xlsx",
  "other-formats/opendocument.ods",
  "other-formats/html-table.xls",
].map((f) => ({ f, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, f))) }));

/** One damage of a file: bytes changed, a range zeroed, cut short, or a piece repeated. */
function damage(bytes: Uint8Array, seed: number): Uint8Array {
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
async function garbleXml(bytes: Uint8Array, seed: number): Promise<Uint8Array> {
  const r = rng(seed * 7 + 3);
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  const name = parts[Math.floor(r() * parts.length)];
  const xml = await zip.file(name)!.async("string");
  const a = Math.floor(r() * xml.length);
  const b = Math.min(xml.length, a + 1 + Math.floor(r() * 200));
  const kind = Math.floor(r() * 3);
  const out = kind === 0 ? xml.slice(0, a) + xml.slice(b) : kind === 1 ? xml.slice(0, b) + xml.slice(a, b) + xml.slice(b) : xml.slice(0, a) + "<\"&>9x".repeat(1 + Math.floor(r() * 3)) + xml.slice(b);
  zip.file(name, out);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("220 damaged files: a workbook or an UnreadableWorkbookError, nothing else", async () => {
  let read = 0;
  let refused = 0;
  for (let seed = 1; seed <= 220; seed++) {
    const base = BASES[seed % BASES.length];
    // Half damaged as bytes, half (the zips) with one XML part garbled inside.
    const zipped = base.bytes[0] === 0x50 && base.bytes[1] === 0x4b;
    const bytes = zipped && seed % 2 === 0 ? await garbleXml(base.bytes, seed) : damage(base.bytes, seed);
    const name = `case-${seed}.xlsx`;
    let wb;
    try {
      wb = await readXlsxBuffer(bytes, name);
    } catch (e) {
      if (!(e instanceof UnreadableWorkbookError)) throw new Error(`seed ${seed} (${base.f}): ${e instanceof Error ? e.stack : String(e)}`);
      expect(e.message.startsWith(`${name}：`)).toBe(true);
      refused++;
      continue;
    }
    read++;
    expect(() => checkWorkbook(wb)).not.toThrow();
  }
  // Both outcomes occur (the damage is neither always fatal nor always harmless).
  expect(read).toBeGreaterThanOrEqual(10);
  expect(refused).toBeGreaterThan(20);
}, 120000);
