/**
 * Note forms staff write and formal prose does not: labels ("tg:", "nơi đến:", "NN:") and arrows.
 * Each becomes part of a sentence.
 */
import { LABEL, labelNamed } from '../text/note-labels.js';
import { uncapitalize } from '../text/capitals.js';

function labelsToProse(fact: string): string {
  return fact.replace(LABEL, (whole, before: string, name: string, offset: number, all: string) => {
    const label = labelNamed(name)!;
    const value = all.slice(offset + whole.length);
    const atStart = before === '' || /^[.(]/u.test(before.trim()) || offset === 0;
    const words = label.bareWhen?.test(value) ? '' : atStart ? label.lead : label.inline;
    // A label after a clause joins it with a comma: "đi Hà Nội; tg: từ 15/01" -> "đi Hà Nội, từ 15/01".
    const joint = offset === 0 || before === '' ? '' : /[.(]/u.test(before) ? before : ', ';
    return `${joint}${words}${words ? ' ' : ''}`;
  });
}

/** Words that already join a consequence or a purpose: "→ qua đó …" needs no other. */
const CONNECTIVE = /^(qua đó|do đó|vì vậy|vì thế|từ đó|nên|để|nhằm|dẫn đến|góp phần)(?![\p{L}\p{M}])/iu;

/** Verbs that open a purpose: "→ nâng cao …" reads "để nâng cao …". */
const PURPOSE = /^(nâng cao|bảo đảm|đảm bảo|góp phần|giúp|tạo|phục vụ|kịp thời|hạn chế|giảm|tăng|thúc đẩy|phát huy|tránh|ngăn chặn)(?![\p{L}\p{M}])/iu;

/** "A → B": B follows from A ("A, do đó B"), or is what A is for ("A để nâng cao B"). */
function arrowsToProse(fact: string): string {
  const parts = fact.split(/\s*(?:→|->|=>)\s*/u);
  if (parts.length === 1) return fact;
  return parts.reduce((text, part, i) => {
    if (i === 0) return part === '' ? '' : part;
    const lowered = uncapitalize(part);
    if (text === '') return `Do đó, ${lowered}`;
    if (CONNECTIVE.test(part)) return `${text}, ${lowered}`;
    if (PURPOSE.test(part)) return `${text} để ${lowered}`;
    return i === 1 ? `${text}, do đó ${lowered}` : `${text}; từ đó ${lowered}`;
  }, '');
}

/** A fact with its labels and arrows written as parts of a sentence. */
export function notesToProse(fact: string): string {
  return arrowsToProse(labelsToProse(fact));
}
