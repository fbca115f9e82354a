/**
 * Damaged files through the reader, byte by byte (test/support/byteFuzz.ts):
 * whatever the bytes, reading either gives a workbook (and checking it does not
 * throw) or an UnreadableWorkbookError with a Chinese reason naming the file;
 * never another error. Seeded; `npm run fuzz` runs a longer byte stage.
 */
import { byteBases, runByteCase } from "../../support/byteFuzz";

test("220 damaged files: a workbook or an UnreadableWorkbookError, nothing else", async () => {
  const bases = byteBases();
  let read = 0;
  let refused = 0;
  for (let seed = 1; seed <= 220; seed++) {
    if ((await runByteCase(bases, seed)) === "read") read++;
    else refused++;
  }
  // Both outcomes occur (the damage is neither always fatal nor always harmless).
  expect(read).toBeGreaterThanOrEqual(10);
  expect(refused).toBeGreaterThan(20);
}, 120000);
