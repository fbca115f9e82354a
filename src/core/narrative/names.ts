/**
 * Finding the names a clause says (concepts of amounts, counted things): every
 * match of a list of global patterns, then either the name said last (nearest the
 * figure after the clause) or every name in the order written.
 */

export interface NameHit<T> {
  at: number;
  end: number;
  value: T;
}

/** Every match of every entry's (global) pattern in `text`, with the value the entry gives it (undefined: not a name here). */
export function nameHits<E, T>(text: string, entries: readonly E[], re: (e: E) => RegExp, value: (e: E) => T | undefined): NameHit<T>[] {
  const hits: NameHit<T>[] = [];
  for (const e of entries) {
    const r = re(e);
    r.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = r.exec(text))) {
      if (!m[0].length) {
        r.lastIndex++;
        continue;
      }
      const v = value(e);
      if (v !== undefined) hits.push({ at: m.index, end: m.index + m[0].length, value: v });
    }
  }
  return hits;
}

/** The name said last: the hit ending last; at the same end, the longer one (the first of equals). */
export function lastHit<T>(hits: readonly NameHit<T>[]): NameHit<T> | undefined {
  let best: NameHit<T> | undefined;
  for (const h of hits) if (!best || h.end > best.end || (h.end === best.end && h.end - h.at > best.end - best.at)) best = h;
  return best;
}

/** The names in the order written; a name inside a longer one at the same place is not another name. */
export function hitsInOrder<T>(hits: readonly NameHit<T>[]): NameHit<T>[] {
  const sorted = [...hits].sort((a, b) => a.at - b.at || b.end - a.end);
  const out: NameHit<T>[] = [];
  let reach = -1;
  for (const h of sorted) {
    if (h.at < reach) continue;
    reach = h.end;
    out.push(h);
  }
  return out;
}
