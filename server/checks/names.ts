import type { Finding } from './finding.js';
import { TextMemo } from '../text/memo.js';

/**
 * Proper names: runs of two or more capitalised words ("Nguyễn Viết Hưng", "Sở Công Thương", "Hà
 * Tĩnh"). A name in the text that the facts, the header and their spelled-out forms never mention
 * is invented.
 */
// A capitalised word right before "/" is part of a code ("V/v", "TP/HCM"), not of the name before it.
const NAME = /(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*(?![\p{L}\p{M}/]))+/gu;

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

/**
 * A name is known when the sources mention it, or when it is known names written one after
 * another ("Sở Công Thương Sở Tài chính": two cơ quan in a list without a comma). Its first word may
 * be a sentence's capital ("Năm Sở ..."), so it may be left out.
 */
function isKnown(name: string, known: string): boolean {
  const folded = fold(name);
  if (known.includes(folded)) return true;
  const words = folded.split(' ');
  // covered[i]: the words before i can be read as known names of two words or more.
  const covered = words.map((_, i) => i === 0);
  covered.push(false);
  covered[1] = true;
  for (let i = 0; i < words.length; i++) {
    if (!covered[i]) continue;
    for (let j = i + 2; j <= words.length; j++) {
      if (known.includes(words.slice(i, j).join(' '))) covered[j] = true;
    }
  }
  return covered[words.length]!;
}

export function checkNames(section: string, paragraphs: readonly string[], sources: readonly string[]): Finding[] {
  // The sources are mostly the same from one check to the next (the lexicon's names, the brief's facts).
  const known = foldedSources.get(sources.join('\n'));
  const findings: Finding[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const n of properNames(text)) {
      if (isKnown(n.name, known)) continue;
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
