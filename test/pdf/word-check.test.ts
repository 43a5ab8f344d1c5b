import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testApp } from '../helpers/app.js';
import { BRIEFS_DIR, briefFiles } from '../helpers/fixtures.js';
import { pdfFonts, pdfText } from '../helpers/poppler.js';
import { PdfConverter } from '../../server/pdf/converter.js';

/**
 * A real Word check: every example brief's export opens in LibreOffice (a file it must repair does
 * not convert) and prints its own words, with its fonts embedded.
 */
const ctx = await testApp();
const converter = new PdfConverter();
afterAll(() => ctx.close());

describe('each export of the example briefs prints through LibreOffice', () => {
  it.each(briefFiles())('%s', async (file) => {
    const brief = JSON.parse(readFileSync(join(BRIEFS_DIR, file), 'utf8'));
    const created = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    await ctx.request(`/api/drafts/${created.id}/draft`, { method: 'POST' });
    const docx = new Uint8Array(await (await ctx.request(`/api/drafts/${created.id}/export.docx`)).arrayBuffer());
    const pdf = await converter.toPdf(docx);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text.trim().length).toBeGreaterThan(200);
    // Words of the header and of the body, as staff wrote them.
    expect(text).toContain(brief.header.symbol);
    const subjectWords = brief.header.subject.split(/\s+/).slice(0, 3).join(' ');
    expect(text).toContain(subjectWords);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
  });
});
