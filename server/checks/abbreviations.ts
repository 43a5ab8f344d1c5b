import type { Finding } from './finding.js';
import { findAbbreviations, questionFor, type Glossary } from '../lexicon/index.js';

/**
 * An abbreviation a reader cannot resolve: several meanings and no context to choose, or unknown to
 * the lexicon and the office's glossary. The draft keeps it as staff wrote it; staff are asked what it
 * means (their answer joins the glossary), unless the section spells it out once ("… (ABC)").
 */
export function checkAbbreviations(section: string, paragraphs: readonly string[], glossary: Glossary): Finding[] {
  const whole = paragraphs.join('\n');
  const asked = new Set<string>();
  return paragraphs.flatMap((text, paragraph) =>
    findAbbreviations(text, glossary)
      .filter((u) => u.meaning === null && !whole.includes(`(${u.abbr})`))
      .filter((u) => !asked.has(u.abbr) && asked.add(u.abbr))
      .map((u) => ({
        rule: 'abbreviation.unclear',
        severity: 'warning' as const,
        where: { section, paragraph, span: [u.start, u.end] as [number, number] },
        message: `${questionFor(u)} Chữ viết tắt được giữ nguyên như ý liệu: ghi nghĩa vào bảng chữ viết tắt của cơ quan hoặc viết rõ trong ý liệu rồi soạn lại.`,
      })),
  );
}
