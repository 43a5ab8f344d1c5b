import type { Finding } from './finding.js';
import { TextMemo } from '../text/memo.js';

/** Words too common to show that a fact was used. */
const STOP = new Set(
  'và của các cho với trong khi theo được đã là có này đó những một về tại từ đến trên dưới nên thì mà để ra vào lại cũng như sau trước còn việc'.split(' '),
);

function words(text: string): string[] {
  return (text.normalize('NFC').toLocaleLowerCase('vi').match(/\p{L}[\p{L}\p{M}\p{N}]*/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

/** Share of a fact's content words the text needs to hold for the fact to count as used. */
const MIN_SHARE = 0.5;

/**
 * Every fact is used: most of its content words (as written, or with abbreviations spelled out) appear in one
 * paragraph of the section. One paragraph, not the whole section: the other facts share many words
 * with a fact that was left out. Figures are checked more strictly by grounding; this catches a fact
 * left out whole.
 */
export function checkFactsUsed(section: string, facts: readonly { original: string; spelled: string }[], paragraphs: readonly string[]): Finding[] {
  // Which paragraphs hold each word, read once: a fact is then weighed against the paragraphs that
  // share a word with it, not against every paragraph of the section.
  const holding = new Map<string, number[]>();
  paragraphs.forEach((p, i) => {
    for (const w of wordSet.get(p)) {
      const list = holding.get(w);
      if (list) list.push(i);
      else holding.set(w, [i]);
    }
  });
  const findings: Finding[] = [];
  for (const fact of facts) {
    // The fact as staff wrote it or with its abbreviations spelled out: prose may keep "UBND" or write "Ủy ban nhân dân".
    // An abbreviation the lexicon could not decide ("LĐ") may be written in any of its meanings: it is not required.
    const undecided = fact.spelled.replace(/(?<![\p{L}\p{M}])\p{Lu}{2,}(?![\p{L}\p{M}])/gu, ' ');
    const forms = [fact.spelled, fact.original, undecided].map((f) => [...new Set(words(f))]);
    if (forms[0]!.length < 2) continue;
    // A form with no content words left (its words all short or common) cannot show the fact left out.
    if (paragraphs.length > 0 && forms.some((own) => own.length === 0)) continue;
    const share = Math.max(0, ...forms.map((own) => bestShare(own, holding, paragraphs.length)));
    if (share < MIN_SHARE) {
      findings.push({
        rule: 'grounding.dropped-fact',
        severity: 'error',
        where: { section },
        message: `Ý liệu "${fact.original.length > 90 ? `${fact.original.slice(0, 89)}…` : fact.original}" chưa được dùng trong mục này: cần đưa vào hoặc soạn lại.`,
      });
    }
  }
  return findings;
}

const wordSet = new TextMemo((text: string) => new Set(words(text)));

/** The largest share of a fact's distinct words that one paragraph holds. */
function bestShare(own: readonly string[], holding: ReadonlyMap<string, readonly number[]>, paragraphs: number): number {
  const found = new Uint32Array(paragraphs);
  let most = 0;
  for (const w of own) for (const i of holding.get(w) ?? []) most = Math.max(most, ++found[i]!);
  return own.length === 0 ? 0 : most / own.length;
}
