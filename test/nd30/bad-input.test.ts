import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkDocx, DocxCheckError, MAX_DOCX_BYTES } from '../../server/nd30/check.js';
import { buildDocx } from './fixture.js';
import { rawDocx } from './raw-docx.js';

async function rejection(buf: Buffer): Promise<DocxCheckError> {
  const e = await checkDocx(buf).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DocxCheckError);
  expect((e as DocxCheckError).message).toMatch(/[\u00C0-\u1EF9]/); // a Vietnamese message
  return e as DocxCheckError;
}

describe('bad input never crashes: it is refused with a DocxCheckError', () => {
  it('a file that is not a zip', async () => {
    const e = await rejection(Buffer.from('Đây là tệp văn bản thường, không phải .docx'));
    expect(e.reason).toBe('not_zip');
    expect(e.message).toContain('Tệp không phải văn bản Word (.docx)');
    expect(e.status).toBe(422);
  });

  it('an empty file', async () => {
    expect((await rejection(Buffer.alloc(0))).reason).toBe('not_zip');
  });

  it('a damaged zip', async () => {
    const good = await buildDocx();
    expect((await rejection(good.subarray(0, 200))).reason).toBe('not_zip');
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'xin chào');
    const e = await rejection(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(e.reason).toBe('not_word');
    expect(e.message).toContain('word/document.xml');
  });

  it('a zip whose document.xml is not WordprocessingML', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<html><body>hi</body></html>');
    expect((await rejection(await zip.generateAsync({ type: 'nodebuffer' }))).reason).toBe('not_word');
  });

  it('a Word 97–2003 .doc or a password-protected .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await rejection(ole)).reason).toBe('legacy_or_encrypted');
  });

  it('a file over 20 MB', async () => {
    const e = await rejection(Buffer.alloc(MAX_DOCX_BYTES + 1));
    expect(e.reason).toBe('too_large');
    expect(e.status).toBe(413);
    expect(e.message).toContain('20 MB');
  });
});

describe('odd but readable documents return findings', () => {
  it('a document without header table or anything else', async () => {
    const { findings, documentType } = await checkDocx(await rawDocx({ body: '<w:p><w:r><w:t>Chỉ một dòng.</w:t></w:r></w:p>' }));
    expect(documentType).toBeNull();
    const rules = findings.map((f) => f.rule);
    expect(rules).toContain('nd30.header-block');
    expect(rules).toContain('nd30.noi-nhan');
    expect(rules).toContain('nd30.page-size'); // no pgSz given
  });

  it('an empty body', async () => {
    const { findings } = await checkDocx(await rawDocx({ body: '' }));
    expect(findings.map((f) => f.rule)).toContain('nd30.header-block');
  });

  it('broken XML inside document.xml', async () => {
    const { findings } = await checkDocx(await rawDocx({ body: '<w:p><w:r><w:t>Không đóng thẻ</w:r><w:tbl><w:tr>' }));
    expect(findings.map((f) => f.rule)).toContain('nd30.header-block');
    // Word would refuse to open it: the check says so first.
    expect(findings[0]).toMatchObject({ rule: 'docx.well-formed', severity: 'error' });
    expect(findings[0]!.message).toContain('word/document.xml');
  });
});
