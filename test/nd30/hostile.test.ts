import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocx, DocxCheckError } from '../../server/nd30/check.js';
import { DocxReader } from '../../server/nd30/docx-reader.js';
import { readDocx } from '../../server/nd30/read-docx.js';
import { ZipArchive } from '../../server/nd30/zip.js';
import { serveApp } from '../helpers/serve.js';
import { testApp } from '../helpers/app.js';
import { ROOT } from '../helpers/run-script.js';
import { buildDocx } from './fixture.js';
import { documentXml, docxWith, HOSTILE, largeDocument, type HostileKind } from './hostile.js';

const VIETNAMESE = /[\u00C0-\u1EF9]/;

async function refusal(p: Promise<unknown>): Promise<DocxCheckError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DocxCheckError);
  expect((e as DocxCheckError).message).toMatch(VIETNAMESE);
  return e as DocxCheckError;
}

const paragraphTexts = async (buf: Buffer) => (await readDocx(buf)).paragraphs.map((p) => p.text);

/** What each refused kind ends in: reason, HTTP status and a phrase of its message. */
const REFUSED: [HostileKind, string, number, RegExp][] = [
  ['zipBomb', 'too_large', 413, /bom nén/],
  ['highRatio', 'too_large', 413, /bom nén/],
  ['manyEntries', 'too_large', 413, /hơn 5\.000 thành phần/],
  ['deepNesting', 'too_complex', 422, /lồng nhau sâu hơn 512 tầng/],
  ['billionLaughs', 'unsafe_xml', 422, /DOCTYPE/],
];

describe('hostile .docx files are refused with a Vietnamese message', () => {
  it.each(REFUSED)('%s', async (kind, reason, status, phrase) => {
    const e = await refusal(checkDocx(HOSTILE[kind]()));
    expect(e.reason).toBe(reason);
    expect(e.status).toBe(status);
    expect(e.message).toMatch(phrase);
  });

  it('a zip bomb is caught by the bytes it inflates to, whatever its headers declare', () => {
    const honest = docxWith(Buffer.alloc(3 * 1024 * 1024, 0x20));
    const lying = docxWith(Buffer.alloc(3 * 1024 * 1024, 0x20), [], { declaredSize: 10 });
    for (const buf of [honest, lying]) {
      const zip = new ZipArchive(buf, { maxEntries: 100, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 10_000, ratioGraceBytes: 0 });
      expect(() => zip.read('word/document.xml')).toThrow(/vượt quá 2 MB/);
    }
    // The total counts every part read, not each part alone.
    const two = docxWith('x', [
      { name: 'a.xml', data: Buffer.alloc(600_000, 0x20) },
      { name: 'b.xml', data: Buffer.alloc(600_000, 0x20) },
    ]);
    const zip = new ZipArchive(two, { maxEntries: 100, maxTotalBytes: 1024 * 1024, maxRatio: 10_000, ratioGraceBytes: 0 });
    expect(zip.read('a.xml')!.length).toBe(600_000);
    expect(() => zip.read('b.xml')).toThrow(DocxCheckError);
  });
});

describe('hostile markup is read in linear time, and reported when not well-formed', () => {
  it.each(['pathologicalAttributes', 'strayClosingTags'] as const)('%s: read, with the part reported as not well-formed', async (kind) => {
    const buf = HOSTILE[kind]();
    expect(await paragraphTexts(buf)).toContain('còn đọc được');
    const wellFormed = (await checkDocx(buf)).findings.filter((f) => f.rule === 'docx.well-formed');
    expect(wellFormed).toHaveLength(1);
    expect(wellFormed[0]!.severity).toBe('error');
    expect(wellFormed[0]!.message).toContain('word/document.xml');
    // A hostile name is quoted shortened, not by the megabyte.
    expect(wellFormed[0]!.message.length).toBeLessThan(400);
  });

  it.each(['openFields', 'manySections'] as const)('%s: read, one pass over the markup', async (kind) => {
    expect(await paragraphTexts(HOSTILE[kind]())).toContain('còn đọc được');
  });

  it('hugeAttributeValues: megabytes of attribute values are just read', async () => {
    const buf = HOSTILE.hugeAttributeValues();
    expect(await paragraphTexts(buf)).toContain('còn đọc được');
    expect((await checkDocx(buf)).findings.some((f) => f.rule === 'docx.well-formed')).toBe(false);
  });
});

