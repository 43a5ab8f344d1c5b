import type { Finding } from './finding.js';

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
  const written = paragraphs.map((p) => new Set(words(p)));
  const findings: Finding[] = [];
  for (const fact of facts) {
    // The fact as staff wrote it or with its abbreviations spelled out: prose may keep "UBND" or write "Ủy ban nhân dân".
    // An abbreviation the lexicon could not decide ("LĐ") may be written in any of its meanings: it is not required.
    const undecided = fact.spelled.replace(/(?<![\p{L}\p{M}])\p{Lu}{2,}(?![\p{L}\p{M}])/gu, ' ');
    const forms = [fact.spelled, fact.original, undecided].map((f) => [...new Set(words(f))]);
    if (forms[0]!.length < 2) continue;
    const share = Math.max(0, ...forms.flatMap((own) => written.map((w) => own.filter((x) => w.has(x)).length / own.length)));
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
