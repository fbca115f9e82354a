/**
 * One RegExp object per pattern. The fact catalogue names facts by words
 * (keys): the same words ("一般公共服务", "财政拨款") key a figure's 决算数, its
 * budget, its change and its share. Built through here, those facts share one
 * object, so a text's test of it (remembered per RegExp while linking) is done
 * once. Only patterns without the g or y flag (stateless under test()) are
 * shared; the map is emptied past `LIMIT` patterns.
 */
const shared = new Map<string, RegExp>();
const LIMIT = 5000;

export function sharedRegExp(source: string, flags = ""): RegExp {
  if (flags.includes("g") || flags.includes("y")) return new RegExp(source, flags);
  const key = `${flags}/${source}`;
  let re = shared.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    if (shared.size >= LIMIT) shared.clear();
    shared.set(key, re);
  }
  return re;
}
