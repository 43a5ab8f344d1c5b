import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { PNG_MAGIC, pdfFonts, pdfPages, pdfText, pngSize } from '../helpers/poppler.js';
import { PdfConverter } from '../../server/pdf/converter.js';
import { OfflineProvider } from '../../server/provider/offline.js';

let ctx: Awaited<ReturnType<typeof testApp>> | undefined;
const temp: string[] = [];
afterEach(() => {
  ctx?.close();
  ctx = undefined;
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function drafted(app: Awaited<ReturnType<typeof testApp>>, brief = rawBrief()) {
  const created = (await (await app.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
  await app.request(`/api/drafts/${created.id}/draft`, { method: 'POST' });
  return created.id as string;
}

/** A stand-in for soffice: a shell script, to make LibreOffice slow, absent or concurrent on purpose. */
function fakeSoffice(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-soffice-'));
  temp.push(dir);
  const file = join(dir, 'soffice');
  writeFileSync(file, `#!/bin/sh\n${script.replaceAll('$DIR', dir)}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('GET /api/drafts/:id/export.pdf', () => {
  it('prints the draft through LibreOffice with its fonts embedded, named after số, ký hiệu and trích yếu', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.header.number = '84';
    const id = await drafted(ctx, brief);
    const res = await ctx.request(`/api/drafts/${id}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="84-bc-ubnd-ket-qua-thuc-hien-chuong-trinh-san-xuat-tieu-dung-ben-vung-nam-2021.pdf"');
    expect(disposition).toContain(encodeURIComponent('84-bc-ubnd-kết-quả-thực-hiện'));
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');

    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN');
    expect(text).toContain('Số: 84/BC-UBND');
    expect(text).toContain('Nguyễn Viết Hưng');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 in Vietnamese for a draft that does not exist', async () => {
    ctx = await testApp();
    const res = await ctx.request('/api/drafts/khong-co/export.pdf');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.message).toMatch(/Không tìm thấy bản thảo/);
  });

  it('says in Vietnamese that LibreOffice is missing (503), and the .docx still downloads', async () => {
    const { createApp } = await import('../../server/app.js');
    ctx = await testApp();
    const { app } = createApp({
      store: ctx.store,
      templates: (await import('../../server/template/load.js')).TemplateRegistry.load(),
      provider: new OfflineProvider(),
      concurrency: 2,
      maxBodyBytes: 1 << 20,
      pdf: new PdfConverter({ soffice: join(tmpdir(), 'khong-co-soffice', 'soffice') }),
    });
    const id = await drafted(ctx);
    const res = await app.request(`/api/drafts/${id}/export.pdf`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('pdf_unavailable');
    expect(body.error.message).toMatch(/chưa cài LibreOffice/);
    expect((await app.request(`/api/drafts/${id}/export.docx`)).status).toBe(200);
  });
});

describe('printing a draft once for its preview and its PDF', () => {
  it('runs LibreOffice once for both, and again once the text changes', async () => {
    const { createApp } = await import('../../server/app.js');
    const { TemplateRegistry } = await import('../../server/template/load.js');
    // The real soffice, behind a script that counts its runs.
    const soffice = fakeSoffice('echo run >> $DIR/runs\nexec soffice "$@"');
    const runs = () => readFileSync(join(soffice, '..', 'runs'), 'utf8').trim().split('\n').length;
    ctx = await testApp();
    const { app } = createApp({ store: ctx.store, templates: TemplateRegistry.load(), provider: new OfflineProvider(), concurrency: 2, maxBodyBytes: 1 << 20, pdf: new PdfConverter({ soffice }) });
    const id = await drafted(ctx);
    const [preview, pdf] = await Promise.all([app.request(`/api/drafts/${id}/preview.png`), app.request(`/api/drafts/${id}/export.pdf`)]);
    expect([preview.status, pdf.status]).toEqual([200, 200]);
    expect(runs()).toBe(1);

    const detail = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    const p = detail.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: 'Ủy ban nhân dân huyện ban hành 07 văn bản.' } });
    const again = await app.request(`/api/drafts/${id}/export.pdf`);
    expect(pdfText(new Uint8Array(await again.arrayBuffer()))).toContain('ban hành 07 văn bản');
    expect(runs()).toBe(2);
  });
});

describe('the PDF converter', () => {
  // The stand-ins never read the file.
  const docx = () => Buffer.from('PK');

  it('kills a conversion that outlives its time, with its child processes, and says so (504)', async () => {
    const marker = join(tmpdir(), `soanthao-orphan-${process.pid}-${Date.now()}`);
    // The script starts a child that would write the marker later: killing the group must stop it too.
    const soffice = fakeSoffice(`(sleep 3; touch ${marker}) &\nsleep 30`);
    const converter = new PdfConverter({ soffice, timeoutMs: 500 });
    const error = await converter.toPdf(docx()).catch((e) => e);
    expect(error.code).toBe('pdf_timeout');
    expect(error.status).toBe(504);
    expect(error.message).toMatch(/quá 1 giây nên đã dừng/);
    await new Promise((r) => setTimeout(r, 3500));
    expect(existsSync(marker)).toBe(false);
  });

  it('runs one conversion at a time, and every queued one still finishes', async () => {
    // Each run checks that no other is running, then writes its PDF where soffice would.
    const soffice = fakeSoffice(
      [
        'out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done',
        '[ -e $DIR/busy ] && echo overlap >> $DIR/log',
        'touch $DIR/busy; sleep 0.2; rm $DIR/busy',
        'printf "%s" "%PDF-1.4 fake" > "$out/van-ban.pdf"',
      ].join('\n'),
    );
    const converter = new PdfConverter({ soffice });
    const outputs = await Promise.all([1, 2, 3].map(() => converter.toPdf(docx())));
    expect(outputs.map((o) => o.toString())).toEqual(['%PDF-1.4 fake', '%PDF-1.4 fake', '%PDF-1.4 fake']);
    expect(existsSync(join(soffice, '..', 'log'))).toBe(false);
  });

  it('reports a conversion that wrote no PDF, though soffice exited 0 (502)', async () => {
    const converter = new PdfConverter({ soffice: fakeSoffice('exit 0') });
    const error = await converter.toPdf(docx()).catch((e) => e);
    expect(error.code).toBe('pdf_failed');
    expect(error.message).toMatch(/không chuyển được/);
  });
});

describe('GET /api/drafts/:id/preview.png', () => {
  it('renders the first page as printed, as a PNG about an A4 page at 60 dpi', async () => {
    ctx = await testApp();
    const id = await drafted(ctx);
    const res = await ctx.request(`/api/drafts/${id}/preview.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = new Uint8Array(await res.arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual(PNG_MAGIC);
    const { width, height } = pngSize(png);
    // A4 at 60 dpi: 8.27 × 11.69 inches.
    expect(width).toBeGreaterThan(480);
    expect(width).toBeLessThan(510);
    expect(height / width).toBeCloseTo(297 / 210, 1);
  });
});
