import type { Template, TemplateSection } from '../template/schema.js';
import { briefHasContent, presentSections } from '../present/sections.js';
import { foldAccents } from './values.js';

interface BriefLike {
  sections: { key: string; title?: string; facts?: string[]; parts?: { facts: string[] }[] }[];
}

/** Headings as the chat names them, numbered as the document will number them (one presenter for both). */
export function sectionHeadings(template: Template, brief: BriefLike): Map<string, string> {
  return new Map(presentSections(template, brief, (key) => briefHasContent(brief, key)).map((p) => [p.key, p.mention]));
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
  const numbered = presentSections(template, brief, (key) => briefHasContent(brief, key)).filter((p) => p.number !== null);
  const byNumber = (n: number) => template.sections.find((s) => s.key === numbered[n - 1]?.key);
  if (ROMAN.test(name)) return byNumber(fromRoman(name));
  if (/^\d+$/u.test(name)) return byNumber(Number(name));
  return template.sections.find((s) => {
    const title = foldAccents(brief.sections.find((b) => b.key === s.key)?.title ?? s.heading ?? '');
    return s.role === 'body' && title.includes(name);
  });
}
