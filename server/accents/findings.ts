import type { Brief } from '../brief/schema.js';
import type { Finding } from '../checks/finding.js';
import { proposeAccents } from './propose.js';
import type { AccentTable } from './table.js';

/** Every text of a brief that prints in the document, with where it is. */
function printedTexts(brief: Brief): { field: string; section?: string; text: string }[] {
  const h = brief.header;
  return [
    { field: 'header.parentOrg', text: h.parentOrg },
    { field: 'header.org', text: h.org },
    { field: 'header.place', text: h.place },
    { field: 'header.subject', text: h.subject },
    ...h.recipients.map((text) => ({ field: 'header.recipients', text })),
    ...brief.signer.lines.map((text) => ({ field: 'signer.lines', text })),
    { field: 'signer.name', text: brief.signer.name },
    ...brief.copies.map((text) => ({ field: 'copies', text })),
    ...brief.sections.flatMap((s) =>
      [...(s.facts ?? []), ...(s.parts ?? []).flatMap((p) => [p.title, ...p.facts])].map((text) => ({ field: 'facts', section: s.key, text })),
    ),
  ];
}

/**
 * A warning for each text of the brief that looks typed without accents and that staff have not
 * confirmed as typed, so the export lists it before anything unaccented is printed.
 */
export function unaccentedFindings(brief: Brief, confirmed: readonly string[] = [], table?: AccentTable): Finding[] {
  const kept = new Set(confirmed.map((c) => c.normalize('NFC')));
  const out: Finding[] = [];
  for (const t of printedTexts(brief)) {
    if (!t.text || kept.has(t.text)) continue;
    for (const p of proposeAccents(t.text, table)) {
      if (kept.has(p.typed)) continue;
      out.push({
        rule: 'accents.unaccented',
        severity: 'warning',
        where: { field: t.field, ...(t.section ? { section: t.section } : {}) },
        message: `"${p.typed}" có vẻ gõ không dấu (có phải «${p.candidates[0]}»?): hãy sửa lại có dấu, hoặc xác nhận giữ nguyên như đã gõ.`,
      });
    }
  }
  return out;
}
