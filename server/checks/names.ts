import type { Finding } from './finding.js';
import { TextMemo } from '../text/memo.js';

/**
 * Proper names: runs of two or more capitalised words ("Nguyễn Viết Hưng", "Sở Công Thương", "Hà
 * Tĩnh"). A name in the text that the facts, the header and their spelled-out forms never mention
 * is invented.
 */
const NAME = /(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+(?![\p{L}\p{M}])/gu;

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
}

/** The proper names of a text, kept per text (see TextMemo): treat them as read-only. */
export function properNames(text: string): readonly { name: string; start: number; end: number }[] {
  return namesOf.get(text);
}

const namesOf = new TextMemo((text: string) =>
  [...text.normalize('NFC').matchAll(NAME)].map((m) => ({ name: m[0], start: m.index!, end: m.index! + m[0].length })),
);

const foldedSources = new TextMemo(fold, 2 ** 21);

export function checkNames(section: string, paragraphs: readonly string[], sources: readonly string[]): Finding[] {
  // The sources are mostly the same from one check to the next (the lexicon's names, the brief's facts).
  const known = foldedSources.get(sources.join('\n'));
  const findings: Finding[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const n of properNames(text)) {
      // The first word may be a sentence's capital ("Phối Hợp" never happens, but "Năm Sở ..." can):
      // a name is known when it, or it without its first word, appears in the sources.
      const rest = n.name.replace(/^\S+\s+/u, '');
      if (known.includes(fold(n.name)) || (rest.includes(' ') && known.includes(fold(rest)))) continue;
      findings.push({
        rule: 'grounding.invented-name',
        severity: 'error',
        where: { section, paragraph, span: [n.start, n.end] },
        message: `Tên "${n.name}" không có trong ý liệu: kiểm tra lại, bổ sung vào ý liệu nếu đúng hoặc xóa khỏi đoạn văn.`,
      });
    }
  });
  return findings;
}
