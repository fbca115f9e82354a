/**
 * A bounded memo of a pure function of one string. Labels recur in every form
 * of a workbook ("全年预算数", "三级指标", "其中：财政拨款"): a label classifier
 * that runs a dozen regular expressions is worth running once per distinct text.
 * The memo is emptied when it reaches `limit` entries, so a sheet of unique texts
 * costs no more memory than that.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 2000): ((text: string) => T) & { clear(): void } {
  const seen = new Map<string, T>();
  const memo = (text: string): T => {
    if (seen.has(text)) return seen.get(text) as T;
    const v = fn(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, v);
    return v;
  };
  // A memo the engine empties at the start of every check (so that one workbook's check never profits from another's).
  return Object.assign(memo, { clear: () => seen.clear() });
}
