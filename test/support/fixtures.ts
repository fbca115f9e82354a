import * as path from "path";
import { readXlsxFile } from "../../src/host/xlsx/node";
import { WorkbookSnapshot } from "../../src/core/grid/snapshot";
import { CellRef, refA1 } from "../../src/core/tables/types";
import { Finding } from "../../src/core/report/finding";

export const FIXTURES = path.join(__dirname, "..", "fixtures");

const cache = new Map<string, Promise<WorkbookSnapshot>>();

/** Reads a fixture once per test file. */
export function fixture(name: string): Promise<WorkbookSnapshot> {
  if (!cache.has(name)) cache.set(name, readXlsxFile(path.join(FIXTURES, name)));
  return cache.get(name)!;
}

export function addr(c: CellRef): string {
  return `${c.sheet}!${refA1(c)}`;
}

export function cellsOf(f: Finding): string[] {
  return f.cells.map(addr);
}
