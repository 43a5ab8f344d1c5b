import type { Template, TemplateSection } from '../template/schema.js';
import { toRoman } from '../text/roman.js';
import { foldAccents } from './values.js';

interface BriefLike {
  sections: { key: string; title?: string; facts?: string[]; parts?: { facts: string[] }[] }[];
}

const hasFacts = (s: BriefLike['sections'][number] | undefined) =>
  !!s && ((s.facts?.length ?? 0) > 0 || (s.parts ?? []).some((p) => p.facts.length > 0));

/** Headings as the document will number them: body sections with facts, I., II., … in template order. */
export function sectionHeadings(template: Template, brief: BriefLike): Map<string, string> {
  const headings = new Map<string, string>();
  let n = 0;
  for (const s of template.sections) {
    const own = brief.sections.find((b) => b.key === s.key);
    if (s.role === 'opening') headings.set(s.key, 'phần mở đầu');
    else if (s.role === 'closing') headings.set(s.key, 'phần kết thúc');
    else {
      const title = (own?.title ?? s.heading ?? s.key).toLocaleUpperCase('vi');
      headings.set(s.key, hasFacts(own) ? `mục ${toRoman(++n)}. ${title}` : `mục ${title}`);
    }
  }
  return headings;
}

const ROMAN = /^[ivxlc]+$/iu;
function fromRoman(r: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  const chars = r.toLowerCase().split('');
  return chars.reduce((sum, ch, i) => {
    const v = values[ch]!;
    const next = values[chars[i + 1] ?? ''] ?? 0;
    return sum + (v < next ? -v : v);
  }, 0);
}

/** The section staff mean by "mục I", "mục 2", "mục kết quả", "phần mở đầu", "phần kết"; undefined when none. */
export function resolveSection(ref: string, template: Template, brief: BriefLike): TemplateSection | undefined {
  // Accent-blind: staff on a phone often type "muc ket qua" for "mục kết quả".
  const r = foldAccents(ref.normalize('NFC').trim()).replace(/[.:,]$/u, '');
  if (/^phan\s+mo\s+dau$/u.test(r)) return template.sections.find((s) => s.role === 'opening');
  if (/^phan\s+ket/u.test(r)) return template.sections.find((s) => s.role === 'closing');
  const name = r.replace(/^muc\s+/u, '');
  const numbered = template.sections.filter((s) => s.role === 'body' && hasFacts(brief.sections.find((b) => b.key === s.key)));
  if (ROMAN.test(name)) return numbered[fromRoman(name) - 1];
  if (/^\d+$/u.test(name)) return numbered[Number(name) - 1];
  return template.sections.find((s) => {
    const title = foldAccents(brief.sections.find((b) => b.key === s.key)?.title ?? s.heading ?? '');
    return s.role === 'body' && title.includes(name);
  });
}