describe('a part that is not well-formed XML is an error of the check', () => {
  async function withPart(path: string, edit: (xml: string) => string): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await buildDocx());
    zip.file(path, edit(await zip.file(path)!.async('string')));
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('a character XML forbids in the text of the document', async () => {
    const buf = await withPart('word/document.xml', (xml) => xml.replace('</w:t>', '\uFFFF</w:t>'));
    const { findings } = await checkDocx(buf);
    const f = findings.find((x) => x.rule === 'docx.well-formed');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('U+FFFF');
    expect(f?.message).toContain('word/document.xml');
  });

  it('a control character in a part the rules never read (document properties)', async () => {
    const buf = await withPart('docProps/core.xml', (xml) => xml.replace('</cp:coreProperties>', '<dc:description>a\u0001b</dc:description></cp:coreProperties>'));
    const f = (await checkDocx(buf)).findings.find((x) => x.rule === 'docx.well-formed');
    expect(f?.message).toContain('docProps/core.xml');
    expect(f?.message).toContain('U+0001');
  });

  it('mismatched tags, a bare "&" and a character reference to a forbidden character', async () => {
    for (const [body, phrase] of [
      ['<w:p><w:r><w:t>a</w:r></w:t></w:p>', 'không khớp'],
      ['<w:p><w:r><w:t>A & B</w:t></w:r></w:p>', '&'],
      ['<w:p><w:r><w:t>&#1;</w:t></w:r></w:p>', '&#1;'],
    ] as const) {
      const f = (await checkDocx(docxWith(documentXml(body)))).findings.find((x) => x.rule === 'docx.well-formed');
      expect(f?.message).toContain(phrase);
    }
  });

  it('a document as Word writes it has no such finding', async () => {
    expect((await checkDocx(await buildDocx())).findings.filter((f) => f.rule === 'docx.well-formed')).toEqual([]);
  });
});

describe('the reading worker', () => {
  const readers: DocxReader[] = [];
  afterAll(() => Promise.all(readers.map((r) => r.close())));
  const reader = (options: ConstructorParameters<typeof DocxReader>[0]) => {
    const r = new DocxReader(options);
    readers.push(r);
    return r;
  };

  it('is ended at its time limit, and the next file is read by a fresh one', async () => {
    const r = reader({ timeLimitMs: 1, workers: 1 });
    const e = await refusal(r.check(largeDocument(20_000)));
    expect(e.reason).toBe('too_complex');
    expect(e.message).toMatch(/giây/);
    expect(e.status).toBe(422);
  });

  it('is ended when a file needs more memory than its heap, and the server reads on', async () => {
    const r = reader({ maxHeapMb: 64, workers: 1, timeLimitMs: 120_000 });
    const e = await refusal(r.check(largeDocument(120_000)));
    expect(e.reason).toBe('too_complex');
    expect(e.message).toMatch(/bộ nhớ/);
    const { documentType } = await r.check(await buildDocx());
    expect(documentType).toBe('bao-cao');
  });
});

describe('over HTTP, a hostile upload does not hold up anyone else', () => {
  it('each hostile file gets its 413/422 while a normal check sent at the same time is answered', async () => {
    const ctx = await testApp();
    const server = await serveApp(ctx.app);
    try {
      const post = (body: Buffer) =>
        fetch(`${server.url}/api/nd30/check`, { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': 'application/octet-stream' } });
      const normal = await buildDocx();
      const hostile = REFUSED.map(([kind, , status]) => ({ kind, status, res: post(HOSTILE[kind]()) }));
      const ok = post(normal);
      for (const h of hostile) {
        const res = await h.res;
        expect(res.status, h.kind).toBe(h.status);
        expect((await res.json()).error.message).toMatch(VIETNAMESE);
      }
      const res = await ok;
      expect(res.status).toBe(200);
      expect((await res.json()).documentType).toBe('bao-cao');
    } finally {
      await server.close();
      await ctx.close();
    }
  });

  it('the server answers other requests while a large upload is being read', async () => {
    const ctx = await testApp();
    const server = await serveApp(ctx.app);
    try {
      const order: string[] = [];
      const large = fetch(`${server.url}/api/nd30/check`, { method: 'POST', body: new Uint8Array(largeDocument(15_000)) }).then(async (r) => {
        order.push('large');
        return r.status;
      });
      // Reading happens in a worker, so the server's own thread is free for this one.
      const health = fetch(`${server.url}/api/health`).then((r) => {
        order.push('health');
        return r.status;
      });
      expect(await health).toBe(200);
      expect(await large).toBe(200);
      expect(order).toEqual(['health', 'large']);
    } finally {
      await server.close();
      await ctx.close();
    }
  });
});

describe('npm run check on a hostile file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nd30-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with the Vietnamese reason instead of dying', async () => {
    const file = join(dir, 'bom.docx');
    writeFileSync(file, HOSTILE.zipBomb());
    const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check.ts'), file], { cwd: ROOT });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ status: code, stderr: err }));
    });
    expect(status).toBe(2);
    expect(stderr).toContain('bom nén');
  });
});
