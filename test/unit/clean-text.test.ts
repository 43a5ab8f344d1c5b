import { afterEach, describe, expect, it } from 'vitest';
import { parseBrief } from '../../server/brief/load.js';
import { DraftError } from '../../server/errors.js';
import { checkDocx } from '../../server/nd30/check.js';
import { cleanText, isBlank, stripXmlForbidden } from '../../server/text/clean.js';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';

/** Zero-width space and joiners, BOM, bidi marks, embeddings and isolates, NBSP, soft hyphen. */
const INVISIBLE = ['\u200B', '\u200C\u200D', '\uFEFF', '\u200E\u200F', '\u202A\u202E\u202C', '\u2066\u2069', '\u00A0\u00A0', '\u00AD', ' \u2060 '];
/** What XML 1.0 forbids: C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates. */
const FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF'];

describe('text cleaning', () => {
  it('counts a value of only invisible characters as blank, and one with a letter as not', () => {
    for (const s of INVISIBLE) expect(isBlank(s), JSON.stringify(s)).toBe(true);
    expect(isBlank('\u200Ba')).toBe(false);
    expect(isBlank('-')).toBe(false);
  });

  it('removes the characters XML forbids and keeps everything else, emoji and line breaks included', () => {
    for (const c of FORBIDDEN) expect(stripXmlForbidden(`Văn${c}bản`)).toBe('Vănbản');
    expect(stripXmlForbidden('Dòng 1\nDòng 2\tcột\r')).toBe('Dòng 1\nDòng 2\tcột\r');
    expect(stripXmlForbidden('Đạt 😀')).toBe('Đạt 😀');
    // Word puts a vertical tab on the clipboard for a line break: the words stay apart.
    expect(stripXmlForbidden('Kính\u000Bgửi')).toBe('Kính gửi');
  });

  it('gives NFC, trimmed text, and "" for an invisible-only value', () => {
    expect(cleanText('  Nghi Xua\u0302n \uFFFF ')).toBe('Nghi Xuân');
    expect(cleanText('\u200B\u200E\u00A0')).toBe('');
  });
});

describe('a brief never carries an XML-forbidden character, nor an invisible-only required value', () => {
  it('strips forbidden characters from every text field', () => {
    const brief = rawBrief();
    brief.header.subject = `Kết quả\uFFFF thực hiện\u0001 năm 2021`;
    brief.sections[0].facts[0] = `${brief.sections[0].facts[0]}\uD800`;
    const parsed = parseBrief(brief);
    expect(parsed.header.subject).toBe('Kết quả thực hiện năm 2021');
    expect(parsed.sections[0]!.facts![0]).toBe(rawBrief().sections[0].facts[0]);
  });

  it('refuses invisible-only required values, naming each field', () => {
    const brief = rawBrief();
    brief.header.org = '\u200B\u200D';
    brief.header.subject = '\u00A0\uFEFF';
    brief.sections[0].facts[0] = '\u202B\u202C';
    const e = (() => {
      try {
        parseBrief(brief);
      } catch (err) {
        return err as DraftError;
      }
      throw new Error('accepted');
    })();
    expect(e).toBeInstanceOf(DraftError);
    const fields = Object.fromEntries(e.issues.map((i) => [i.field, i.message]));
    expect(fields['header.org']).toBe('Cần tên cơ quan ban hành');
    expect(fields['header.subject']).toBe('Cần trích yếu nội dung');
    expect(fields['sections.0.facts.0']).toBe('Ý liệu không được để trống');
  });
});

describe('over HTTP', () => {
  // testApp and close may be asynchronous (the store is becoming so): await both.
  let ctx: Awaited<ReturnType<typeof testApp>>;
  afterEach(async () => {
    await ctx?.close();
  });

  async function drafted(brief: unknown = rawBrief()) {
    const created = await ctx.request('/api/drafts', { method: 'POST', json: { brief } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
    return id;
  }

  it('a brief with forbidden characters exports a .docx that is well-formed', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.header.subject = `${brief.header.subject}\uFFFF`;
    brief.sections[0].facts = brief.sections[0].facts.map((f: string) => `${f}\uFFFE`);
    const id = await drafted(brief);
    const docx = new Uint8Array(await (await ctx.request(`/api/drafts/${id}/export.docx`)).arrayBuffer());
    const { findings } = await checkDocx(docx);
    expect(findings.filter((f) => f.rule === 'docx.well-formed')).toEqual([]);
  });

  it('a paragraph edit is cleaned, and one of only invisible characters is refused as empty', async () => {
    ctx = await testApp();
    const id = await drafted();
    const detail = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    const p = detail.sections[0].paragraphs[0];
    const blank = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: '\u200B\u200F\u00A0' } });
    expect(blank.status).toBe(422);
    expect(((await blank.json()) as any).error.message).toContain('không được để trống');
    const edited = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: 'Đoạn\uFFFF sửa\u0007 tay.' } });
    expect(edited.status).toBe(200);
    const after = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    expect(after.sections[0].paragraphs[0].current.text).toBe('Đoạn sửa tay.');
  });

  it('a chat message of only invisible characters is refused as empty', async () => {
    ctx = await testApp();
    const c = (await (await ctx.request('/api/conversations', { method: 'POST', json: {} })).json()) as any;
    const res = await ctx.request(`/api/conversations/${c.id}/messages`, { method: 'POST', json: { text: '\u200B\u2066\u2069' } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.message).toContain('trống');
  });
});
