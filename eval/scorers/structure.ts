import { toRoman } from '../../server/text/roman.js';
import { outputParagraphs } from './sections.js';
import { Checklist } from './checklist.js';
import type { ScoreContext, ScoreResult } from './types.js';

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').replace(/[.:;,]+$/u, '').trim();

/**
 * The document has the template's shape: its required sections, every section the brief gave
 * facts for, no section the template lacks, the template's order, the headings it prescribes, and
 * each numbered part of the brief as a sub-heading line.
 */
export function structure(ctx: ScoreContext): ScoreResult | null {
  const template = ctx.template;
  if (!template) return null;
  const list = new Checklist();
  const check = list.check.bind(list);
  const present = (key: string) => outputParagraphs(ctx, key).length > 0;

  // Scored against the sections the brief has: a required body section the brief left out is the
  // brief's gap, reported by the product's own checks, not the draft's. Opening and closing are code's.
  const briefed = new Set(ctx.brief.sections.map((s) => s.key));
  for (const s of template.sections) {
    if (s.required && (s.role !== 'body' || briefed.has(s.key))) check(present(s.key), s.key, `thiếu mục bắt buộc ${s.key}${s.heading ? ` (${s.heading})` : ''}`);
  }
  for (const s of ctx.brief.sections) {
    const required = template.sections.find((t) => t.key === s.key)?.required;
    if (!required) check(present(s.key), s.key, `thiếu mục ${s.key} dù ý liệu có`);
  }
  const templateKeys = template.sections.map((s) => s.key);
  const written = Object.keys(ctx.output.sections).filter(present);
  for (const key of written) check(templateKeys.includes(key), key, `mục ${key} không có trong mẫu ${template.id}`);
  const known = written.filter((k) => templateKeys.includes(k));
  const inOrder = known.every((k, i) => i === 0 || templateKeys.indexOf(known[i - 1]!) < templateKeys.indexOf(k));
  check(inOrder, known[0] ?? '', `các mục không theo thứ tự của mẫu (${known.join(', ')})`);

  let numbered = 0;
  for (const s of template.sections) {
    if (!present(s.key)) continue;
    const briefSection = ctx.brief.sections.find((b) => b.key === s.key);
    // Only sections printed with a heading are numbered (a công văn runs its content on without one).
    if (s.role === 'body' && ctx.output.headings?.[s.key] !== undefined) {
      numbered += 1;
      const expected = `${toRoman(numbered)}. ${(briefSection?.title ?? s.heading ?? '').toLocaleUpperCase('vi')}`;
      const actual = ctx.output.headings[s.key] ?? '';
      check(norm(actual) === norm(expected), s.key, `đề mục "${actual}" khác với mẫu "${expected}"`);
    }
    const lines = outputParagraphs(ctx, s.key).map(norm);
    briefSection?.parts?.forEach((part, i) => {
      const subheading = `${i + 1}. ${part.title}`;
      check(lines.includes(norm(subheading)), s.key, `thiếu tiểu mục "${subheading}"`);
    });
  }

  return list.result(`Đủ mục, đúng thứ tự và đề mục theo mẫu ${template.id}.`, 'Sai cấu trúc');
}
