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

const SENTENCE_END = /[。；;！!？?]/;
const CLAUSE_SEP = /[，,：:]/;
const LEAD = /^\s*(其中[:：]?)?\s*((20\d{2})\s*年度?)?\s*[，,]?\s*/;
const REGION = /^(全(省|市|区|县|州|盟|旗|镇|乡|国)|(省|市|区|县|州|旗|镇|乡)本级|(市|区|县)直(机关)?|辖区(内)?)/;
const SECTOR = /^[\u4e00-\u9fa5]{1,8}(系统|行业)/;
const OWN = /^(本|我)(部门|单位|局|委|办|院|所|校|中心|站|队|馆|会)|^(全局|全院|全所|全校|全委|全办)/;

/**
 * The wider entity a figure at `at` in `text` is about ("全区", "区本级", "全市水利系统"),
 * or undefined when it is the document's own department's.
 */
export function otherEntity(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
  let owner: string | undefined;
  let from = start;
  for (let i = start; i <= at; i++) {
    if (i < at && !CLAUSE_SEP.test(text[i])) continue;
    const clause = text.slice(from, i).replace(/[“”"‘’]/g, "");
    const body = clause.replace(LEAD, "");
    if (OWN.test(body)) owner = undefined;
    else {
      const m = REGION.exec(body);
      if (m) {
        const sector = SECTOR.exec(body.slice(m[0].length));
        owner = m[0] + (sector ? sector[0] : "");
      }
    }
    from = i + 1;
  }
  return owner;
}
