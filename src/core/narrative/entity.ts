/**
 * Whose figure is it? A department's 情况说明 sometimes quotes figures of a wider
 * entity: the whole region ("2021年全区一般公共预算支出52.36亿元"), a level of
 * government ("区本级一般公共预算财政拨款支出…"), or a whole sector ("全市水利系统收入
 * 总计…"). Those are not the department's 收入总计 or 基本支出: they are neither
 * checked against the department's tables nor held against the department's own
 * figures elsewhere in the text.
 *
 * Decided here (the spec is silent): a region word is the subject of a figure when
 * it opens the figure's sentence or one of its clauses (after an optional year or
 * "其中"); it holds to the end of the sentence, unless a later clause names the
 * document's own department again ("本部门", "我局", "本单位"…). A region word
 * inside a clause ("用于全区河道清淤支出500万元") names what the money was for, not
 * whose money it is: that figure stays the department's. Words for the department
 * as a whole ("全局", "全院", "全所", "全校") are the department itself.
 */
import { memoByText } from "../util/memo";

const SENTENCE_END = /[。；;！!？?]/;
const CLAUSE_SEP = /[，,：:]/;
const LEAD = /^\s*(其中[:：]?)?\s*((20\d{2})\s*年度?)?\s*[，,]?\s*/;
const REGION = /^(全(省|市|区|县|州|盟|旗|镇|乡|国)|(省|市|区|县|州|旗|镇|乡)本级|(市|区|县)直(机关)?|辖区(内)?)/;
const SECTOR = /^[\u4e00-\u9fa5]{1,8}(系统|行业)/;
const OWN = /^(本|我)(部门|单位|局|委|办|院|所|校|中心|站|队|馆|会)|^(全局|全院|全所|全校|全委|全办)/;

interface Span {
  /** First offset the owner holds from (the clause after the one that named it). */
  from: number;
  owner: string | undefined;
}

/**
 * Who owns each stretch of a paragraph, read once: the owner changes at the end of
 * a clause that names one, and is reset at each sentence end.
 */
function spansOf(text: string): Span[] {
  const spans: Span[] = [{ from: 0, owner: undefined }];
  let owner: string | undefined;
  let from = 0;
  const set = (at: number, o: string | undefined) => {
    if (o === owner) return;
    owner = o;
    spans.push({ from: at, owner: o });
  };
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text[i] : "。";
    const end = SENTENCE_END.test(ch);
    if (!end && !CLAUSE_SEP.test(ch)) continue;
    const body = text.slice(from, i).replace(/[“”"‘’]/g, "").replace(LEAD, "");
    if (OWN.test(body)) set(from, undefined);
    else {
      const m = REGION.exec(body);
      if (m) {
        const sector = SECTOR.exec(body.slice(m[0].length));
        set(from, m[0] + (sector ? sector[0] : ""));
      }
    }
    if (end) set(i + 1, undefined);
    from = i + 1;
  }
  return spans;
}

/** Each paragraph's spans, read once (the figures of a paragraph ask one by one). */
const spansOfText = memoByText(spansOf, 1000);

/**
 * The wider entity a figure at `at` in `text` is about ("全区", "区本级", "全市水利系统"),
 * or undefined when it is the document's own department's.
 */
export function otherEntity(text: string, at: number): string | undefined {
  let owner: string | undefined;
  for (const sp of spansOfText(text)) {
    if (sp.from > at) break;
    owner = sp.owner;
  }
  return owner;
}
