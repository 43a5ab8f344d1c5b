import { sectionFacts } from '../../server/brief/schema.js';
import { fraction, listSome, outputParagraphs, withoutNumbering } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

/** A legal citation: "điểm a, b khoản 2, 3 Điều 162", "Điều 16", "Chương II", "Mục 3", "Phụ lục 2", "Bảng 2". */
const CITATION =
  /(?<![\p{L}\p{M}])(?:(?:điểm\s+[a-zđ](?:\s*(?:,|và)\s*[a-zđ])*\s+)?khoản\s+\d+(?:\s*(?:,|và)\s*\d+)*(?:\s+Điều\s+\d+)?|Điều\s+\d+[a-z]?|Chương\s+[IVXLC]+|Mục\s+\d+|Phụ lục\s+(?:\d+|[IVXLC]+)|Bảng\s+\d+)(?![\p{L}\p{N}])/giu;

const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').toLocaleLowerCase('vi');

/** Every citation of the facts is written as staff wrote it: "khoản 2, 3 Điều 162", never "khoản 2, 03". */
export function citations(ctx: ScoreContext): ScoreResult | null {
  const changed: { section: string; text: string }[] = [];
  let total = 0;
  for (const section of ctx.brief.sections) {
    const text = norm(withoutNumbering(outputParagraphs(ctx, section.key)).join('\n'));
    if (text === '') continue;
    for (const m of sectionFacts(section).flatMap((f) => [...f.matchAll(CITATION)])) {
      total += 1;
      if (!text.includes(norm(m[0]))) changed.push({ section: section.key, text: m[0] });
    }
  }
  if (total === 0) return null;
  if (changed.length === 0) return { pass: true, score: 1, reason: `Giữ nguyên cả ${total} trích dẫn điều, khoản, mục.` };
  return {
    pass: false,
    score: fraction(total - changed.length, total),
    reason: `Trích dẫn bị đổi hoặc thiếu: ${listSome(changed.map((c) => `"${c.text}" (mục ${c.section})`))}.`,
    problems: changed.map((c) => ({ section: c.section, text: `trích dẫn "${c.text}" bị đổi hoặc thiếu` })),
  };
}
