/**
 * One RegExp object per pattern. The fact catalogue names facts by words
 * (keys): the same words ("一般公共服务", "财政拨款") key a figure's 决算数, its
 * budget, its change and its share. Built through here, those facts share one
 * object, so a text's test of it (remembered per RegExp while linking) is done
 * once. Only patterns without the g or y flag (stateless under test()) are
 * shared (memoByText: emptied past 5,000 patterns).
 */
import { memoByText } from "./memo";

/** Key "flags/source" → its RegExp (a flag never contains "/"). */
const byKey = memoByText((key: string): RegExp => {
  const cut = key.indexOf("/");
  return new RegExp(key.slice(cut + 1), key.slice(0, cut));
}, 5000);

export function sharedRegExp(source: string, flags = ""): RegExp {
  if (flags.includes("g") || flags.includes("y")) return new RegExp(source, flags);
  return byKey(`${flags}/${source}`);
}
